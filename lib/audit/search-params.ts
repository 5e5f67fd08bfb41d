import { z } from '@/lib/zod';
import { href } from '@/lib/params/href';
import { isoInstant, optionalParam } from '@/lib/params/validators';
import { AUDIT_ACTIONS, MAX_ACTOR_LENGTH, MAX_ENTITY_LENGTH } from './event';
import type { AuditFilter } from './store';

/**
 * The audit log's URL: one schema for the /admin/audit page, GET /api/audit and the links between
 * them (paging, CSV), so the page, the API and the download always filter alike.
 */
export const AUDIT_FILTERS = ['actor', 'action', 'entity', 'from', 'to'] as const;
export type AuditFilterName = (typeof AUDIT_FILTERS)[number];

export const AUDIT_FILTER_LABELS: Record<AuditFilterName, string> = {
  actor: 'User',
  action: 'Action',
  entity: 'Entity (starts with)',
  from: 'Recorded from (UTC)',
  to: 'Recorded before (UTC)',
};

export const AUDIT_PATH = '/admin/audit';

export const AUDIT_PAGE_SIZE = 100;
/** A CSV holds at most this many entries, newest first: narrow the filters for older ones. */
export const AUDIT_CSV_MAX_ROWS = 100_000;

const printable = (max: number, what: string) => z.string().max(max).regex(/^[^\u0000-\u001f\u007f]+$/, `must be ${what}`);

export const auditSearchParams = z
  .object({
    actor: optionalParam(printable(MAX_ACTOR_LENGTH, 'a user name')),
    action: optionalParam(z.enum(AUDIT_ACTIONS, { error: `must be one of ${AUDIT_ACTIONS.join(', ')}` })),
    entity: optionalParam(printable(MAX_ENTITY_LENGTH, 'the start of an entity such as role-session:AROA…')),
    from: optionalParam(isoInstant),
    to: optionalParam(isoInstant),
    limit: optionalParam(z.coerce.number().int().min(1).max(500)).transform((v) => v ?? AUDIT_PAGE_SIZE),
    cursor: optionalParam(z.string().regex(/^\d{1,19}$/, 'must be a cursor from a previous page')),
    format: optionalParam(z.enum(['csv'])),
  })
  .refine((p) => !p.from || !p.to || Date.parse(p.from) < Date.parse(p.to), { path: ['from'], message: 'must be before to' });
export type AuditSearchParams = z.infer<typeof auditSearchParams>;

/** The store's filter for a validated URL. */
export function auditFilterOf(params: AuditSearchParams): Omit<AuditFilter, 'limit'> {
  return { actor: params.actor, action: params.action, entity: params.entity, from: params.from, to: params.to, cursor: params.cursor };
}

/** The filters set, for links and for the audit entry of viewing the log. */
export function activeAuditFilters(params: Partial<AuditSearchParams>): Partial<Record<AuditFilterName, string>> {
  const out: Partial<Record<AuditFilterName, string>> = {};
  for (const f of AUDIT_FILTERS) {
    const v = params[f];
    if (v) out[f] = v;
  }
  return out;
}

/** The page (or `/api/audit`) with these filters; paging and format on top. */
export function auditHref(params: Partial<AuditSearchParams>, extra: { cursor?: string; format?: 'csv'; api?: boolean } = {}): string {
  const limit = params.limit && params.limit !== AUDIT_PAGE_SIZE ? params.limit : undefined;
  return href(extra.api ? '/api/audit' : AUDIT_PATH, { ...activeAuditFilters(params), limit, cursor: extra.cursor, format: extra.format });
}

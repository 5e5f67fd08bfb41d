import { z } from '@/lib/zod';
import { FINDING_SORTS, type FindingSort } from '@/lib/findings/schema';
import { FINDING_SOURCES, SEVERITY_LABELS, type SeverityLabel } from '@/lib/findings/types';
import { href } from '@/lib/params/href';
import { scopeParams, type Scope } from '@/lib/params/scope';
import { optionalParam, pathSegment } from '@/lib/params/validators';
import { FINDING_STATUSES, MAX_BULK_IDS, MAX_NOTE_LENGTH, STATUS_FILTERS, type StatusFilter } from '@/lib/findings/status';


/** A finding type as GuardDuty and the detections write it: `Stealth:IAMUser/CloudTrailLoggingDisabled`. */
export const findingType = z.string().regex(/^[A-Za-z0-9:/._!-]{1,200}$/, 'must be a finding type such as Stealth:IAMUser/CloudTrailLoggingDisabled');

/** /findings and GET /api/findings: the window, filters and sort, all in the URL. */
/** The findings list; a finding's page is under it. */
export const FINDINGS_PATH = '/findings';

export const findingListParams = scopeParams.extend({
  type: optionalParam(findingType),
  /** The lowest severity shown. */
  severity: optionalParam(z.enum(SEVERITY_LABELS)),
  source: optionalParam(z.enum(FINDING_SOURCES)),
  /** Open (new or investigating) unless the link says otherwise: the inbox shows what still needs someone. */
  status: optionalParam(z.enum(STATUS_FILTERS)).transform((v): StatusFilter => v ?? 'open'),
  /** An ATT&CK technique id (a parent matches its sub-techniques). */
  technique: optionalParam(z.string().regex(/^T\d{4}(\.\d{3})?$/, 'must be an ATT&CK technique id such as T1078 or T1078.004')),
  /** A user's name, or `-` for findings nobody has taken. */
  assignee: optionalParam(z.string().regex(/^(-|[A-Za-z][A-Za-z0-9._-]{1,63}|sso:[\x21-\x7e]{1,255})$/, 'must be a user name, or - for unassigned')),
  sort: optionalParam(z.enum(FINDING_SORTS)).transform((v): FindingSort => v ?? 'lastSeen'),
  order: optionalParam(z.enum(['asc', 'desc'])).transform((v) => v ?? 'desc'),
});
export type FindingListParams = z.output<typeof findingListParams>;

export const findingIdParam = pathSegment.pipe(z.string().regex(/^(gd|det)-[A-Za-z0-9._:-]{1,200}$/, 'must be a finding id such as gd-… or det-…'));

/** The severities at or above a minimum, as the store filters them. */
export function severitiesFrom(min: SeverityLabel | undefined): SeverityLabel[] | undefined {
  return min ? SEVERITY_LABELS.slice(SEVERITY_LABELS.indexOf(min)) : undefined;
}

/** A finding's page (lib links to findings too, so it lives here). */
export function findingHref(id: string, scope: Partial<Scope> = {}): string {
  return href(`${FINDINGS_PATH}/${encodeURIComponent(id)}`, { ...scope });
}

type ListLink = Partial<Record<'type' | 'severity' | 'source' | 'status' | 'assignee' | 'technique' | 'sort' | 'order', string | undefined>>;

/**
 * The findings list as `p` shows it, with `change` applied: the default sort (last seen, newest
 * first) is left out of `p`, while a change names what it sets (a sort header's link says
 * sort=lastSeen). In lib because lib links to the list too (audit entries).
 */
export function findingsHref(scope: Partial<Scope>, p: Partial<FindingListParams> = {}, change: ListLink = {}): string {
  return href(FINDINGS_PATH, {
    ...scope,
    type: p.type,
    severity: p.severity,
    source: p.source,
    status: p.status === 'open' ? undefined : p.status,
    assignee: p.assignee,
    technique: p.technique,
    sort: p.sort === 'lastSeen' ? undefined : p.sort,
    order: p.order === 'desc' ? undefined : p.order,
    ...change,
  });
}

const triageFields = {
  status: z.enum(FINDING_STATUSES).optional(),
  /** A user's name; null unassigns. */
  assignee: z.string().min(1).max(300).nullable().optional(),
  note: z.string().trim().min(1, 'must not be empty').max(MAX_NOTE_LENGTH).optional(),
};
const namesAChange = (b: { status?: unknown; assignee?: unknown; note?: unknown }) => b.status !== undefined || b.assignee !== undefined || b.note !== undefined;
const NO_CHANGE = 'name at least one of status, assignee, note';

/** A triage change as PATCH /api/findings/{id} takes it: at least one of status, assignee, note. */
export const triageBody = z.object(triageFields).strict().refine(namesAChange, NO_CHANGE);
export type TriageBody = z.output<typeof triageBody>;

/** PATCH /api/findings: the same change for up to MAX_BULK_IDS findings. */
export const bulkTriageBody = z
  .object({ ids: z.array(findingIdParam).min(1).max(MAX_BULK_IDS), ...triageFields })
  .strict()
  .refine(namesAChange, NO_CHANGE);

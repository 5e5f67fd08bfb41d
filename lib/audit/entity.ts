import { graphHref } from '@/lib/graph/params';
import { eventsHref } from '@/lib/events/params';
import { ipHref, roleHref, serviceHref, userHref } from '@/lib/profiles/params';
import { roleSessionHref } from '@/lib/role-sessions/profile-params';
import { activeEventFilters } from '@/lib/events/params';
import { findingHref, findingsHref } from '@/lib/findings/params';
import { incidentHref } from '@/lib/incidents/params';
import { accessPrincipalHref, vendorRoleHref } from '@/lib/reviews/params';
import { NO_SCOPE } from '@/lib/params/scope';
import type { AuditScope } from './event';

/**
 * What an audit entry is about, written `<kind>:<id>` (or the bare kind when there is no id), so
 * one prefix filter selects a kind (`role-session:`) or one entity. Client-safe.
 */
export const AUDIT_ENTITY_KINDS = [
  // Views of a profile or page of the investigation
  'role-session',
  'role',
  'user',
  'ip',
  'service',
  'access-principal',
  'vendor-role',
  'finding',
  'incident',
  'report',
  'graph',
  'events',
  // What changes touch: the findings store, an account's authorization details, a Trailscope user, a webhook
  'findings',
  'account',
  'app-user',
  'audit-log',
  'webhook',
] as const;
export type AuditEntityKind = (typeof AUDIT_ENTITY_KINDS)[number];

export function auditEntity(kind: AuditEntityKind, id?: string): string {
  return id === undefined ? kind : `${kind}:${id}`;
}

export function parseAuditEntity(entity: string): { kind: AuditEntityKind; id: string | null } | null {
  const colon = entity.indexOf(':');
  const kind = colon < 0 ? entity : entity.slice(0, colon);
  if (!(AUDIT_ENTITY_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as AuditEntityKind, id: colon < 0 ? null : entity.slice(colon + 1) };
}


/**
 * The page an entry's entity is shown on, with the scope the entry recorded, so an auditor sees
 * what the user saw. `events` also gets the search filters kept in the detail. Null when the
 * entity has no page (an account's upload, a Trailscope user).
 */
export function auditEntityHref(entity: string | null, scope: AuditScope | null, detail: Record<string, unknown> | null = null): string | null {
  const parsed = entity === null ? null : parseAuditEntity(entity);
  if (!parsed) return null;
  const s = scope ?? NO_SCOPE;
  const { kind, id } = parsed;
  if (kind === 'events') return eventsHref(s, activeEventFilters(detail));
  if (kind === 'findings') return findingsHref(s);
  if (id === null) return null;
  switch (kind) {
    case 'role-session':
      return roleSessionHref(id, s);
    case 'role':
      return roleHref(id, s);
    case 'user':
      return userHref(id, s);
    case 'ip':
      return ipHref(id, s);
    case 'service':
      return serviceHref(id, s);
    case 'access-principal':
      return accessPrincipalHref(id, s);
    case 'vendor-role':
      return vendorRoleHref(id, s);
    case 'finding':
      return findingHref(id);
    case 'incident':
      return incidentHref(id);
    case 'graph':
      return graphHref(id, s);
    default:
      return null;
  }
}

import { z } from '@/lib/zod';
import { href } from '@/lib/params/href';
import { scopeParams, type Scope } from '@/lib/params/scope';
import { accountId, optionalParam, principal, sessionName } from '@/lib/params/validators';

/** /role-sessions and GET /api/role-sessions: filters, sort and paging, all in the URL. */
export const ROLE_SESSIONS_PATH = '/role-sessions';

export const ROLE_SESSION_SORTS = ['last_seen', 'first_seen', 'events', 'failed', 'session_id', 'role_arn', 'account_id'] as const;
export type RoleSessionSort = (typeof ROLE_SESSION_SORTS)[number];

export const roleSessionListParams = scopeParams.extend({
  account: optionalParam(accountId),
  /** A role ARN, or a role name. */
  role: optionalParam(principal),
  sessionName: optionalParam(sessionName),
  /** Who called AssumeRole*: an ARN, principal id, user name, web-identity subject or service. */
  assumer: optionalParam(z.string().regex(/^[\w+=,.@:/-]{1,512}$/, 'must be an ARN, principal id, user name or service')),
  sort: optionalParam(z.enum(ROLE_SESSION_SORTS)).transform((v) => v ?? 'last_seen'),
  order: optionalParam(z.enum(['asc', 'desc'])).transform((v) => v ?? 'desc'),
  limit: optionalParam(z.coerce.number().int().min(1).max(200)).transform((v) => v ?? 50),
  cursor: optionalParam(z.string().regex(/^\d{1,6}$/, 'must be a page offset')),
});
export type RoleSessionListParams = z.infer<typeof roleSessionListParams>;

/**
 * The list with these filters, sort and page; the default sort (last seen, newest first) and empty
 * filters are left out. Here, not in the route's search-params.ts, because lib/ links to the list
 * too (search, a role's assumers) and never imports app/.
 */
export function roleSessionsHref(scope: Scope, p: Partial<RoleSessionListParams>): string {
  return href(ROLE_SESSIONS_PATH, {
    from: scope.from,
    to: scope.to,
    account: p.account,
    role: p.role,
    sessionName: p.sessionName,
    assumer: p.assumer,
    sort: p.sort === 'last_seen' ? undefined : p.sort,
    order: p.order === 'desc' ? undefined : p.order,
    cursor: p.cursor,
  });
}

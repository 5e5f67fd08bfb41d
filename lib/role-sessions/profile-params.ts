import { z } from '@/lib/zod';
import { href } from '@/lib/params/href';
import { scopeParams, type Scope } from '@/lib/params/scope';
import { optionalParam, pathSegment, ROLE_SESSION_ID } from '@/lib/params/validators';
import { volumeParams } from '@/lib/activity/params';

/** The role-session profile's URL: scope, tab, and the events tab's page. */
export const ROLE_SESSION_TABS = ['overview', 'new-behavior', 'timeline', 'events', 'graph'] as const;
export type RoleSessionTab = (typeof ROLE_SESSION_TABS)[number];

export const roleSessionProfileParams = scopeParams.extend(volumeParams.shape).extend({
  tab: optionalParam(z.enum(ROLE_SESSION_TABS)).transform((v) => v ?? 'overview'),
  cursor: optionalParam(z.string().max(400)),
});

/** The session id in the path: `AROA…:sessionName`, as Detective identifies a role session. */
export const sessionIdParam = pathSegment.pipe(z.string().regex(ROLE_SESSION_ID, 'must be a role session id: <role principal id>:<session name>'));

/** A role session's profile; `extra` carries the tab and the like (lib/ links here too, so it lives in lib). */
export function roleSessionHref(sessionId: string, scope: Scope, extra: Readonly<Record<string, string>> = {}): string {
  return href(`/role-sessions/${encodeURIComponent(sessionId)}`, { ...scope, ...extra });
}

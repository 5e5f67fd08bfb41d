import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import type { HygieneParams } from '@/lib/reviews/params';
import { SESSION_NAME_USAGE_LIMIT, sessionNameUsage, type SessionNameUsageRow } from '@/lib/reviews/queries/session-name-usage';
import { analyseHygiene, type RoleHygiene } from './analyse';

/**
 * Session-name hygiene for every role assumed in the scope:
 *
 *   session-name-usage (role × session name × caller) ─▶ analyseHygiene ─▶ verdict + recommendation
 */

export interface HygieneReview {
  roles: RoleHygiene[];
  truncated: boolean;
  panel: PanelResult<SessionNameUsageRow>;
}

export async function getHygieneReview(conn: Connection, scope: Scope, signal?: AbortSignal): Promise<HygieneReview> {
  const panel = await runPanel(conn, sessionNameUsage, scope, signal);
  const rows = panel.rows.slice(0, SESSION_NAME_USAGE_LIMIT);
  return { roles: analyseHygiene(rows), truncated: panel.rows.length > SESSION_NAME_USAGE_LIMIT, panel };
}

/** Pure: the page's filters and sort, from the URL. */
export function selectHygiene(roles: readonly RoleHygiene[], p: Pick<HygieneParams, 'sort' | 'order' | 'show' | 'role'>): RoleHygiene[] {
  const needle = p.role?.toLowerCase();
  const key = (r: RoleHygiene): number | string => {
    switch (p.sort) {
      case 'issues':
        return r.issues;
      case 'sessions':
        return r.sessions;
      case 'assumers':
        return r.assumers;
      case 'source_identity':
        return r.sourceIdentityShare;
      case 'role':
        return r.roleName.toLowerCase();
    }
  };
  const sign = p.order === 'asc' ? 1 : -1;
  return roles
    .filter((r) => (p.show === 'flagged' ? r.verdict === 'does-not-identify' : true))
    .filter((r) => (needle ? r.roleArn.toLowerCase().includes(needle) : true))
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -1 : x > y ? 1 : 0) * sign || b.sessions - a.sessions || a.roleArn.localeCompare(b.roleArn);
    });
}

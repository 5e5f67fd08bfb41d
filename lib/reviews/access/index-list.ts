import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import type { AccessIndexParams } from '@/lib/reviews/params';
import type { AuthorizationDetails } from '@/lib/reviews/policy/authorization-details';
import { ACTIVE_PRINCIPALS_LIMIT, activePrincipals, type ActivePrincipalRow } from '@/lib/reviews/queries/active-principals';

/**
 * The /access index: the roles and users active in the scope, and those an uploaded file lists
 * that made no call at all (the most unused access there is).
 */

export interface AccessIndexEntry {
  arn: string;
  kind: 'role' | 'user';
  name: string;
  calls: number;
  failed: number;
  services: number;
  lastCall: string | null;
  inDetails: boolean;
}

export interface AccessIndex {
  entries: AccessIndexEntry[];
  truncated: boolean;
  panel: PanelResult<ActivePrincipalRow>;
}

/** Pure: active principals merged with the uploaded ones, filtered as the URL asks. */
export function accessIndexEntries(rows: readonly ActivePrincipalRow[], uploads: readonly AuthorizationDetails[], p: Pick<AccessIndexParams, 'kind' | 'q'>): AccessIndexEntry[] {
  const listed = new Set(uploads.flatMap((d) => d.principals.map((x) => x.arn)));
  const entries: AccessIndexEntry[] = rows.map((r) => ({ ...r, name: r.arn.split('/').pop() ?? r.arn, inDetails: listed.has(r.arn) }));
  const active = new Set(rows.map((r) => r.arn));
  for (const d of uploads) {
    for (const x of d.principals) {
      // Service-linked roles cannot be changed by the account: not a review finding.
      if (active.has(x.arn) || x.arn.includes(':role/aws-service-role/')) continue;
      entries.push({ arn: x.arn, kind: x.kind, name: x.name, calls: 0, failed: 0, services: 0, lastCall: null, inDetails: true });
    }
  }
  const needle = p.q?.toLowerCase();
  return entries.filter((e) => (p.kind === 'all' || e.kind === p.kind) && (!needle || e.arn.toLowerCase().includes(needle)));
}

export async function getAccessIndex(conn: Connection, scope: Scope, uploads: readonly AuthorizationDetails[], p: Pick<AccessIndexParams, 'kind' | 'q'>, signal?: AbortSignal): Promise<AccessIndex> {
  const panel = await runPanel(conn, activePrincipals, scope, signal);
  return {
    entries: accessIndexEntries(panel.rows.slice(0, ACTIVE_PRINCIPALS_LIMIT), uploads, p),
    truncated: panel.rows.length > ACTIVE_PRINCIPALS_LIMIT,
    panel,
  };
}

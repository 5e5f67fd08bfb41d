import type { Connection } from '@/lib/engine/types';
import { runPanel } from '@/lib/engine/panel';
import { accountsInScope, regionsInScope, scopeTotals, topEventNames, topPrincipals } from '@/lib/overview/queries/overview';
import type { Scope } from '@/lib/params/scope';

/** The overview's panels, run concurrently; each keeps its own SQL and stats for "show SQL". */
export async function getOverview(conn: Connection, scope: Scope, signal?: AbortSignal) {
  const [totals, accounts, regions, principals, eventNames] = await Promise.all([
    runPanel(conn, scopeTotals, scope, signal),
    runPanel(conn, accountsInScope, scope, signal),
    runPanel(conn, regionsInScope, scope, signal),
    runPanel(conn, topPrincipals, scope, signal),
    runPanel(conn, topEventNames, scope, signal),
  ]);
  return { totals, accounts, regions, principals, eventNames };
}
export type Overview = Awaited<ReturnType<typeof getOverview>>;

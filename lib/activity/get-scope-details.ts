import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import type { Subject } from '@/lib/subjects/subject';
import { DETAILS_LIMIT, scopeDetails, type DetailRow, type DetailsTab } from './scope-details';

/** One tab's rows and the query behind them; `capped` when there were more than `limit` rows. */
export interface DetailsPanel extends PanelResult<DetailRow> {
  capped: boolean;
  limit: number;
}

export type ScopeDetails = Record<DetailsTab, DetailsPanel>;

/** One tab of "Display details for scope time" (the details API route can ask for just one). */
export async function getScopeDetailsTab(
  conn: Connection,
  subject: Subject,
  scope: Scope,
  tab: DetailsTab,
  signal?: AbortSignal,
): Promise<DetailsPanel> {
  const result = await runPanel(conn, scopeDetails[tab], { subject, ...scope }, signal);
  return { ...result, rows: result.rows.slice(0, DETAILS_LIMIT), capped: result.rows.length > DETAILS_LIMIT, limit: DETAILS_LIMIT };
}

/** All three tabs, run concurrently, so switching tabs needs no round trip. */
export async function getScopeDetails(conn: Connection, subject: Subject, scope: Scope, signal?: AbortSignal): Promise<ScopeDetails> {
  const tab = (t: DetailsTab) => getScopeDetailsTab(conn, subject, scope, t, signal);
  const [ips, apis, keys] = await Promise.all([tab('ips'), tab('apis'), tab('keys')]);
  return { ips, apis, keys };
}

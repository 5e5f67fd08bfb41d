import { getConnection } from '@/lib/engine';
import type { Scope } from '@/lib/params/scope';
import { ScopeGapNotice } from './gap-notice';

/** The gaps in the logs overlapping a scope (optionally one account and region), on any server-rendered page. */
export async function ScopeGaps({ scope, accountId, region }: { scope: Scope; accountId?: string; region?: string }) {
  return <ScopeGapNotice conn={await getConnection()} scope={scope} accountId={accountId} region={region} />;
}

import { Notice } from '@/components/notice';
import { gapSentence, type CoverageGap } from '@/lib/coverage/coverage';
import { gapsOverlapping } from '@/lib/coverage/gaps-overlapping';
import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';

/**
 * For a page that shows what happened in a time, account or region: each gap in the logs
 * overlapping it, as "No logs from account X in region Y between T1 and T2: the absence of events
 * there is not evidence." and how the gap is known. Renders nothing when there is none.
 */
export function GapNotice({ gaps }: { gaps: readonly CoverageGap[] }) {
  if (gaps.length === 0) return null;
  return (
    <Notice tone="warning" title={gaps.length === 1 ? 'A gap in the logs overlaps this view' : `${gaps.length} gaps in the logs overlap this view`}>
      <ul className="space-y-1.5" data-testid="gap-notice">
        {gaps.map((gap) => (
          <li key={`${gap.kind}/${gap.accountId}/${gap.region}/${gap.from}`} data-testid="gap-notice-item">
            <span className="font-medium">{gapSentence(gap)}</span> <span className="text-amber-800">{gap.reason}</span>
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** GapNotice for a scope, loading the gaps itself (lib/coverage/gaps-overlapping.ts): optionally one account and region. */
export async function ScopeGapNotice({ conn, scope, accountId, region }: { conn: Connection; scope: Scope; accountId?: string; region?: string }) {
  const { gaps } = await gapsOverlapping(conn, scope, { accountId, region });
  return <GapNotice gaps={gaps} />;
}

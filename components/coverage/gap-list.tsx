import Link from 'next/link';
import { gapSentence, type CoverageGap, type GapKind } from '@/lib/coverage/coverage';
import { gapEventHref, gapEventsHref } from '@/lib/coverage/params';

const KIND_LABELS: Record<GapKind, string> = {
  'no-delivery': 'no delivery',
  'logging-stopped': 'logging stopped',
  'trail-deleted': 'trail deleted',
};

const KIND_TONES: Record<GapKind, string> = {
  'no-delivery': 'bg-amber-100 text-amber-900',
  'logging-stopped': 'bg-red-100 text-red-900',
  'trail-deleted': 'bg-red-100 text-red-900',
};

const linkClass = 'text-indigo-700 hover:underline';

/** The gaps overlapping the scope, each in plain words with the events that show it and those around it. */
export function CoverageGapList({ gaps }: { gaps: readonly CoverageGap[] }) {
  if (gaps.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="coverage-no-gaps">
        No gap found in the scope: no trail was stopped or deleted, and no silence of an account and region is improbable by the rule below.
      </p>
    );
  }
  return (
    <ol className="divide-y divide-slate-100" data-testid="coverage-gaps">
      {gaps.map((gap) => (
        <li key={`${gap.kind}/${gap.accountId}/${gap.region}/${gap.from}/${gap.trailName ?? ''}`} className="space-y-1 py-3 text-sm" data-testid="coverage-gap" data-kind={gap.kind}>
          <p>
            <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${KIND_TONES[gap.kind]}`}>{KIND_LABELS[gap.kind]}</span>
            <span className="font-medium text-slate-900">{gapSentence(gap)}</span>
          </p>
          <p className="text-slate-600">{gap.reason}</p>
          <p className="flex flex-wrap gap-x-4 text-xs">
            <Link href={gapEventsHref(gap)} className={linkClass} data-testid="gap-events-link">
              Events around it in {gap.accountId ?? 'its account'} {gap.region ?? ''}
            </Link>
            {gap.eventIds[0] && gap.kind !== 'no-delivery' && (
              <Link href={gapEventHref(gap, gap.eventIds[0], 'from')} className={linkClass} data-testid="gap-stop-link">
                The {gap.kind === 'trail-deleted' ? 'stop or delete' : 'StopLogging'} call
              </Link>
            )}
            {gap.eventIds[1] && (
              <Link href={gapEventHref(gap, gap.eventIds[1], 'to')} className={linkClass} data-testid="gap-restart-link">
                The call that restarted it
              </Link>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}

import { Card } from '@/components/card';
import { CoverageGapList } from '@/components/coverage/gap-list';
import { CoverageHeatMap } from '@/components/coverage/heat-map';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { ReviewSql } from '@/components/reviews/review-sql';
import { scopeDays } from '@/lib/coverage/coverage';
import { loadCoverage } from '@/lib/coverage/load-coverage';
import { SILENCE_RULE } from '@/lib/coverage/silences';
import { formatTime } from '@/lib/format';
import { loadPage } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { NO_SCOPE } from '@/lib/params/scope';
import { COVERAGE_DEFAULT_DAYS, queryParams, toHref } from './search-params';

export const dynamic = 'force-dynamic';

export default async function CoveragePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { page } = await loadPage(await searchParams, { query: queryParams, reviewDays: COVERAGE_DEFAULT_DAYS, reset: { query: toHref(NO_SCOPE) } });
  const { conn, scope } = page;
  const coverage = await loadCoverage(conn, scope, { files: true });
  const { windows, panels } = coverage;
  return (
    <div className="space-y-5">
      <PageHeader title="Coverage" scope={scope} latest={page.range.last} />
      <p className="text-sm text-slate-600">
        Which logs are here, and where they go dark: per account and region, each UTC day’s events and the delivery files they came in, and the stretches when a trail was stopped or
        deleted or when nothing arrived although the hours around had plenty. Where the logs are silent, the absence of an event proves nothing.
      </p>
      {!windows && (
        <Notice tone="info" title="No events in or around the scope">
          The data runs from {formatTime(page.range.first)} to {formatTime(page.range.last)}.
        </Notice>
      )}
      {coverage.truncated.counts && (
        <Notice tone="warning" title="Too many account × region × hours to judge">
          The scope holds more than the coverage query returns at once: narrow it to see its cells and silences.
        </Notice>
      )}
      <Card
        title={`Gaps in the logs (${coverage.gaps.length})`}
        footer={
          panels && (
            <div className="space-y-1">
              {panels.trailHours && <ReviewSql query={panels.trailHours} label="SQL (hours with trail changes, from the hourly summary)" />}
              {panels.trailEvents && <ReviewSql query={panels.trailEvents} label="SQL (trail stops, starts, deletions and updates)" />}
            </div>
          )
        }
      >
        {coverage.truncated.trailEvents && <p className="mb-2 text-xs text-amber-700">Only the first 10,000 trail changes are read; narrow the scope.</p>}
        <CoverageGapList gaps={coverage.gaps} />
      </Card>
      <Card
        title={`Events per account, region and day (${coverage.streams.length} account × region)`}
        footer={panels && <ReviewSql query={panels.counts} label="SQL (events per hour, events and delivery files per day)" />}
      >
        {coverage.streams.length > 0 ? (
          <CoverageHeatMap streams={coverage.streams} cells={coverage.cells} days={scopeDays(scope)} />
        ) : (
          <p className="text-sm text-slate-600">No account or region has events in the hours examined.</p>
        )}
      </Card>
      <details className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700" data-testid="coverage-rule">
        <summary className="cursor-pointer font-medium">How gaps are found</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            <strong>Logging stopped, trail deleted</strong>: a successful StopLogging or DeleteTrail until the same trail’s StartLogging or CreateTrail (named by name or ARN), or until the
            end of what was searched{windows ? ` (${formatTime(windows.trail.from)} to ${formatTime(windows.trail.to)})` : ''}. The gap is placed in the trail’s home region; a trail
            whose CreateTrail or UpdateTrail says it is multi-region counts for every region of its account.
          </li>
          <li>
            <strong>No delivery</strong>: a run of at least {SILENCE_RULE.minHours} empty UTC hours of one account and region with events on both sides, where at least half of the{' '}
            {SILENCE_RULE.neighbourHours} hours on each side had events, their rate λ expects at least {SILENCE_RULE.minExpectedEvents} events in the run (λ·L ≥{' '}
            {SILENCE_RULE.minExpectedEvents}: no event then has a chance below 1%), and the run is more than {SILENCE_RULE.habitFactor}× the longest other silence of that account and
            region within 7 days. Quiet nights, weekends and sparse regions are not flagged; a silence at the edge of the hours examined
            {windows ? ` (${formatTime(windows.hours.from)} to ${formatTime(windows.hours.to)})` : ''} is not judged.
          </li>
          <li>Account × region pairs without any event in the hours examined are not listed: widen the scope to see whether they had any before.</li>
        </ul>
      </details>
    </div>
  );
}

import { Suspense } from 'react';
import { Card } from '@/components/card';
import { SqlPanel } from '@/components/sql-panel';
import type { ApiVolume } from '@/lib/activity/get-api-volume';
import { formatRate } from '@/lib/activity/volume-axis';
import { formatCount, formatTime } from '@/lib/format';
import { ChartApiVolume } from './chart-api-volume';

const NO_BASELINE = {
  'no-history': 'no calls before the scope, so no baseline',
  'no-baseline-period': 'no stored data before the scope, so no baseline',
} as const;

/** Detective's "Overall API call volume": the chart, what it compares, and the SQL behind it. */
export function ApiVolumePanel({ volume }: { volume: ApiVolume }) {
  const { series } = volume;
  const { scopeTotals } = series;
  return (
    <Card
      title="Overall API call volume"
      actions={
        <span className="text-xs text-slate-500">
          {formatTime(volume.window.from)} → {formatTime(volume.window.to)}, per {series.bucket}
        </span>
      }
      footer={<SqlPanel query={volume} />}
    >
      <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" data-testid="api-volume-legend">
        <Swatch className="bg-indigo-500" label="Successful" />
        <Swatch className="bg-red-500" label="Failed" />
        <span className="flex items-center gap-1.5">
          <span className="inline-block w-5 border-t-2 border-dashed border-slate-700" />
          {series.baseline === null
            ? `Baseline: ${NO_BASELINE[series.noBaseline ?? 'no-history']}`
            : `Baseline: ${formatRate(series.baseline)} calls per ${series.bucket} (mean of the ${volume.baselineDays} days before the scope)`}
        </span>
        <Swatch className="border border-indigo-400 bg-indigo-100" label="Scope time" />
        <span
          className="ml-auto tabular-nums text-slate-700"
          data-testid="api-volume-scope-totals"
          title={scopeTotals.exact ? undefined : `The first ${series.bucket} bar starts before the scope; the details below count the scope exactly.`}
        >
          In scope: {scopeTotals.exact ? '' : '≈ '}
          {formatCount(scopeTotals.success)} successful, {formatCount(scopeTotals.failed)} failed
        </span>
      </div>
      <div className="relative">
        {/* Drawn even when empty: the bars are where a drag selects the next scope. */}
        <Suspense>
          <ChartApiVolume series={series} />
        </Suspense>
        {series.windowTotal === 0 && (
          <p className="pointer-events-none absolute inset-x-0 top-1/3 text-center text-sm text-slate-500">
            No calls from {formatTime(volume.window.from)} to {formatTime(volume.window.to)}.
          </p>
        )}
      </div>
      <p className="mt-1 text-xs text-slate-400">Times in UTC. Drag across the bars to choose a new scope time.</p>
    </Card>
  );
}

function Swatch({ className, label }: { className: string; label: string }) {
  return (
    <span className="flex items-center gap-1.5">
      <span className={`inline-block h-2.5 w-2.5 rounded-sm ${className}`} />
      {label}
    </span>
  );
}

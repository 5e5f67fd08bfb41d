'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatCount } from '@/lib/format';
import { barIndex, scopeFromSelection } from '@/lib/activity/scope-selection';
import { withScope } from '@/lib/params/href';
import { formatBucketRange, formatTick, timeAxis } from '@/lib/activity/volume-axis';
import type { VolumePoint, VolumeSeries } from '@/lib/activity/volume-series';

const SUCCESS = '#6366f1'; // indigo-500
const FAILED = '#ef4444'; // red-500
const SCOPE = '#4f46e5'; // indigo-600
const SELECTION = '#f59e0b'; // amber-500

interface Drag {
  start: number;
  end: number;
}

/**
 * Successful and failed calls per bucket, the scope shaded, the baseline dashed. Dragging across
 * the bars selects a new scope: the URL changes and the page runs its queries for it.
 */
export function ChartApiVolume({ series, height = 240 }: { series: VolumeSeries; height?: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [drag, setDrag] = useState<Drag | null>(null);
  const [pending, startTransition] = useTransition();
  const axis = useMemo(() => timeAxis(series.domain), [series.domain]);
  const { points, bucketMs } = series;

  const at = (active: number | string | null | undefined): VolumePoint | undefined => {
    const i = barIndex(active, points.length);
    return i === null ? undefined : points[i];
  };

  const finish = () => {
    const selected = drag && scopeFromSelection(drag.start, drag.end, bucketMs);
    setDrag(null);
    if (!selected) return;
    startTransition(() => router.push(`${pathname}?${withScope(search.toString(), selected)}`));
  };

  return (
    <div
      // recharts makes the chart focusable for keyboard users; a mouse drag should not leave a focus ring.
      className="relative select-none [&_*:focus:not(:focus-visible)]:outline-none"
      data-testid="api-volume-chart"
      aria-busy={pending}
      title="Drag across the bars to choose a new scope time"
    >
      <BarChart
        data={points}
        responsive
        style={{ width: '100%', height }}
        margin={{ top: 16, right: 12, bottom: 0, left: 0 }}
        barCategoryGap={1}
        cursor="crosshair"
        onMouseDown={(state) => {
          const p = at(state.activeIndex);
          if (p) setDrag({ start: p.t, end: p.t });
        }}
        onMouseMove={(state) => {
          const p = at(state.activeIndex);
          if (drag && p && p.t !== drag.end) setDrag({ ...drag, end: p.t });
        }}
        onMouseUp={finish}
        onMouseLeave={() => setDrag(null)}
      >
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis
          dataKey="mid"
          type="number"
          domain={series.domain}
          ticks={axis.ticks}
          tickFormatter={(t: number) => formatTick(t, axis.withTime)}
          tick={{ fontSize: 11, fill: '#64748b' }}
          tickLine={false}
          axisLine={{ stroke: '#cbd5e1' }}
          allowDataOverflow
        />
        <YAxis allowDecimals={false} width={44} tick={{ fontSize: 11, fill: '#64748b' }} tickLine={false} axisLine={false} />
        <ReferenceArea
          x1={series.scope.from}
          x2={series.scope.to}
          ifOverflow="hidden"
          shape={ScopeShape}
          label={{ value: 'scope', position: 'insideTop', fill: SCOPE, fontSize: 11, offset: -12 }}
        />
        {drag && (
          <ReferenceArea
            x1={Math.min(drag.start, drag.end)}
            x2={Math.max(drag.start, drag.end) + bucketMs}
            ifOverflow="hidden"
            fill={SELECTION}
            fillOpacity={0.25}
            stroke={SELECTION}
          />
        )}
        {series.baseline !== null && (
          <ReferenceLine y={series.baseline} stroke="#334155" strokeDasharray="6 4" strokeWidth={1.5} ifOverflow="extendDomain" />
        )}
        <Tooltip
          content={(props: TooltipContentProps) => <BucketTooltip point={at(props.activeIndex)} bucketMs={bucketMs} active={props.active} />}
          cursor={{ fill: 'rgba(99, 102, 241, 0.08)' }}
          isAnimationActive={false}
        />
        <Bar dataKey="success" name="Successful" stackId="calls" fill={SUCCESS} isAnimationActive={false} />
        <Bar dataKey="failed" name="Failed" stackId="calls" fill={FAILED} isAnimationActive={false} />
      </BarChart>
      {pending && (
        <div className="absolute inset-0 flex items-center justify-center bg-white/60 text-sm text-slate-600" role="status">
          Loading the new scope…
        </div>
      )}
    </div>
  );
}

/** A scope of an hour in a 45-day window is under a pixel wide: keep it visible, centred on the scope. */
const MIN_SCOPE_PX = 5;

function ScopeShape({ x = 0, y = 0, width = 0, height = 0 }: { x?: number; y?: number; width?: number; height?: number }) {
  const w = Math.max(width, MIN_SCOPE_PX);
  return (
    <rect
      x={x - (w - width) / 2}
      y={y}
      width={w}
      height={height}
      fill={SCOPE}
      fillOpacity={0.12}
      stroke={SCOPE}
      strokeOpacity={0.6}
      data-testid="scope-area"
    />
  );
}

function BucketTooltip({ point, bucketMs, active }: { point: VolumePoint | undefined; bucketMs: number; active: boolean }) {
  if (!active || !point) return null;
  return (
    <div className="rounded border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-slate-700">{formatBucketRange(point.t, bucketMs)}</p>
      <p className="mt-1 tabular-nums text-indigo-700">{formatCount(point.success)} successful</p>
      <p className="tabular-nums text-red-700">{formatCount(point.failed)} failed</p>
      {point.inScope && <p className="mt-1 text-slate-500">in the scope time</p>}
    </div>
  );
}

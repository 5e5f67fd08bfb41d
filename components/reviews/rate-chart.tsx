import type { Scope } from '@/lib/params/scope';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import type { RateSeries } from '@/lib/reviews/vendors/role-review';
import { formatCount, shortTime } from '@/lib/format';
import { isoUtc } from '@/lib/time';

const GRAIN_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;
const W = 900;
const H = 180;
const PAD = { left: 40, right: 8, top: 10, bottom: 22 };

/**
 * The busiest minute of each bucket as a bar (throttled calls in red on top of it): rate limits
 * bite on bursts, so the chart shows peaks, not bucket totals. Each bar opens the bucket's events.
 */
export function RateChart({ rate, roleArn, scope }: { rate: RateSeries; roleArn: string; scope: Scope }) {
  if (rate.perMinute.length === 0) return <p className="text-sm text-slate-500">The role made no call in the scope.</p>;
  const from = Date.parse(scope.from);
  const to = Date.parse(scope.to);
  const step = GRAIN_MS[rate.grain];
  const slots = Math.max(1, Math.ceil((to - from) / step));
  const max = Math.max(1, ...rate.perMinute.map((b) => b.peakPerMinute));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const barW = Math.max(1, innerW / slots - (slots > 200 ? 0 : 1));
  const x = (ms: number) => PAD.left + ((ms - from) / (to - from)) * innerW;
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  return (
    <figure data-testid="rate-chart">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-48 w-full" role="img" aria-label={`Peak calls per minute per ${rate.grain}`}>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="stroke-slate-300" />
        <text x={PAD.left - 4} y={y(max) + 4} textAnchor="end" className="fill-slate-500 text-[10px]">
          {max}
        </text>
        <text x={PAD.left - 4} y={y(0)} textAnchor="end" className="fill-slate-500 text-[10px]">
          0
        </text>
        {rate.perMinute.map((b) => {
          const start = Date.parse(b.bucket);
          const throttledH = b.calls > 0 ? (b.throttled / b.calls) * (y(0) - y(b.peakPerMinute)) : 0;
          return (
            <a key={b.bucket} href={eventsHref({ from: isoUtc(Math.max(start, from)), to: isoUtc(Math.min(start + step, to)) }, { principal: roleArn })} data-testid="rate-bar">
              <title>{`${shortTime(b.bucket)} UTC: ${formatCount(b.calls)} calls, busiest minute ${b.peakPerMinute} calls (${shortTime(b.peakMinute)}), ${b.throttled} throttled`}</title>
              <rect x={x(start)} y={y(b.peakPerMinute)} width={barW} height={y(0) - y(b.peakPerMinute)} className="fill-indigo-400 hover:fill-indigo-600" />
              {b.throttled > 0 && <rect x={x(start)} y={y(b.peakPerMinute)} width={barW} height={Math.max(1, throttledH)} className="fill-red-500" />}
            </a>
          );
        })}
        <text x={PAD.left} y={H - 6} className="fill-slate-500 text-[10px]">
          {shortTime(scope.from)}
        </text>
        <text x={W - PAD.right} y={H - 6} textAnchor="end" className="fill-slate-500 text-[10px]">
          {shortTime(scope.to)}
        </text>
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-500">
        <span>
          <span className="mr-1 inline-block h-2 w-3 bg-indigo-400" />
          busiest minute of each {rate.grain} (calls per minute)
        </span>
        <span>
          <span className="mr-1 inline-block h-2 w-3 bg-red-500" />
          share throttled
        </span>
      </figcaption>
    </figure>
  );
}

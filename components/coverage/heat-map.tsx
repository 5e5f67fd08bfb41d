import Link from 'next/link';
import type { CoverageCell, Stream } from '@/lib/coverage/coverage';
import { cellEventsHref } from '@/lib/coverage/params';
import { formatCount } from '@/lib/format';

/** Shades from a quiet day to the row's busiest (Tailwind needs each class written out). */
const SHADES = ['bg-indigo-100', 'bg-indigo-200', 'bg-indigo-300', 'bg-indigo-400', 'bg-indigo-500', 'bg-indigo-600', 'bg-indigo-700'] as const;
const EMPTY = 'bg-white bg-[repeating-linear-gradient(135deg,#e2e8f0_0,#e2e8f0_2px,transparent_2px,transparent_6px)] border border-dashed border-slate-300';

/**
 * A day's shade by its share of the row's busiest day, in even steps: a day with half the usual
 * events is visibly lighter, and any day with an event is still coloured.
 */
function shade(events: number, rowMax: number): string {
  if (events <= 0 || rowMax <= 0) return EMPTY;
  const step = Math.ceil((events / rowMax) * SHADES.length) - 1;
  return SHADES[Math.max(0, Math.min(SHADES.length - 1, step))] ?? SHADES[0];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const streamLabel = (s: Stream) => `${s.accountId ?? 'unknown account'} ${s.region ?? 'unknown region'}`;

/**
 * Account × region rows, UTC days as columns: each cell coloured by the day's events (against the
 * row's busiest day), hatched where there were none, ringed in red where a gap overlaps the day;
 * every cell opens that account, region and day in the event search.
 */
export function CoverageHeatMap({ streams, cells, days }: { streams: readonly Stream[]; cells: readonly CoverageCell[]; days: readonly string[] }) {
  const byStream = new Map<string, CoverageCell[]>();
  for (const c of cells) {
    const key = streamLabel(c);
    byStream.set(key, [...(byStream.get(key) ?? []), c]);
  }
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-0.5 text-xs" data-testid="coverage-heat-map">
          <thead>
            <tr>
              <th className="sticky left-0 bg-white pr-2 text-left font-medium text-slate-500">Account · region</th>
              {days.map((d, i) => (
                <th key={d} scope="col" className="w-6 min-w-6 align-bottom font-normal leading-tight text-slate-500" title={d}>
                  <span className="block h-4 text-[10px] text-slate-400">{i === 0 || d.endsWith('-01') ? MONTHS[Number(d.slice(5, 7)) - 1] : ''}</span>
                  <span className="block tabular-nums">{Number(d.slice(8))}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {streams.map((s) => {
              const row = byStream.get(streamLabel(s)) ?? [];
              const max = Math.max(0, ...row.map((c) => c.events));
              return (
                <tr key={streamLabel(s)} data-testid="coverage-row" data-account={s.accountId ?? ''} data-region={s.region ?? ''}>
                  <th scope="row" className="sticky left-0 whitespace-nowrap bg-white pr-2 text-left font-mono font-normal text-slate-700">
                    {s.accountId ?? 'unknown'} <span className="text-slate-500">{s.region ?? 'unknown'}</span>
                  </th>
                  {row.map((c) => {
                    const title = `${streamLabel(c)} ${c.day}: ${c.events === 0 ? 'no events' : `${formatCount(c.events)} events`}${c.files === null ? '' : `, ${formatCount(c.files)} delivery files`}${c.gap ? '; a gap in the logs overlaps this day' : ''}`;
                    return (
                      <td key={c.day} className="p-0">
                        <Link
                          href={cellEventsHref(c)}
                          title={title}
                          aria-label={title}
                          data-testid="coverage-cell"
                          data-day={c.day}
                          data-events={c.events}
                          data-gap={c.gap ? 'true' : 'false'}
                          className={`relative block h-6 w-6 rounded-sm ${shade(c.events, max)} ${c.gap ? 'ring-2 ring-inset ring-red-600' : ''} hover:outline hover:outline-2 hover:outline-slate-900`}
                        >
                          {c.gap && <span className="absolute right-0.5 top-0.5 h-1.5 w-1.5 rounded-full bg-red-600" aria-hidden />}
                        </Link>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" data-testid="coverage-legend">
        <span className="flex items-center gap-1">
          <span className="flex">
            {SHADES.map((s) => (
              <span key={s} className={`h-3 w-3 ${s}`} />
            ))}
          </span>
          fewer → more events, as a share of the row’s busiest day
        </span>
        <span className="flex items-center gap-1">
          <span className={`h-3 w-3 rounded-sm ${EMPTY}`} /> no events
        </span>
        <span className="flex items-center gap-1">
          <span className="relative h-3 w-3 rounded-sm bg-indigo-300 ring-2 ring-inset ring-red-600" /> a gap overlaps the day
        </span>
        <span>UTC days; a cell opens its events.</span>
      </div>
    </div>
  );
}

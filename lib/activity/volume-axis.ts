/**
 * The volume chart's time axis: ticks on round UTC instants, few enough that labels never touch
 * (a label is ~90 px; the chart is ~900 px wide on a laptop, so at most 8 ticks).
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TICK_STEPS = [HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY] as const;
const FOUR_WEEKS = 28 * DAY;
const MONDAY_OFFSET = 4 * DAY;
export const MAX_TICKS = 8;

export interface TimeAxis {
  ticks: number[];
  /** Whether labels need the time of day (steps under a day) or only the date. */
  withTime: boolean;
}

export function timeAxis(domain: readonly [number, number], maxTicks = MAX_TICKS): TimeAxis {
  const [from, to] = domain;
  // Both ends can land on a tick, so a span of n steps has n + 1 ticks.
  const step =
    TICK_STEPS.find((s) => (to - from) / s + 1 <= maxTicks) ?? Math.ceil((to - from) / (maxTicks - 1) / FOUR_WEEKS) * FOUR_WEEKS;
  // Epoch-aligned weeks start on Thursdays (1970-01-01); people read weeks from Monday.
  const offset = step >= 7 * DAY ? MONDAY_OFFSET : 0;
  const ticks: number[] = [];
  for (let t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) ticks.push(t);
  return { ticks, withTime: step < DAY };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

/** `Nov 18` or `Nov 18 06:00`, always UTC (investigators compare times across accounts). */
export function formatTick(ms: number, withTime: boolean): string {
  const d = new Date(ms);
  const date = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}

/** A bucket as a tooltip names it: `2026-11-18 06:00 – 12:00 UTC`, or across days in full. */
export function formatBucketRange(start: number, widthMs: number): string {
  const full = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  const a = full(start);
  const b = full(start + widthMs);
  return a.slice(0, 10) === b.slice(0, 10) ? `${a} – ${b.slice(11)} UTC` : `${a} – ${b} UTC`;
}

/** A per-bucket mean as people read it: `0.4`, `2.3`, `17`. */
export function formatRate(value: number): string {
  return value >= 10 ? String(Math.round(value)) : value.toFixed(1);
}

/**
 * The folder days a table can hold data for, from its metadata alone (no query): the range of its
 * date projection (`projection.timestamp.range`, e.g. `2024/01/01,NOW`) or of its projected years,
 * ending today at the latest (CloudTrail's folders are delivery days, never in the future); or,
 * for a table whose partitions are registered in the catalog, "ask the catalog".
 */
import type { TableShape } from '@/lib/engine/table-shape';
import { addIsoDays, isoDay, parseIsoDay } from '@/lib/time';

export type CandidateDays =
  | { kind: 'range'; first: string; last: string }
  /** Partitions registered in the catalog: list them (`$partitions`). */
  | { kind: 'registered'; keys: 'timestamp' | 'year-month-day' }
  /** No date partitions: nothing narrows a read to some days. */
  | { kind: 'unpartitioned' };

const UNIT_MS: Record<string, number> = { WEEKS: 7 * 86_400_000, DAYS: 86_400_000, HOURS: 3_600_000, MINUTES: 60_000, SECONDS: 1_000 };

/**
 * A date projection bound as a day: `yyyy/MM/dd`, or Athena's `NOW`, `NOW-3YEARS`, `NOW+1DAYS`…
 * (units YEARS, MONTHS, WEEKS, DAYS, HOURS, MINUTES, SECONDS). Null when it is neither.
 */
export function projectionDay(text: string, now: number): string | null {
  const fixed = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text);
  if (fixed) return parseIsoDay(`${fixed[1]}-${fixed[2]}-${fixed[3]}`) === null ? null : `${fixed[1]}-${fixed[2]}-${fixed[3]}`;
  const m = /^NOW(?:\s*([+-])\s*(\d+)\s*(YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?|MINUTES?|SECONDS?))?$/i.exec(text.trim());
  if (!m) return null;
  if (!m[1]) return isoDay(now);
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  const unit = (m[3] as string).toUpperCase().replace(/S?$/, 'S');
  if (unit === 'YEARS' || unit === 'MONTHS') {
    const d = new Date(now);
    d.setUTCMonth(d.getUTCMonth() + (unit === 'YEARS' ? 12 * n : n));
    return isoDay(d.getTime());
  }
  return isoDay(now + n * (UNIT_MS[unit] as number));
}

export function candidateDays(shape: TableShape, now: number): CandidateDays {
  const today = isoDay(now);
  const keys = shape.partitionKeys;
  const projection = shape.projection;
  if (keys.includes('timestamp')) {
    const p = projection?.keys.timestamp;
    if (!p) return { kind: 'registered', keys: 'timestamp' };
    if (p.type === 'date' && p.range) {
      const first = projectionDay(p.range[0], now);
      const last = projectionDay(p.range[1], now);
      if (first && last) return { kind: 'range', first, last: last < today ? last : today };
    }
  }
  if (keys.includes('year') && keys.includes('month') && keys.includes('day')) {
    const p = projection?.keys.year;
    if (!p) return { kind: 'registered', keys: 'year-month-day' };
    if (p.type === 'integer' && p.range) {
      const last = `${String(p.range[1]).padStart(4, '0')}-12-31`;
      return { kind: 'range', first: `${String(p.range[0]).padStart(4, '0')}-01-01`, last: last < today ? last : today };
    }
  }
  if (keys.includes('timestamp') || keys.includes('year')) {
    // Projected without a usable range: every day a trail can have (CloudTrail launched 2013-11-13).
    return { kind: 'range', first: '2013-11-13', last: today };
  }
  return { kind: 'unpartitioned' };
}

/** Every day from first to last, inclusive (empty when first is after last). */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addIsoDays(d, 1)) out.push(d);
  return out;
}

/** `2024/01/02` (a projected `timestamp`, or year/month/day joined) → `2024-01-02`; null otherwise. */
export function partitionDay(text: string): string | null {
  const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (!m) return null;
  const day = `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
  return parseIsoDay(day) === null ? null : day;
}

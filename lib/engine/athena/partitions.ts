/**
 * Partition predicates that let Athena read only the days a query asks about.
 *
 * CloudTrail writes to `.../CloudTrail/<region>/YYYY/MM/DD/` by *delivery* date, typically ~5 min
 * after the event, so an event just before midnight can sit in the next day's folder: the day range
 * is widened by one day each side, as `Dialect.timeRange` specifies. Only the right side is needed
 * for late delivery; the left side costs one more day of scan and guards against clock differences
 * between the service that stamped eventTime and the one that delivered the file.
 *
 * Values are derived from validated `Date`s and bound as parameters (Athena's own docs show
 * `WHERE year = ? AND month = ? AND day = ?` as the execution-parameter example), never copied from
 * request strings. All values are zero-padded strings, so string comparison is date comparison.
 *
 * For `year/month/day` layouts a range is split into whole years, whole months and day runs, e.g.
 * 2024-01-30..2024-02-02 → (2024-01 days 30..31) OR (2024-02 days 01..02). Each disjunct compares
 * partition columns with constants only, which Trino's Hive connector can both push down to Glue
 * and evaluate exactly against every partition value.
 */
import type { AthenaPartitioning } from '@/lib/env';
import { join, sql, type Sql } from '@/lib/sql/sql';

export interface UtcDay {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

const DAY_MS = 86_400_000;

export function dayOf(date: Date): UtcDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: UtcDay, n: number): UtcDay {
  return dayOf(new Date(Date.UTC(d.year, d.month - 1, d.day) + n * DAY_MS));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The inclusive folder-date range for events in [from, to), widened one day each side. */
export function widenedDays(from: Date, to: Date): { first: UtcDay; last: UtcDay } {
  return { first: addDays(dayOf(from), -1), last: addDays(dayOf(new Date(to.getTime() - 1)), 1) };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `yyyy/MM/dd`, the format of CloudTrail's date folders and of the projected `timestamp` column. */
export function slashDate(d: UtcDay): string {
  return `${pad(d.year, 4)}/${pad(d.month, 2)}/${pad(d.day, 2)}`;
}

export type Segment =
  | { kind: 'days'; year: string; month: string; from: string; to: string }
  | { kind: 'months'; year: string; from: string; to: string }
  | { kind: 'years'; from: string; to: string };

const Y = (y: number) => pad(y, 4);
const M = (m: number) => pad(m, 2);

function monthSegments(startYear: number, startMonth: number, endYear: number, endMonth: number): Segment[] {
  if (startYear === endYear) {
    return startMonth === 1 && endMonth === 12
      ? [{ kind: 'years', from: Y(startYear), to: Y(startYear) }]
      : [{ kind: 'months', year: Y(startYear), from: M(startMonth), to: M(endMonth) }];
  }
  const out: Segment[] = [];
  let firstWholeYear = startYear;
  let lastWholeYear = endYear;
  if (startMonth !== 1) {
    out.push({ kind: 'months', year: Y(startYear), from: M(startMonth), to: '12' });
    firstWholeYear++;
  }
  const tail: Segment[] = [];
  if (endMonth !== 12) {
    tail.push({ kind: 'months', year: Y(endYear), from: '01', to: M(endMonth) });
    lastWholeYear--;
  }
  if (firstWholeYear <= lastWholeYear) out.push({ kind: 'years', from: Y(firstWholeYear), to: Y(lastWholeYear) });
  return [...out, ...tail];
}

/** Splits the inclusive day range into as few year/month/day segments as possible. */
export function yearMonthDaySegments(first: UtcDay, last: UtcDay): Segment[] {
  if (first.year === last.year && first.month === last.month) {
    return [{ kind: 'days', year: Y(first.year), month: M(first.month), from: M(first.day), to: M(last.day) }];
  }
  const out: Segment[] = [];
  let start = { year: first.year, month: first.month };
  if (first.day !== 1) {
    out.push({
      kind: 'days',
      year: Y(first.year),
      month: M(first.month),
      from: M(first.day),
      to: M(daysInMonth(first.year, first.month)),
    });
    start = first.month === 12 ? { year: first.year + 1, month: 1 } : { year: first.year, month: first.month + 1 };
  }
  let end = { year: last.year, month: last.month };
  const tail: Segment[] = [];
  if (last.day !== daysInMonth(last.year, last.month)) {
    tail.push({ kind: 'days', year: Y(last.year), month: M(last.month), from: '01', to: M(last.day) });
    end = last.month === 1 ? { year: last.year - 1, month: 12 } : { year: last.year, month: last.month - 1 };
  }
  if (start.year < end.year || (start.year === end.year && start.month <= end.month)) {
    out.push(...monthSegments(start.year, start.month, end.year, end.month));
  }
  return [...out, ...tail];
}

// Partition column names are quoted: `timestamp` is a keyword, and quoting all of them keeps the
// generated SQL uniform.
const YEAR = sql`"year"`;
const MONTH = sql`"month"`;
const DAY = sql`"day"`;
const TIMESTAMP = sql`"timestamp"`;

function range(column: Sql, from: string, to: string): Sql {
  return from === to ? sql`${column} = ${from}` : sql`${column} BETWEEN ${from} AND ${to}`;
}

function segmentSql(s: Segment): Sql {
  switch (s.kind) {
    case 'days':
      return sql`${YEAR} = ${s.year} AND ${MONTH} = ${s.month} AND ${range(DAY, s.from, s.to)}`;
    case 'months':
      return sql`${YEAR} = ${s.year} AND ${range(MONTH, s.from, s.to)}`;
    case 'years':
      return range(YEAR, s.from, s.to);
  }
}

/**
 * The partition predicate for the configured layout over the inclusive folder-date range, or null
 * for an unpartitioned table.
 */
export function partitionPredicate(partitioning: AthenaPartitioning, first: UtcDay, last: UtcDay): Sql | null {
  switch (partitioning) {
    case 'none':
      return null;
    case 'projected-date':
      return sql`${TIMESTAMP} BETWEEN ${slashDate(first)} AND ${slashDate(last)}`;
    case 'region-date':
    case 'account-region-date': {
      const parts = yearMonthDaySegments(first, last).map(segmentSql);
      if (parts.length === 1) return parts[0] as Sql;
      return sql`(${join(
        parts.map((p) => sql`(${p})`),
        ' OR ',
      )})`;
    }
  }
}

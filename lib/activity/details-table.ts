import type { DetailRow } from './scope-details';

/** Columns a details table sorts by; the default is the busiest first, as the query returns them. */
export const DETAIL_SORT_COLUMNS = ['key', 'service', 'success', 'failed', 'firstSeen', 'lastSeen'] as const;
export type DetailSortColumn = (typeof DETAIL_SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export interface DetailSort {
  column: DetailSortColumn;
  direction: SortDirection;
}

type Sortable = Pick<DetailRow, DetailSortColumn>;

const NUMERIC: ReadonlySet<DetailSortColumn> = new Set(['success', 'failed']);

/**
 * A click on a header: the same column flips direction; a new one starts where people look first
 * (most calls, most recent) for counts and times, A→Z for names.
 */
export function nextSort(current: DetailSort | null, column: DetailSortColumn): DetailSort {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: column === 'key' || column === 'service' ? 'asc' : 'desc' };
}

/**
 * Rows sorted by a column. Missing values (a call without an access key) sort last in both
 * directions, so flipping the order never buries the real rows; ties fall back to the key so the
 * order is stable across renders.
 */
export function sortDetailRows<R extends Sortable>(rows: readonly R[], sort: DetailSort): R[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare = (a: R, b: R): number => {
    const x = a[sort.column];
    const y = b[sort.column];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    // ISO-8601 UTC strings order as times; names order by code point, not locale, so
    // `AROA…` and `aroa…` never swap between machines.
    const order = NUMERIC.has(sort.column) ? Number(x) - Number(y) : x < y ? -1 : 1;
    return sign * order;
  };
  const byKey = (a: R, b: R) => (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff') || (a.service ?? '').localeCompare(b.service ?? '');
  return [...rows].sort((a, b) => compare(a, b) || byKey(a, b));
}

/** Rows whose key or service contains the text, ignoring case; blank text keeps every row. */
export function filterDetailRows<R extends Pick<DetailRow, 'key' | 'service'>>(rows: readonly R[], text: string): R[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((r) => (r.key ?? '').toLowerCase().includes(needle) || (r.service ?? '').toLowerCase().includes(needle));
}

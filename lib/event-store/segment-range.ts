/**
 * Where a segment's files live: `segments/tmin=<first second>/tmax=<last second>/`, the event-time
 * range of its rows as Hive partition values. DuckDB reads those values from the path, so a query's
 * time range drops every segment it cannot meet before opening a file (the dialect's `timeRange`
 * adds the predicate). Measured on 100M events in 795 segments: an hour's query 190–360 ms → 40–50 ms.
 */
const ISO_SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

/** `2026-11-01T10:00:00Z` → `20261101100000`: sorts as the time does, and is safe in a path. */
export function rangeKey(iso: string): string {
  const m = ISO_SECOND.exec(new Date(Date.parse(iso)).toISOString());
  if (!m) throw new RangeError(`not an instant: ${iso}`);
  return m.slice(1).join('');
}

export function segmentDir(minTime: string, maxTime: string): string {
  return `tmin=${rangeKey(minTime)}/tmax=${rangeKey(maxTime)}`;
}

/** Whether a manifest path is in the partitioned layout (stores written before it are moved by the next ingest). */
export function isPartitioned(file: string): boolean {
  return /^tmin=\d{14}\/tmax=\d{14}\/[^/]+$/.test(file);
}

/**
 * DuckDB dialect. Quirks: `event_time` is a stored TIMESTAMP (UTC, no zone) beside Athena's
 * `eventtime` string, and segments are sorted by it, so range predicates skip row groups;
 * json_extract_string is DuckDB's json_extract_scalar; epoch() returns seconds as a double.
 */
import { parseStoredRecord } from '@/lib/cloudtrail/raw';
import { OPTIONAL_COLUMN_PATHS, type OptionalColumnPath } from '@/lib/cloudtrail/columns';
import { code, sql, trusted, allow, type Sql } from '@/lib/sql/sql';
import { addIsoDays } from '@/lib/time';
import { rangeKey } from '@/lib/event-store/segment-range';
import { TIME_GRAINS, type Dialect, type TimeGrain } from '../dialect';

/**
 * The segments that can hold an event in [from, to): tmin/tmax are each segment's range from its
 * path (lib/event-store/segment-range.ts), so the others are never opened. Event times are whole
 * seconds: one at or after `from` lies in a segment ending at or after from's second; one before
 * `to`, in a segment starting at or before to's second.
 */
function segmentsMeeting(fromIso: string, toIso: string): Sql {
  return sql`tmax >= ${rangeKey(fromIso)} AND tmin <= ${rangeKey(toIso)}`;
}

const JSON_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+$/;

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  source: 'embedded-store',
  historyLookbackMs: null,
  table: code('cloudtrail_logs'),
  eventTime: code('event_time'),
  timestamp: (iso: string) => sql`CAST(${iso} AS TIMESTAMP)`,
  timeRange(fromIso: string, toIso: string): Sql {
    return sql`event_time >= CAST(${fromIso} AS TIMESTAMP) AND event_time < CAST(${toIso} AS TIMESTAMP) AND ${segmentsMeeting(fromIso, toIso)}`;
  },
  jsonExtractScalar(json: Sql, path: `$${string}`): Sql {
    // Paths are written in our source; as literal text (not a bound value) they read the same on
    // both engines, and Athena allows bound values only in WHERE.
    if (!JSON_PATH.test(path)) throw new RangeError(`Invalid JSONPath: ${JSON.stringify(path)}`);
    return sql`json_extract_string(${json}, ${code(`'${path}'`)})`;
  },
  dateTrunc: (grain: TimeGrain, ts: Sql) => sql`date_trunc('${trusted(allow(grain, TIME_GRAINS))}', ${ts})`,
  isoString: (ts: Sql) => sql`strftime(${ts}, '%Y-%m-%dT%H:%M:%SZ')`,
  epochSeconds: (ts: Sql) => sql`CAST(epoch(${ts}) AS BIGINT)`,
  bucket: (seconds: number, ts: Sql) =>
    sql`time_bucket(to_seconds(${trusted(Math.max(1, Math.floor(seconds)))}), ${ts}, TIMESTAMP '1970-01-01 00:00:00')`,
  rawRecord: code('raw'),
  deliveryFile: code('source_file'),
  parseRawRecord: parseStoredRecord,
  arrayResult: (expr: Sql) => expr,
  distinctList: (expr: Sql) => sql`list_sort(array_agg(DISTINCT ${expr}) FILTER (WHERE ${expr} IS NOT NULL))`,
  ilike: (expr: Sql, pattern: Sql) => sql`${expr} ILIKE ${pattern}`,
  // Ingest writes every declared column (NULL where a record lacks it), so none is ever missing.
  optionalColumn: (path: OptionalColumnPath) => code(allow(path, OPTIONAL_COLUMN_PATHS)),
  deliveredOn(firstDay: string, lastDay: string): Sql {
    // The store keeps no delivery folders: events whose own time falls on those days.
    return sql`(event_time >= CAST(${`${addIsoDays(firstDay, 0)} 00:00:00`} AS TIMESTAMP) AND event_time < CAST(${`${addIsoDays(lastDay, 1)} 00:00:00`} AS TIMESTAMP))`;
  },
  prunesByDay: false,
  partitionsTable: null,
  eventIds: code('cloudtrail_event_ids'),
  stsEvents: code('cloudtrail_sts_events'),
  summary: {
    table: code('cloudtrail_hourly'),
    hourRange(fromIso: string, toIso: string): Sql {
      // The summary sits beside its segment, under the same tmin/tmax: pruned the same way.
      return sql`hour >= CAST(${fromIso} AS TIMESTAMP) AND hour < CAST(${toIso} AS TIMESTAMP) AND ${segmentsMeeting(fromIso, toIso)}`;
    },
  },
};

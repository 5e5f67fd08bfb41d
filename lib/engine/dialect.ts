import type { OptionalColumnPath } from '@/lib/cloudtrail/columns';
import type { CloudTrailRecord } from '@/lib/cloudtrail/raw';
import type { Sql } from '@/lib/sql/sql';
import type { EngineName } from './types';

export const TIME_GRAINS = ['minute', 'hour', 'day', 'week'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

/**
 * What differs between DuckDB and Athena (Trino). Analysis SQL is written once against the
 * `cloudtrail_logs` columns and asks the dialect only for these pieces.
 */
export interface Dialect {
  readonly name: EngineName;
  /**
   * Where the events are read from: DuckDB's embedded store (a local copy, cheap to read whole and
   * changed by every ingest) or the organisation's table over S3 (each query reads, and on Athena
   * bills, the files of every day it names).
   */
  readonly source: 'embedded-store' | 'table-over-s3';
  /**
   * How far before a scope a whole-history question (first and last seen) looks: null for all of
   * it; over S3 a bounded look-back, so one profile does not read the whole trail.
   */
  readonly historyLookbackMs: number | null;
  /** The table or view holding CloudTrail records with Athena's column names. */
  readonly table: Sql;
  /** The event time as a TIMESTAMP (DuckDB: a stored, sorted column; Athena: parsed from eventtime). */
  readonly eventTime: Sql;
  /** A bound ISO-8601 UTC instant as a TIMESTAMP comparable with `eventTime`. */
  timestamp(iso: string): Sql;
  /**
   * The predicate bounding a query to [from, to): the event-time range plus, on Athena, the
   * partition predicate that lets it read only those days (widened a day each side, because the
   * S3 folder date is the delivery date).
   */
  timeRange(fromIso: string, toIso: string): Sql;
  /** json_extract_scalar over a JSON text column; `path` is a JSONPath literal from our source. */
  jsonExtractScalar(json: Sql, path: `$${string}`): Sql;
  /** Truncates a TIMESTAMP to the grain. */
  dateTrunc(grain: TimeGrain, ts: Sql): Sql;
  /** Formats a TIMESTAMP as an ISO-8601 UTC string `YYYY-MM-DDTHH:MM:SSZ`. */
  isoString(ts: Sql): Sql;
  /** Seconds since the epoch of a TIMESTAMP, as BIGINT. */
  epochSeconds(ts: Sql): Sql;
  /** Buckets a TIMESTAMP into fixed windows of `seconds` (for chart buckets that are not a grain). */
  bucket(seconds: number, ts: Sql): Sql;
  /**
   * The raw CloudTrail record of a row as JSON text (DuckDB keeps it; Athena rebuilds it from the
   * table's columns, without the optional ones it lacks, and notes which those are).
   */
  readonly rawRecord: Sql;
  /**
   * The delivery file a row was read from (DuckDB: the file ingest read it from, `source_file`;
   * Athena and Trino: the object's path, the hidden `"$path"` column): counting these tells which
   * deliveries are present.
   */
  readonly deliveryFile: Sql;
  /** The CloudTrail record from a `rawRecord` value as this engine returns it. */
  parseRawRecord(text: string): CloudTrailRecord;
  /**
   * Aggregate: the distinct non-NULL values of `expr` in the group, sorted, as a list every engine
   * returns as an array (NULL when there are none). Athena returns ARRAY columns as display text
   * (`[a, b]`, not parseable), so there it is cast to JSON, which the connection parses.
   */
  distinctList(expr: Sql): Sql;
  /** An ARRAY-valued expression (e.g. an ordered array_agg) in the form every engine returns as an array. */
  arrayResult(expr: Sql): Sql;
  /**
   * A column some users' tables lack (lib/cloudtrail/columns.ts OPTIONAL_COLUMN_PATHS): the column
   * itself, or where the table lacks it a NULL of its type, carrying a note for the panel. The only
   * way queries may name these columns (lib/cloudtrail/optional-columns.test.ts checks).
   */
  optionalColumn(path: OptionalColumnPath): Sql;
  /**
   * The rows delivered on the folder days [firstDay, lastDay] (YYYY-MM-DD, UTC, inclusive): on a
   * date-partitioned table the partition predicate alone, so a query reads exactly those days;
   * elsewhere the events whose time falls on those days.
   */
  deliveredOn(firstDay: string, lastDay: string): Sql;
  /** Whether `deliveredOn` limits what is read to those days (a date-partitioned table). */
  readonly prunesByDay: boolean;
  /** The table listing the partitions registered in the catalog (Trino's `"t$partitions"`), or null. */
  readonly partitionsTable: Sql | null;
  /** Case-insensitive LIKE. */
  ilike(expr: Sql, pattern: Sql): Sql;
  /**
   * The hourly summary kept at ingest (lib/summary/hourly.ts), where this engine has one: DuckDB
   * reads it as `cloudtrail_hourly`; Athena and Trino read the events (null).
   */
  readonly summary: HourlySummarySource | null;
  /**
   * Every event's id and time, sorted by id in small row groups, where the engine keeps them
   * (DuckDB's `cloudtrail_event_ids`, with `event_time` and the store's range columns, so
   * `timeRange` applies): a lookup by id without reading the events. Null elsewhere.
   */
  readonly eventIds: Sql | null;
  /**
   * The STS calls alone, with every column of `table`, where the engine keeps them apart (DuckDB's
   * `cloudtrail_sts_events`): a query that reads only STS calls (QueryModule.readsOnlySts) reads
   * these instead of every event. Null elsewhere.
   */
  readonly stsEvents: Sql | null;
}

export interface HourlySummarySource {
  readonly table: Sql;
  /** The predicate bounding the summary to the hours in [from, to), both on the hour. */
  hourRange(fromIso: string, toIso: string): Sql;
}

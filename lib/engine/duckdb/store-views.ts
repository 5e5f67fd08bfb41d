import path from 'node:path';
import { pathLiteral, type StoreLayout } from '@/lib/event-store/layout';
import type { Manifest, Segment } from '@/lib/event-store/manifest';
import { isPartitioned } from '@/lib/event-store/segment-range';
import { HOURLY_COLUMN_NAMES, hourlySummaryOf } from '@/lib/summary/hourly';
import { code } from '@/lib/sql/sql';
import { STORE_COLUMN_LIST, STORE_TABLE_COLUMNS_DDL } from './record-columns';

/**
 * The views the embedded engine's queries read: `cloudtrail_logs` over the segments,
 * `cloudtrail_hourly` over their summaries, `cloudtrail_event_ids` over their sorted ids and
 * `cloudtrail_sts_events` over their STS calls, each with the segment's time range (`tmin`, `tmax`,
 * from its Hive-style path) that `timeRange` prunes by.
 *
 * Where a sidecar is missing (a store written before them, read as it is until the next ingest
 * upgrades it; or no data yet) its view is computed from `cloudtrail_logs`: slower, the same
 * answers. Segments not yet under their time range are read unpruned (the range columns then
 * admit every query).
 */
const RANGE_COLUMNS = 'tmin, tmax';
const WHOLE_RANGE = `'00000000000000' AS tmin, '99999999999999' AS tmax`;

const readFiles = (layout: StoreLayout, names: readonly string[], partitioned: boolean) =>
  `read_parquet([${names.map((n) => pathLiteral(path.join(layout.segments, n))).join(', ')}]${
    partitioned ? `, hive_partitioning = true, hive_types = {'tmin': VARCHAR, 'tmax': VARCHAR}` : ''
  })`;

/** With no data yet, an empty table of the same shape keeps every query valid. */
export const EMPTY_TABLES = [`CREATE TABLE IF NOT EXISTS empty_cloudtrail_logs (\n  ${STORE_TABLE_COLUMNS_DDL},\n  tmin VARCHAR, tmax VARCHAR\n)`];

export function storeViews(layout: StoreLayout, manifest: Manifest): string[] {
  const segments = manifest.segments;
  const partitioned = segments.length > 0 && segments.every((s) => isPartitioned(s.file));
  /** The files of one sidecar, where every segment has it under its time range. */
  const sidecar = (kind: 'summary' | 'ids' | 'sts', columns: string): string | null =>
    partitioned && segments.every((s) => s[kind] !== undefined)
      ? `SELECT ${columns}, ${RANGE_COLUMNS} FROM ${readFiles(layout, segments.map((s: Segment) => s[kind]!), true)}`
      : null;

  const logs =
    segments.length === 0
      ? `SELECT ${STORE_COLUMN_LIST}, ${RANGE_COLUMNS} FROM empty_cloudtrail_logs`
      : `SELECT ${STORE_COLUMN_LIST}, ${partitioned ? RANGE_COLUMNS : WHOLE_RANGE} FROM ${readFiles(layout, segments.map((s) => s.file), partitioned)}`;
  const hourlyColumns = HOURLY_COLUMN_NAMES.join(', ');
  const hourly =
    sidecar('summary', hourlyColumns) ??
    `SELECT ${hourlyColumns}, ${WHOLE_RANGE} FROM (${hourlySummaryOf(code('cloudtrail_logs')).toQuery().sql})`;
  const ids = sidecar('ids', 'eventid, event_time') ?? `SELECT eventid, event_time, ${RANGE_COLUMNS} FROM cloudtrail_logs`;
  const sts = sidecar('sts', STORE_COLUMN_LIST) ?? `SELECT * FROM cloudtrail_logs WHERE eventsource = 'sts.amazonaws.com'`;
  return [
    `CREATE OR REPLACE VIEW cloudtrail_logs AS ${logs}`,
    `CREATE OR REPLACE VIEW cloudtrail_sts_events AS ${sts}`,
    `CREATE OR REPLACE VIEW cloudtrail_hourly AS ${hourly}`,
    `CREATE OR REPLACE VIEW cloudtrail_event_ids AS ${ids}`,
  ];
}

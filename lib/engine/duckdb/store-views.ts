import path from 'node:path';
import { pathLiteral, type StoreLayout } from '@/lib/event-store/layout';
import type { Manifest } from '@/lib/event-store/manifest';
import { isPartitioned } from '@/lib/event-store/segment-range';
import { HOURLY_COLUMN_NAMES, HOURLY_TABLE_DDL, hourlySummaryOf } from '@/lib/summary/hourly';
import { code } from '@/lib/sql/sql';
import { STORE_COLUMN_LIST, STORE_TABLE_COLUMNS_DDL } from './record-columns';

/**
 * The views the embedded engine's queries read: `cloudtrail_logs` over the segments,
 * `cloudtrail_hourly` over their summaries, `cloudtrail_event_ids` over their sorted ids and
 * `cloudtrail_sts_events` over their STS calls, each with the segment's time range (`tmin`, `tmax`,
 * from its Hive-style path) that `timeRange` prunes by.
 *
 * A store written before segments were partitioned and summarised is read as it is until the next
 * ingest moves it: no pruning (the range columns admit every query) and the summary computed from
 * the events as they are read. Slower, the same answers.
 */
const RANGE_COLUMNS = 'tmin, tmax';
const WHOLE_RANGE = `'00000000000000' AS tmin, '99999999999999' AS tmax`;

const readFiles = (layout: StoreLayout, names: readonly string[], partitioned: boolean) =>
  `read_parquet([${names.map((n) => pathLiteral(path.join(layout.segments, n))).join(', ')}]${
    partitioned ? `, hive_partitioning = true, hive_types = {'tmin': VARCHAR, 'tmax': VARCHAR}` : ''
  })`;

const ID_COLUMNS = 'eventid, event_time';

export const EMPTY_TABLES = [
  `CREATE TABLE IF NOT EXISTS empty_cloudtrail_logs (\n  ${STORE_TABLE_COLUMNS_DDL},\n  tmin VARCHAR, tmax VARCHAR\n)`,
  `CREATE TABLE IF NOT EXISTS empty_cloudtrail_hourly (${HOURLY_TABLE_DDL}, tmin VARCHAR, tmax VARCHAR)`,
];

export function storeViews(layout: StoreLayout, manifest: Manifest): string[] {
  const hourlyColumns = HOURLY_COLUMN_NAMES.join(', ');
  const segments = manifest.segments;
  let logs: string;
  let hourly: string;
  if (segments.length === 0) {
    logs = `SELECT ${STORE_COLUMN_LIST}, ${RANGE_COLUMNS} FROM empty_cloudtrail_logs`;
    hourly = `SELECT ${hourlyColumns}, ${RANGE_COLUMNS} FROM empty_cloudtrail_hourly`;
  } else if (segments.every((s) => isPartitioned(s.file) && s.summary !== undefined)) {
    logs = `SELECT ${STORE_COLUMN_LIST}, ${RANGE_COLUMNS} FROM ${readFiles(layout, segments.map((s) => s.file), true)}`;
    hourly = `SELECT ${hourlyColumns}, ${RANGE_COLUMNS} FROM ${readFiles(layout, segments.map((s) => s.summary!), true)}`;
  } else {
    const events = readFiles(layout, segments.map((s) => s.file), false);
    logs = `SELECT ${STORE_COLUMN_LIST}, ${WHOLE_RANGE} FROM ${events}`;
    hourly = `SELECT ${hourlyColumns}, ${WHOLE_RANGE} FROM (${hourlySummaryOf(code(events)).toQuery().sql})`;
  }
  // The event ids: from their sidecars, or where a segment lacks one, from the events.
  const ids =
    segments.length > 0 && segments.every((s) => isPartitioned(s.file) && s.ids !== undefined)
      ? `SELECT ${ID_COLUMNS}, ${RANGE_COLUMNS} FROM ${readFiles(layout, segments.map((s) => s.ids!), true)}`
      : `SELECT ${ID_COLUMNS}, ${RANGE_COLUMNS} FROM cloudtrail_logs`;
  // The STS calls alone, with every column of cloudtrail_logs.
  const sts =
    segments.length > 0 && segments.every((s) => isPartitioned(s.file) && s.sts !== undefined)
      ? `SELECT ${STORE_COLUMN_LIST}, ${RANGE_COLUMNS} FROM ${readFiles(layout, segments.map((s) => s.sts!), true)}`
      : `SELECT * FROM cloudtrail_logs WHERE eventsource = 'sts.amazonaws.com'`;
  return [
    `CREATE OR REPLACE VIEW cloudtrail_logs AS ${logs}`,
    `CREATE OR REPLACE VIEW cloudtrail_sts_events AS ${sts}`,
    `CREATE OR REPLACE VIEW cloudtrail_hourly AS ${hourly}`,
    `CREATE OR REPLACE VIEW cloudtrail_event_ids AS ${ids}`,
  ];
}

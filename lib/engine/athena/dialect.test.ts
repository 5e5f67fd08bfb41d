import { describe, expect, it } from 'vitest';
import type { Dialect } from '@/lib/engine/dialect';
import { ATHENA_PARTITIONINGS, type AthenaPartitioning } from '@/lib/env';
import { COLUMN_NAMES } from '@/lib/cloudtrail/columns';
import { sql, type Sql } from '@/lib/sql/sql';
import { expectAthenaParameterPlacement, expectValidTrino } from '@/lib/sql/trino-parse';
import { createAthenaDialect, parseInstant } from './dialect';

const dialectFor = (partitioning: AthenaPartitioning) =>
  createAthenaDialect({ catalog: 'AwsDataCatalog', database: 'default', table: 'cloudtrail_logs', partitioning });

/** The representative query: everything an access key did in a two-day window. */
function accessKeyEvents(d: Dialect, accessKeyId: string, fromIso: string, toIso: string): Sql {
  return sql`SELECT ${d.isoString(d.eventTime)} AS event_time, eventname, eventsource, sourceipaddress FROM ${d.table} WHERE ${d.timeRange(fromIso, toIso)} AND useridentity.accesskeyid = ${accessKeyId} ORDER BY ${d.eventTime} LIMIT 100`;
}

const KEY = 'ASIAY34FZKBOKMUTVV7A';
const FROM = '2024-01-30T12:00:00Z';
const TO = '2024-02-01T12:00:00Z';

const SELECT =
  "SELECT format_datetime((from_iso8601_timestamp(eventtime)) AT TIME ZONE 'UTC', 'yyyy-MM-dd''T''HH:mm:ss''Z''') AS event_time, eventname, eventsource, sourceipaddress FROM \"AwsDataCatalog\".\"default\".\"cloudtrail_logs\" WHERE ";
const TIME = 'from_iso8601_timestamp(eventtime) >= from_iso8601_timestamp(?) AND from_iso8601_timestamp(eventtime) < from_iso8601_timestamp(?)';
const TAIL = ' AND useridentity.accesskeyid = ? ORDER BY from_iso8601_timestamp(eventtime) LIMIT 100';
const TIME_PARAMS = ['2024-01-30T12:00:00.000Z', '2024-02-01T12:00:00.000Z'];
const YMD =
  '(("year" = ? AND "month" = ? AND "day" BETWEEN ? AND ?) OR ("year" = ? AND "month" = ? AND "day" BETWEEN ? AND ?))';
const YMD_PARAMS = ['2024', '01', '29', '31', '2024', '02', '01', '02'];

const GOLDEN: Record<AthenaPartitioning, { sql: string; params: unknown[] }> = {
  none: { sql: `${SELECT}(${TIME})${TAIL}`, params: [...TIME_PARAMS, KEY] },
  'projected-date': {
    sql: `${SELECT}(${TIME} AND "timestamp" BETWEEN ? AND ?)${TAIL}`,
    params: [...TIME_PARAMS, '2024/01/29', '2024/02/02', KEY],
  },
  'region-date': { sql: `${SELECT}(${TIME} AND ${YMD})${TAIL}`, params: [...TIME_PARAMS, ...YMD_PARAMS, KEY] },
  'account-region-date': { sql: `${SELECT}(${TIME} AND ${YMD})${TAIL}`, params: [...TIME_PARAMS, ...YMD_PARAMS, KEY] },
};

describe('Athena dialect: golden SQL for "events for an access key in a 2-day window"', () => {
  it.each(ATHENA_PARTITIONINGS)('%s', (partitioning) => {
    const q = accessKeyEvents(dialectFor(partitioning), KEY, FROM, TO).toQuery();
    expect(q).toEqual(GOLDEN[partitioning]);
    expectValidTrino(q.sql, q.params);
    expectAthenaParameterPlacement(q.sql);
  });

  it('keeps an injection payload in the bound parameters, never in the SQL text', () => {
    const payload = "' OR 1=1 --";
    const q = accessKeyEvents(dialectFor('projected-date'), payload, FROM, TO).toQuery();
    expect(q.sql).toBe(GOLDEN['projected-date'].sql);
    expect(q.params.at(-1)).toBe(payload);
  });
});

describe('Athena dialect fragments', () => {
  const d = dialectFor('projected-date');

  it('renders each fragment as documented', () => {
    const ts = d.eventTime;
    expect(d.table.toQuery().sql).toBe('"AwsDataCatalog"."default"."cloudtrail_logs"');
    expect(d.timestamp('2024-01-02T03:04:05+02:00').toQuery()).toEqual({
      sql: 'from_iso8601_timestamp(?)',
      params: ['2024-01-02T01:04:05.000Z'],
    });
    expect(d.jsonExtractScalar(sql`requestparameters`, '$.roleArn').toQuery().sql).toBe(
      "json_extract_scalar(requestparameters, '$.roleArn')",
    );
    expect(d.jsonExtractScalar(sql`x`, "$['it''s']").toQuery().sql).toBe("json_extract_scalar(x, '$[''it''''s'']')");
    expect(d.dateTrunc('hour', ts).toQuery().sql).toBe("date_trunc('hour', from_iso8601_timestamp(eventtime))");
    expect(d.epochSeconds(ts).toQuery().sql).toBe('CAST(floor(to_unixtime(from_iso8601_timestamp(eventtime))) AS BIGINT)');
    expect(d.bucket(300, ts).toQuery().sql).toBe(
      'from_unixtime(floor(to_unixtime(from_iso8601_timestamp(eventtime)) / 300) * 300)',
    );
    expect(d.ilike(sql`useragent`, sql`${'%Boto3%'}`).toQuery()).toEqual({
      sql: 'lower(useragent) LIKE lower(?)',
      params: ['%Boto3%'],
    });
  });

  it('builds rawRecord from every declared column', () => {
    const raw = d.rawRecord.toQuery();
    expect(raw.params).toEqual([]);
    expect(raw.sql.startsWith('json_format(CAST(MAP(ARRAY[')).toBe(true);
    for (const name of COLUMN_NAMES) {
      expect(raw.sql).toContain(`'${name}'`);
      expect(raw.sql).toContain(`CAST(${name} AS JSON)`);
    }
  });

  it('composes into a query that uses every fragment and parses as Trino', () => {
    for (const partitioning of ATHENA_PARTITIONINGS) {
      const x = dialectFor(partitioning);
      const q = sql`SELECT ${x.isoString(x.dateTrunc('day', x.eventTime))} AS day, ${x.epochSeconds(x.bucket(3600, x.eventTime))} AS bucket, ${x.jsonExtractScalar(sql`requestparameters`, '$.roleSessionName')} AS session, ${x.rawRecord} AS raw, count(*) AS n FROM ${x.table} WHERE ${x.timeRange('2023-12-31T23:00:00Z', '2024-03-01T00:00:00Z')} AND ${x.ilike(sql`useragent`, sql`${'%aws-cli%'}`)} AND ${x.eventTime} >= ${x.timestamp('2024-01-01T00:00:00Z')} GROUP BY 1, 2, 3, 4 ORDER BY 1`.toQuery();
      expectValidTrino(q.sql, q.params);
      // Only the WHERE binds values: grains, widths and JSONPaths are source text.
      expectAthenaParameterPlacement(q.sql);
    }
  });

  it('rejects bad identifiers, instants, ranges, grains and bucket widths', () => {
    expect(() => createAthenaDialect({ catalog: 'AwsDataCatalog', database: 'x"; DROP', table: 't', partitioning: 'none' })).toThrow(
      /Invalid Athena database/,
    );
    expect(() => d.timeRange('2024-01-02T00:00:00Z', '2024-01-01T00:00:00Z')).toThrow(/Empty time range/);
    expect(() => d.timeRange("2024-01-01' OR 1=1 --", '2024-01-02T00:00:00Z')).toThrow(/ISO-8601/);
    expect(() => d.timestamp('yesterday')).toThrow(RangeError);
    // @ts-expect-error: grains are an allowlist, even if a caller casts its way past the type.
    expect(() => d.dateTrunc("hour') --", d.eventTime)).toThrow(/not allowed/);
    expect(() => d.bucket(0, d.eventTime)).toThrow(/positive/);
    expect(() => d.bucket(1.5, d.eventTime)).toThrow(/positive/);
  });
});

describe('parseInstant', () => {
  it('accepts strict ISO-8601 instants only', () => {
    expect(parseInstant('2024-02-29T23:59:59Z').toISOString()).toBe('2024-02-29T23:59:59.000Z');
    expect(parseInstant('2024-02-29T23:59:59.123456Z').toISOString()).toBe('2024-02-29T23:59:59.123Z');
    expect(parseInstant('2024-01-01T00:00-05:00').toISOString()).toBe('2024-01-01T05:00:00.000Z');
    for (const bad of ['2024-02-31T00:00:00Z', '2024-01-01', '2024-01-01T00:00:00', '1704067200', '2024-01-01T00:00:00Z ']) {
      expect(() => parseInstant(bad), bad).toThrow(RangeError);
    }
  });
});

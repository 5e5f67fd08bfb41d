import { describe, expect, it } from 'vitest';
import { columnPaths, columnsOf, MISSING_COLUMNS, TABLE_SCHEMAS } from '@/lib/cloudtrail/columns';
import { ATHENA_PARTITIONINGS } from '@/lib/env';
import { tableMetadata } from '@/test/fixtures/table-metadata';
import {
  checkTableShape,
  layoutForKeys,
  parseColumnType,
  projectionFromProperties,
  tableShapeFromCatalog,
  TypeParseError,
  typePaths,
  type TableShape,
} from './table-shape';
import { EngineError } from './types';

const shapeOf = (m: ReturnType<typeof tableMetadata>): TableShape =>
  tableShapeFromCatalog({
    name: 'trails.cloudtrail_logs',
    columns: (m.Columns ?? []).map((c) => ({ name: c.Name as string, type: c.Type as string })),
    partitionKeys: (m.PartitionKeys ?? []).map((k) => ({ name: k.Name as string })),
    properties: m.Parameters ?? {},
  });

const check = (shape: TableShape, partitioning: (typeof ATHENA_PARTITIONINGS)[number]) =>
  checkTableShape(shape, { partitioning, partitioningSetting: 'TRAILSCOPE_ATHENA_PARTITIONING', setupHint: 'Run the setup DDL.' });

function configError(f: () => unknown): EngineError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('CONFIG');
    return error as EngineError;
  }
  throw new Error('expected a CONFIG error');
}

describe('column types', () => {
  it('parses Glue Hive types, nested structs, arrays and maps', () => {
    expect(parseColumnType('array<struct<arn:string,accountid:string,type:string>>')).toEqual({
      kind: 'array',
      of: { kind: 'struct', fields: ['arn', 'accountid', 'type'].map((name) => ({ name, type: { kind: 'primitive', name: 'string' } })) },
    });
    expect(parseColumnType('struct<a:map<string,string>,b:array<string>>')).toMatchObject({
      kind: 'struct',
      fields: [{ name: 'a', type: { kind: 'map' } }, { name: 'b', type: { kind: 'array' } }],
    });
  });

  it('parses Trino types (information_schema), quoted names and parameterised primitives', () => {
    const t = parseColumnType('row(type varchar, "sessionContext" row(attributes row(creationdate varchar(64)), "x y" decimal(10, 2)), at timestamp(3) with time zone)');
    expect(typePaths('useridentity', t)).toEqual([
      'useridentity',
      'useridentity.type',
      'useridentity.sessioncontext',
      'useridentity.sessioncontext.attributes',
      'useridentity.sessioncontext.attributes.creationdate',
      'useridentity.sessioncontext.x y',
      'useridentity.at',
    ]);
    expect(parseColumnType('map(varchar, array(row(a bigint)))')).toMatchObject({ kind: 'map', value: { kind: 'array', of: { kind: 'struct' } } });
  });

  it('accepts whitespace, upper case and backticks as Hive DDL writes them', () => {
    expect(typePaths('tlsdetails', parseColumnType('STRUCT< `tlsVersion` : STRING , cipherSuite: STRING>'))).toEqual([
      'tlsdetails',
      'tlsdetails.tlsversion',
      'tlsdetails.ciphersuite',
    ]);
  });

  it('rejects malformed types with the text it could not read', () => {
    for (const bad of ['struct<a:string', 'array<>', 'struct<:string>', 'map<string>', 'string>']) {
      expect(() => parseColumnType(bad)).toThrow(TypeParseError);
    }
  });

  it('reads every declared column path of every table schema', () => {
    for (const schema of TABLE_SCHEMAS) {
      const shape = shapeOf(tableMetadata(schema, 'projected-date'));
      expect([...shape.columns].sort()).toEqual(columnPaths(columnsOf(schema)).sort());
    }
  });
});

describe('partition projection', () => {
  it('reads enum, date and integer projections from the table properties', () => {
    const p = projectionFromProperties(
      {
        'projection.enabled': 'TRUE ',
        'projection.account.type': 'enum',
        'projection.account.values': '111122223333,444455556666',
        'projection.region.type': ' Enum',
        'projection.region.values': 'us-east-1,eu-west-1',
        'projection.timestamp.type': 'date',
        'projection.timestamp.format': 'yyyy/MM/dd',
        'projection.timestamp.range': '2024/01/01, NOW',
        'projection.timestamp.interval.unit': 'days',
        'projection.year.type': 'integer',
        'projection.year.range': '2024,2099',
      },
      ['account', 'region', 'timestamp', 'year'],
    );
    expect(p?.keys).toEqual({
      account: { type: 'enum', values: ['111122223333', '444455556666'] },
      region: { type: 'enum', values: ['us-east-1', 'eu-west-1'] },
      timestamp: { type: 'date', format: 'yyyy/MM/dd', range: ['2024/01/01', 'NOW'], interval: 1, unit: 'DAYS' },
      year: { type: 'integer', range: [2024, 2099] },
    });
  });

  it('is off unless projection.enabled is true', () => {
    expect(projectionFromProperties({ 'projection.region.type': 'enum' }, ['region'])).toBeNull();
    expect(projectionFromProperties({ 'projection.enabled': 'false', 'projection.region.type': 'enum' }, ['region'])).toBeNull();
  });
});

describe('checking the table', () => {
  it.each(TABLE_SCHEMAS.flatMap((s) => ATHENA_PARTITIONINGS.map((p) => [s, p] as const)))(
    '%s DDL, %s: usable, with that schema’s missing columns as optional',
    (schema, partitioning) => {
      const shape = shapeOf(tableMetadata(schema, partitioning));
      expect(check(shape, partitioning).missingOptional).toEqual(MISSING_COLUMNS[schema]);
    },
  );

  it('stops on a missing required column, naming it once and the fix', () => {
    const m = tableMetadata('project', 'projected-date');
    m.Columns = (m.Columns ?? []).filter((c) => c.Name !== 'resources' && c.Name !== 'eventname');
    const e = configError(() => check(shapeOf(m), 'projected-date'));
    expect(e.message).toContain('lacks the required columns eventname, resources.');
    expect(e.message).not.toContain('resources.arn');
    expect(e.message).toContain('Run the setup DDL.');
  });

  it('stops on a missing required field inside a struct', () => {
    const m = tableMetadata('project', 'projected-date');
    m.Columns = (m.Columns ?? []).map((c) => (c.Name === 'useridentity' ? { ...c, Type: (c.Type as string).replace('arn:string,', '') } : c));
    expect(configError(() => check(shapeOf(m), 'projected-date')).message).toContain('lacks the required column useridentity.arn.');
  });

  it('stops when the partitions do not fit the setting, and names the setting that fits', () => {
    const ymd = shapeOf(tableMetadata('aws', 'region-date'));
    expect(configError(() => check(ymd, 'projected-date')).message).toContain(
      'TRAILSCOPE_ATHENA_PARTITIONING=projected-date needs the partition key(s) timestamp, but trails.cloudtrail_logs is partitioned by (region, year, month, day). Set TRAILSCOPE_ATHENA_PARTITIONING=region-date.',
    );
    expect(configError(() => check(ymd, 'account-region-date')).message).toContain('needs the partition key(s) account');
    expect(configError(() => check(ymd, 'none')).message).toContain('every query would read the whole trail. Set TRAILSCOPE_ATHENA_PARTITIONING=region-date.');
    expect(configError(() => check(shapeOf(tableMetadata('aws', 'none')), 'region-date')).message).toContain('partitioned by nothing. Set TRAILSCOPE_ATHENA_PARTITIONING=none.');
  });

  it('stops on an injected projection, a non-daily date projection and an unprojected key', () => {
    const injected = tableMetadata('project', 'projected-date');
    injected.Parameters = { ...injected.Parameters, 'projection.account.type': 'injected' };
    expect(configError(() => check(shapeOf(injected), 'projected-date')).message).toContain('projects account as "injected"');

    const hourly = tableMetadata('project', 'projected-date');
    hourly.Parameters = { ...hourly.Parameters, 'projection.timestamp.format': 'yyyy/MM/dd/HH', 'projection.timestamp.interval.unit': 'HOURS' };
    expect(configError(() => check(shapeOf(hourly), 'projected-date')).message).toContain('with format yyyy/MM/dd/HH, every 1 HOURS');

    const partial = tableMetadata('project', 'region-date');
    delete partial.Parameters?.['projection.day.type'];
    expect(configError(() => check(shapeOf(partial), 'region-date')).message).toContain('does not project day');
  });

  it('suggests the layout that fits a set of partition keys', () => {
    expect(layoutForKeys([])).toBe('none');
    expect(layoutForKeys(['timestamp'])).toBe('projected-date');
    expect(layoutForKeys(['account', 'region', 'timestamp'])).toBe('projected-date');
    expect(layoutForKeys(['region', 'year', 'month', 'day'])).toBe('region-date');
    expect(layoutForKeys(['account', 'region', 'year', 'month', 'day'])).toBe('account-region-date');
    expect(layoutForKeys(['dt'])).toBeNull();
  });
});

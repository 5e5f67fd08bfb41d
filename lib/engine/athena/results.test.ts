import type { Row as AthenaRow } from '@aws-sdk/client-athena';
import { describe, expect, it } from 'vitest';
import { columnsOf, convertCell, convertRows, toIsoUtc } from './results';

const row = (...values: (string | undefined)[]): AthenaRow => ({
  Data: values.map((v) => (v === undefined ? {} : { VarCharValue: v })),
});

describe('convertCell', () => {
  it.each([
    ['bigint', '42', 42],
    ['integer', '-7', -7],
    ['smallint', '3', 3],
    ['tinyint', '1', 1],
    ['bigint', '9007199254740993', '9007199254740993'],
    ['double', '1.5', 1.5],
    ['real', '2.25', 2.25],
    ['decimal', '12.30', 12.3],
    ['double', 'NaN', 'NaN'],
    ['boolean', 'true', true],
    ['boolean', 'false', false],
    ['varchar', 'AssumeRole', 'AssumeRole'],
    ['varchar', '', ''],
    ['char', 'ab ', 'ab '],
    ['date', '2024-01-02', '2024-01-02'],
    ['timestamp', '2024-01-02 03:04:05.000', '2024-01-02T03:04:05Z'],
    ['timestamp', '2024-01-02 03:04:05.120', '2024-01-02T03:04:05.120Z'],
    ['timestamp with time zone', '2024-01-02 03:04:05.000 UTC', '2024-01-02T03:04:05Z'],
    ['json', '{"a":[1,2]}', { a: [1, 2] }],
    ['json', 'not json', 'not json'],
    ['array', '[a, b]', '[a, b]'],
    ['map', '{k=v}', '{k=v}'],
    ['row', '{type=AssumedRole}', '{type=AssumedRole}'],
  ])('%s %j → %j', (type, text, expected) => {
    expect(convertCell(type, text)).toEqual(expected);
  });

  it('turns a missing VarCharValue (SQL NULL) into null for every type', () => {
    for (const type of ['varchar', 'bigint', 'boolean', 'timestamp', 'json']) expect(convertCell(type, undefined)).toBeNull();
  });
});

describe('toIsoUtc', () => {
  it('converts offsets to UTC and leaves unknown shapes alone', () => {
    expect(toIsoUtc('2024-01-02 03:04:05.000 +02:00')).toBe('2024-01-02T01:04:05Z');
    expect(toIsoUtc('2024-01-02 03:04:05.500 -0130')).toBe('2024-01-02T04:34:05.500Z');
    expect(toIsoUtc('2024-01-02 03:04:05.000 America/New_York')).toBe('2024-01-02 03:04:05.000 America/New_York');
  });
});

describe('convertRows', () => {
  const columns = columnsOf([
    { Name: 'n', Type: 'bigint' },
    { Name: 'name', Type: 'varchar(20)' },
    { Name: 'at', Type: 'timestamp(3) with time zone' },
  ]);

  it('normalises parameterised type names', () => {
    expect(columns.map((c) => c.type)).toEqual(['bigint', 'varchar', 'timestamp with time zone']);
  });

  it('skips the header row on the first page only', () => {
    const header = row('n', 'name', 'at');
    const data = row('1', 'x', '2024-01-01 00:00:00.000 UTC');
    expect(convertRows(columns, [header, data], true)).toEqual([{ n: 1, name: 'x', at: '2024-01-01T00:00:00Z' }]);
    expect(convertRows(columns, [data], false)).toHaveLength(1);
  });

  it('fills short rows with null', () => {
    expect(convertRows(columns, [row('1')], false)).toEqual([{ n: 1, name: null, at: null }]);
  });
});

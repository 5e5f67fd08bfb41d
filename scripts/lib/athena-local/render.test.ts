import { describe, expect, it } from 'vitest';
import { columnInfo, javaDoubleString, renderCell, type TypeSignature } from './render';

const t = (rawType: string, ...args: TypeSignature[]): TypeSignature => ({ rawType, arguments: args.map((value) => ({ kind: 'TYPE', value })) });
const row = (...fields: [string, TypeSignature][]): TypeSignature => ({
  rawType: 'row',
  arguments: fields.map(([name, typeSignature]) => ({ kind: 'NAMED_TYPE', value: { fieldName: { name }, typeSignature } })),
});

describe("Athena's text for Trino values", () => {
  it('a top-level NULL has no text; a NULL inside a complex value is the text null', () => {
    expect(renderCell(null, t('varchar'))).toBeUndefined();
    expect(renderCell(['a', null], t('array', t('varchar')))).toBe('[a, null]');
  });

  it('arrays, maps and rows in display form, recursively, strings unquoted', () => {
    expect(renderCell(['198.51.100.7', '203.0.113.9'], t('array', t('varchar')))).toBe('[198.51.100.7, 203.0.113.9]');
    expect(renderCell({ k: 'v', 'a, b': 'c=d' }, t('map', t('varchar'), t('varchar')))).toBe('{k=v, a, b=c=d}');
    expect(renderCell(['AssumedRole', ['x', null]], row(['type', t('varchar')], ['sessioncontext', row(['arn', t('varchar')], ['mfa', t('varchar')])]))).toBe(
      '{type=AssumedRole, sessioncontext={arn=x, mfa=null}}',
    );
    expect(renderCell([[1, 2], []], t('array', t('array', t('bigint'))))).toBe('[[1, 2], []]');
  });

  it('scalars as Trino prints them', () => {
    expect(renderCell(true, t('boolean'))).toBe('true');
    expect(renderCell(42, t('bigint'))).toBe('42');
    expect(renderCell('12.50', t('decimal'))).toBe('12.50');
    expect(renderCell('2025-01-05 10:05:00.000 UTC', t('timestamp with time zone'))).toBe('2025-01-05 10:05:00.000 UTC');
    expect(renderCell('{"a":1}', t('json'))).toBe('{"a":1}');
    expect(renderCell('AAH/', t('varbinary'))).toBe('00 01 ff');
  });

  it("doubles as Java's Double.toString", () => {
    expect([1, 0.1, 1e7, 12345678.9, 1e-4, 0.001, 123.456, -2.5, 0, 1.5e300].map(javaDoubleString)).toEqual([
      '1.0', '0.1', '1.0E7', '1.23456789E7', '1.0E-4', '0.001', '123.456', '-2.5', '0.0', '1.5E300',
    ]);
    expect(renderCell('NaN', t('double'))).toBe('NaN');
  });

  it("column info names the base type, with decimal precision and scale", () => {
    expect(columnInfo('n', { rawType: 'decimal', arguments: [{ kind: 'LONG', value: 10 }, { kind: 'LONG', value: 2 }] }, 'hive')).toMatchObject({ Type: 'decimal', Precision: 10, Scale: 2 });
    expect(columnInfo('ips', t('array', t('varchar')), 'hive').Type).toBe('array');
  });
});

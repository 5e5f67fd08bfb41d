import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowConverter, type TrinoColumn } from './cells';
import { parseTrinoJson } from './json-text';

/**
 * Result pages as Trino 476 sent them (fixtures/*.json: the query, and the `columns` and `data` of
 * its page, cut verbatim from the response body), parsed as the connection parses them.
 */
function page(name: string): { columns: TrinoColumn[]; row: Record<string, unknown> } {
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8');
  const { columns, data } = parseTrinoJson(text) as { columns: TrinoColumn[]; data: unknown[][] };
  expect(data).toHaveLength(1);
  return { columns, row: rowConverter(columns)(data[0] as unknown[]) };
}

describe('Trino cells', () => {
  it('converts scalars to the Cell contract', () => {
    const { row } = page('scalars');
    expect(row).toEqual({
      ti: 1,
      si: 2,
      i: 3,
      big: '9007199254740993',
      minbig: '-9223372036854775808',
      small_big: 42,
      dec: 1.5,
      bigdec: 12345.67,
      dbl: 1.5,
      nan: 'NaN',
      inf: 'Infinity',
      r: 2.5,
      b: true,
      n: null,
      s: "x'y",
      ch: 'c  ',
      d: '2024-01-02',
      ts: '2024-01-02T03:04:05.678Z',
      tstz: '2024-01-02T03:04:05Z',
      tstz_offset: '2024-01-02T01:04:05.123Z',
      // JSON is parsed as the Athena engine parses it (JSON.parse: a huge number inside is rounded).
      j: { a: [1, 2, { b: null }], big: 12345678901234567890 },
      j2: [1, 2],
      vb: 'AQI=',
      iv: '2 00:00:00.000',
      tm: '01:02:03.000',
      u: '12151fd2-7586-11e9-8f9e-2a86e4085a59',
      ip: '10.0.0.1',
    });
  });

  it('converts arrays element-wise, maps to objects and rows to objects keyed by field name', () => {
    const { row } = page('nested');
    expect(row).toEqual({
      arr: ['a', null, 'c'],
      bigarr: ['9007199254740993', 1],
      m: { k1: 1, k2: null },
      mi: { 1: 'x', 2: 'y' },
      mts: { '2024-01-02T03:04:05Z': 1 },
      r: { n: 1, s: 'x', items: [{ at: '2024-01-02T03:04:05Z', v: 1.5 }] },
      anon: { _col0: 1, _col1: 'anon' },
      tsarr: ['2024-01-02T03:04:05Z'],
      decarr: [1.25],
      jarr: [{ x: 1 }],
      nullarr: null,
      nested: [[1]],
      emptyish: { a: null, b: [] },
    });
  });

  it('falls back to the type name when a server sends no signature', () => {
    const columns: TrinoColumn[] = [
      { name: 'n', type: 'bigint' },
      { name: 'd', type: 'decimal(10, 2)' },
      { name: 't', type: 'timestamp(3) with time zone' },
      { name: 'a', type: 'array(varchar)' },
    ];
    expect(rowConverter(columns)(['12', '0.50', '2024-01-02 03:04:05.000 UTC', ['x']])).toEqual({ n: 12, d: 0.5, t: '2024-01-02T03:04:05Z', a: ['x'] });
  });
});

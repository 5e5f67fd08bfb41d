import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decode, FileSkip, recordsOf } from './parse-file';

const rec = { eventID: 'a', eventName: 'X' };

describe('recordsOf', () => {
  it('reads every shape CloudTrail arrives in', () => {
    expect(recordsOf(JSON.stringify({ Records: [rec, rec] })).records).toHaveLength(2);
    expect(recordsOf(JSON.stringify([rec])).records).toHaveLength(1);
    expect(recordsOf(JSON.stringify(rec)).records).toHaveLength(1);
    expect(recordsOf('[]').records).toHaveLength(0);
    expect(recordsOf('').records).toHaveLength(0);
    const lines = `${JSON.stringify(rec)}\n${JSON.stringify(rec)}\n{broken\n`;
    expect(recordsOf(lines)).toEqual({ records: [rec, rec], badLines: 1 });
  });
  it('refuses JSON that holds no records, and text that is not JSON', () => {
    expect(() => recordsOf('{"foo": 1}')).toThrow(FileSkip);
    expect(() => recordsOf('hello')).toThrow(/does not start/);
    expect(() => recordsOf('{"Records": [')).toThrow(FileSkip);
  });
});

describe('decode', () => {
  it('gunzips by content and reports a truncated gzip', async () => {
    const gz = gzipSync(Buffer.from(JSON.stringify({ Records: [rec] })));
    expect(decode(gz)).toContain('"Records"');
    expect(() => decode(gz.subarray(0, gz.length - 10))).toThrow(expect.objectContaining({ reason: 'gzip-error' }));
    expect(decode(Buffer.from('{"a":1}'))).toBe('{"a":1}');
  });
});

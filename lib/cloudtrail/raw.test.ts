import { describe, expect, it } from 'vitest';
import { createAthenaDialect } from '@/lib/engine/athena/dialect';
import { duckdbDialect } from '@/lib/engine/duckdb/dialect';

describe('Dialect.parseRawRecord', () => {
  it('returns the stored record as it was ingested', () => {
    expect(duckdbDialect.parseRawRecord('{"eventID":"e1","requestParameters":{"a":{"b":[1]}}}')).toEqual({ eventID: 'e1', requestParameters: { a: { b: [1] } } });
  });

  it('stands in for a field nested too deep to send, so the events answer is not a stack overflow', () => {
    // DuckDB reads CloudTrail's own S3 files itself, so such a record can be in the store.
    const text = `{"eventID":"e1","eventName":"X","requestParameters":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    const record = duckdbDialect.parseRawRecord(text);
    expect(record).toEqual({ eventID: 'e1', eventName: 'X', requestParameters: '[nested deeper than 100 levels: not shown]' });
    expect(() => JSON.stringify(record)).not.toThrow();
  });

  it('rebuilds the record from the columns on every engine of the Trino family (Athena and Trino)', () => {
    // Their rawRecord is the declared columns as lower-case JSON, with JSON-text columns as strings.
    const text = '{"eventid":"e1","eventname":"AssumeRole","useridentity":{"type":"AWSService","invokedby":"ec2.amazonaws.com"},"requestparameters":"{\\"roleSessionName\\":\\"s\\"}"}';
    const expected = { eventName: 'AssumeRole', userIdentity: { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' }, requestParameters: { roleSessionName: 's' }, eventID: 'e1' };
    const table = { catalog: 'hive', database: 'trailscope', table: 'cloudtrail_logs', partitioning: 'none' } as const;
    expect(createAthenaDialect(table).parseRawRecord(text)).toEqual(expected);
    expect(createAthenaDialect(table, 'trino').parseRawRecord(text)).toEqual(expected);
  });
});

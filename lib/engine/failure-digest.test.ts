import { describe, expect, it } from 'vitest';
import { engineFailureOf } from './failure-digest';
import { EngineError } from './types';

describe('an engine failure carried to the page error boundary', () => {
  it('gives every EngineError a digest that reads back as its message, code, SQL, parameters and cost', () => {
    const stats = { engine: 'athena' as const, elapsedMs: 1200, bytesScanned: 5_000_000, costUsd: 0.00005, queryId: 'q-1', rowCount: 0 };
    const error = new EngineError('HIVE_BAD_DATA: 100% unicode ✓', 'QUERY_FAILED', { sql: "SELECT 1 WHERE a = ? -- 'x'", params: ["it's", 3, null], stats });
    expect(engineFailureOf(error.digest)).toEqual({ message: 'HIVE_BAD_DATA: 100% unicode ✓', code: 'QUERY_FAILED', sql: "SELECT 1 WHERE a = ? -- 'x'", params: ["it's", 3, null], stats });
  });

  it('carries what there is when the engine failed before it had SQL or figures', () => {
    expect(engineFailureOf(new EngineError('The Athena connection is closed', 'CONFIG').digest)).toEqual({ message: 'The Athena connection is closed', code: 'CONFIG' });
  });

  it('is null for the digests of other errors and for a tampered digest', () => {
    expect(engineFailureOf(undefined)).toBeNull();
    expect(engineFailureOf('2615012043')).toBeNull();
    expect(engineFailureOf('trailscope-engine-failure:%7B')).toBeNull();
    expect(engineFailureOf(`trailscope-engine-failure:${encodeURIComponent('{"message":1}')}`)).toBeNull();
  });

  it('cuts a very long statement so the page payload stays small', () => {
    const sql = `SELECT ${'x, '.repeat(60_000)}1`;
    const failure = engineFailureOf(new EngineError('too long', 'QUERY_FAILED', { sql }).digest);
    expect(failure?.sql).toHaveLength(100_000);
  });
});

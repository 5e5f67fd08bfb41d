import { AthenaClient, GetQueryExecutionCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { createAthenaConnection } from '@/lib/engine/athena/connection';
import { queryCostUsd } from '@/lib/engine/athena/cost';
import { runCost, runDetections } from './run';

/**
 * Issue 12, defect 5: a rule whose Athena query the workgroup's data usage control stopped is
 * billed for what it scanned; the run reports that query and its cost with the rule's error, and
 * the other rules still run.
 */
const athena = mockClient(AthenaClient);
afterAll(() => athena.restore());

describe('detections on Athena', () => {
  it("keep the cost of a rule's stopped query with its error", async () => {
    const scanned = 10 * 2 ** 30;
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: { QueryExecutionId: 'q-1', Status: { State: 'CANCELLED', StateChangeReason: 'Bytes scanned limit was exceeded' }, Statistics: { DataScannedInBytes: scanned } },
    });
    const conn = createAthenaConnection(
      { catalog: 'AwsDataCatalog', database: 'trails', table: 'cloudtrail_logs', workgroup: 'primary', partitioning: 'projected-date', timeoutMs: 5_000, timing: { pollInitialMs: 1, pollMaxMs: 2, stopSettleMs: 10 } },
      new AthenaClient({ region: 'us-east-1' }),
    );
    const run = await runDetections(conn, { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' }, undefined, { rules: ['access-denied-burst', 'root-console-login'] });
    expect(run.perRule.map((r) => r.rule)).toEqual(['access-denied-burst', 'root-console-login']);
    for (const r of run.perRule) {
      expect(r.error).toContain('data usage control');
      expect(r.queries).toHaveLength(1);
      expect(r.queries[0]?.sql).toContain('FROM "AwsDataCatalog"."trails"."cloudtrail_logs"');
      expect(r.queries[0]?.params.length).toBeGreaterThan(0);
      expect(r.queries[0]?.stats).toMatchObject({ engine: 'athena', bytesScanned: scanned, queryId: 'q-1' });
      expect(r.queries[0]?.stats.costUsd).toBeCloseTo(queryCostUsd(scanned) as number, 15);
    }
    // The run's tally counts what the stopped queries cost.
    expect(runCost(run.perRule).bytesScanned).toBe(2 * scanned);
    expect(runCost(run.perRule).costUsd).toBeCloseTo(2 * (queryCostUsd(scanned) as number), 15);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import type { Connection } from '@/lib/engine/types';
import { generate } from '@/lib/generator/generate';
import { parseGenerateOptions } from '@/lib/generator/options';
import { LOGGING_GAP, scenarioTruths } from '@/lib/generator/scenarios';
import { GzipFileSink } from '@/lib/generator/writer';
import { ingest } from '@/lib/ingest/ingest';
import { isoUtc } from '@/lib/time';
import { loadCoverage, type Coverage } from './load-coverage';

/**
 * The generator's logging-gap variant (seed 7, 60k events over 21 days), which plants what this
 * module looks for, as truths: pchen stops production's us-east-1 trail (by ARN) and starts it
 * again three and a half hours later, nothing of that account × region being delivered in
 * between; and production × eu-west-1 delivers nothing for six hours the same day. The stop's
 * silence is the stop's gap, listed once.
 *
 * At the scenario store's 20k events over 70 days production × eu-west-1 has an event in fewer
 * than half of its hours, and its six silent hours are like others around them: the rule rightly
 * does not judge them (silences.ts), so this test generates a denser store.
 */
const END = Date.parse('2026-11-20T00:00:00Z');
const truths = scenarioTruths({ seed: '7', end: END, variant: 'logging-gap' });
const [stopped, outage] = truths.loggingGaps;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-coverage-variant-'));
let conn: Connection;
let coverage: Coverage;

beforeAll(async () => {
  const logs = path.join(dir, 'logs');
  generate({ ...parseGenerateOptions({ outDir: logs, events: 60_000, seed: '7', days: 21, variant: 'logging-gap' }), outDir: logs }, new GzipFileSink(logs));
  await ingest({ paths: [logs], dataDir: path.join(dir, 'data') });
  conn = await createDuckDbConnection({ dataDir: path.join(dir, 'data') });
  coverage = await loadCoverage(conn, { from: '2026-11-06T00:00:00Z', to: '2026-11-20T00:00:00Z' }, { files: true });
}, 180_000);

afterAll(async () => {
  await conn?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('coverage on the logging-gap variant', () => {
  it('finds the stopped trail from StopLogging to StartLogging, and no other stop', () => {
    const trails = coverage.gaps.filter((g) => g.kind !== 'no-delivery' && g.trailName === LOGGING_GAP.trail.name);
    expect(trails).toEqual([
      expect.objectContaining({
        kind: 'logging-stopped',
        accountId: LOGGING_GAP.trail.accountId,
        region: LOGGING_GAP.trail.region,
        from: isoUtc(stopped!.from),
        to: isoUtc(stopped!.to),
        open: false,
        trailArn: LOGGING_GAP.trail.arn,
        stoppedBy: LOGGING_GAP.actor.arn,
        eventIds: [truths.loggingGap.stopLoggingEventId, truths.loggingGap.startLoggingEventId],
      }),
    ]);
    // The silence it caused in us-east-1 is not listed again as a delivery gap.
    expect(coverage.gaps.filter((g) => g.kind === 'no-delivery' && g.region === LOGGING_GAP.trail.region && g.accountId === LOGGING_GAP.trail.accountId)).toEqual([]);
  });

  it('finds the delivery outage as the only silence, on its whole hours', () => {
    const silences = coverage.gaps.filter((g) => g.kind === 'no-delivery');
    expect(silences.map((g) => [g.accountId, g.region, g.from, g.to])).toEqual([[outage!.accountId, outage!.region, isoUtc(outage!.from), isoUtc(outage!.to)]]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import type { Connection } from '@/lib/engine/types';
import { ingest } from '@/lib/ingest/ingest';
import { gapSentence } from './coverage';
import { loadCoverage, type Coverage } from './load-coverage';

/**
 * Coverage on CloudTrail nobody on the team wrote (../shared/cloudtrail beside the repo, when
 * present; skipped otherwise). Stratus Red Team's detonations stop one trail and delete another,
 * and never restart either: each is a gap open to the end of the data, in the anonymised account
 * and (fake) region the call was made in. Its 310 events over 8 days are far too sparse for any
 * silence to be judged.
 */
const SHARED = path.resolve(__dirname, '../../../shared/cloudtrail');
const present = fs.existsSync(SHARED);

function report(title: string, coverage: Coverage): void {
  const days = new Set(coverage.cells.filter((c) => c.events > 0).map((c) => c.day));
  const lines = [
    `${title}: ${coverage.streams.length} account × region, ${days.size} days with events, ${coverage.cells.reduce((n, c) => n + c.events, 0)} events in ${coverage.cells.reduce((n, c) => n + (c.files ?? 0), 0)} file-days`,
    ...coverage.gaps.map((g) => `  [${g.kind}] ${gapSentence(g)} ${g.reason}`),
  ];
  console.log(lines.join('\n'));
}

describe.skipIf(!present)('coverage over ../shared/cloudtrail', () => {
  const dirs: string[] = [];
  const conns: Connection[] = [];

  async function open(folders: readonly string[]): Promise<Connection> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-shared-coverage-'));
    dirs.push(dataDir);
    await ingest({ paths: folders.map((f) => path.join(SHARED, f)), dataDir });
    const conn = await createDuckDbConnection({ dataDir });
    conns.push(conn);
    return conn;
  }

  afterAll(async () => {
    for (const c of conns) await c.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  describe('Stratus Red Team detonations', () => {
    let coverage: Coverage;
    beforeAll(async () => {
      const conn = await open(['stratus-detonations']);
      coverage = await loadCoverage(conn, { from: '2024-07-01T00:00:00Z', to: '2024-12-31T00:00:00Z' }, { files: true });
      report('stratus-detonations', coverage);
    });

    it('the stopped trail and the deleted one, each open to the end of the data (its last hour)', () => {
      const trails = coverage.gaps.filter((g) => g.kind !== 'no-delivery');
      expect(trails.map((g) => [g.kind, g.trailName, g.from, g.to, g.open])).toEqual([
        ['trail-deleted', 'stratus-red-team-cloudtraild-trail-kvrwohmiai', '2024-07-31T12:46:41Z', '2024-11-30T09:00:00Z', true],
        ['logging-stopped', 'stratus-red-team-ct-stop-trail-buykxbqejv', '2024-07-31T13:06:24Z', '2024-11-30T09:00:00Z', true],
      ]);
      for (const g of trails) {
        expect(g.accountId).toMatch(/^\d{12}$/);
        expect(g.region).toBeTruthy();
        expect(g.stoppedBy).toBeTruthy();
        expect(g.eventIds).toHaveLength(1);
      }
    });

    it('no silence is judged in data this sparse; every file is counted', () => {
      expect(coverage.gaps.filter((g) => g.kind === 'no-delivery')).toEqual([]);
      expect(coverage.cells.reduce((n, c) => n + c.events, 0)).toBe(310);
      expect(coverage.cells.filter((c) => c.events > 0).every((c) => (c.files ?? 0) >= 1)).toBe(true);
    });
  });

  it('every shared folder together: coverage runs over anonymised and hand-edited records', async () => {
    const conn = await open(['stratus-detonations', 'traildiscover', 'panther-fixtures', 'otrf-ec2-proxy']);
    const { rows } = await conn.query({ sql: 'SELECT max(event_time) AS last FROM cloudtrail_logs' });
    const last = Date.parse(String(rows[0]?.last));
    const to = new Date(Math.ceil(last / 86_400_000) * 86_400_000).toISOString().replace('.000Z', 'Z');
    const from = new Date(Date.parse(to) - 365 * 86_400_000).toISOString().replace('.000Z', 'Z');
    const coverage = await loadCoverage(conn, { from, to }, { files: true });
    report(`all of ../shared/cloudtrail, ${from} → ${to}`, coverage);
    expect(coverage.truncated).toEqual({ counts: false, trailEvents: false });
    expect(coverage.gaps.filter((g) => g.kind === 'logging-stopped').length).toBeGreaterThanOrEqual(1);
  });
});

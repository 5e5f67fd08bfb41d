import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedLogs } from '@/test/store-answers';
import type { Finding } from '@/lib/findings/types';
import { testFinding } from '@/lib/findings/test-finding';

/**
 * Detections after ingest, on a generated trail ingested in two deliveries (the days before a
 * cutoff, then the rest): each run covers only what is new (plus the look-back), runs again find
 * nothing to do, and the two runs together find what one run over everything finds. A failed rule
 * keeps the cursor where it was; findings wait in the inbox while another process holds the
 * state database, and the app imports them.
 */

const { dir, logs } = generatedLogs('trailscope-detect-new-', { events: 12_000, seed: 'detect-new', days: 14 });
process.env.TRAILSCOPE_DATA_DIR = path.join(dir, 'data');
delete process.env.TRAILSCOPE_ORG_ACCOUNTS;
const dataDir = process.env.TRAILSCOPE_DATA_DIR;

const { ingest } = await import('@/lib/ingest/ingest');
const { createDuckDbConnection } = await import('@/lib/engine/duckdb/connection');
const { detectNew } = await import('./detect-new');
const { runDetections } = await import('./run');
const { deliverFindings, importInbox } = await import('./deliver');
const { readCursor } = await import('./cursor');
const { readManifest } = await import('@/lib/event-store/manifest');
const { storeLayout } = await import('@/lib/event-store/layout');
const { closeStateDb, stateDbPath } = await import('@/lib/state/db');
const { getFinding } = await import('@/lib/findings/store');
const { EngineError } = await import('@/lib/engine/types');

afterAll(async () => {
  await closeStateDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Delivery files by their date folder (…/YYYY/MM/DD/), split at the cutoff day. */
function deliveries(cutoff: string): { before: string[]; after: string[] } {
  const all = (fs.readdirSync(logs, { recursive: true }) as string[]).filter((f) => f.endsWith('.json.gz')).map((f) => path.join(logs, f));
  const day = (f: string) => /(\d{4})\/(\d{2})\/(\d{2})\/[^/]+$/.exec(f)!.slice(1).join('-');
  return { before: all.filter((f) => day(f) < cutoff), after: all.filter((f) => day(f) >= cutoff) };
}

const collected: Finding[][] = [];
const collect = async (findings: readonly Finding[]) => {
  collected.push([...findings]);
  return { to: 'none' as const };
};
const ids = (findings: readonly Finding[], keep: (f: Finding) => boolean = () => true) => [...new Set(findings.filter(keep).map((f) => f.id))].sort();
// New country and first use of a sensitive API compare with the 45 days before the scope: a run
// over everything has no baseline, the second delivery's run has the first as one. They are the
// rules whose answer depends on where a scope starts, by design.
const notBaselined = (f: Finding) => f.rule !== 'new-country-for-principal' && f.rule !== 'sensitive-api-first-use';

describe('detections after each ingest', () => {
  let split: { before: string[]; after: string[] };
  beforeAll(() => {
    const all = deliveries('9999-99-99').before;
    const days = [...new Set(all.map((f) => /(\d{4})\/(\d{2})\/(\d{2})\//.exec(f)!.slice(1).join('-')))].sort();
    split = deliveries(days[Math.floor(days.length * 0.7)]!);
    expect(split.before.length).toBeGreaterThan(0);
    expect(split.after.length).toBeGreaterThan(0);
  });

  it('runs over only what each ingest added, and together finds what one run over everything finds', async () => {
    await ingest({ paths: split.before, dataDir });
    const conn = await createDuckDbConnection({ dataDir });
    try {
      const first = await detectNew({ conn, engine: 'duckdb', dataDir, target: 'duckdb', deliver: collect });
      expect(first.errors).toEqual([]);
      expect(first.scopes.length).toBeGreaterThan(0);
      const cursor1 = await readCursor(dataDir, 'duckdb');
      expect(cursor1.ingestedThrough).not.toBeNull();

      const again = await detectNew({ conn, engine: 'duckdb', dataDir, target: 'duckdb', deliver: collect });
      expect(again.scopes).toEqual([]);
      expect(again.findings).toEqual([]);

      await ingest({ paths: split.after, dataDir });
      // Compaction merged the first delivery's segments with the second's: the run must still see only the second.
      expect((await readManifest(storeLayout(dataDir))).segments.some((s) => (s.arrivals?.length ?? 0) > 1)).toBe(true);
      const second = await detectNew({ conn, engine: 'duckdb', dataDir, target: 'duckdb', deliver: collect });
      expect(second.errors).toEqual([]);
      // The second run starts where the new segments start (less the look-back), not at the store's start.
      expect(Date.parse(second.scopes[0]!.from)).toBeGreaterThan(Date.parse(first.scopes[0]!.from));
      expect((await readCursor(dataDir, 'duckdb')).ingestedThrough! > cursor1.ingestedThrough!).toBe(true);

      const whole = { from: first.scopes[0]!.from, to: second.scopes.at(-1)!.to };
      const once = await runDetections(conn, whole);
      const incremental = [...first.findings, ...second.findings];
      expect(ids(once.findings, notBaselined).length).toBeGreaterThan(2);
      expect(ids(incremental, notBaselined)).toEqual(ids(once.findings, notBaselined));
    } finally {
      await conn.close();
    }
  });

  it('keeps the cursor where it was when a rule fails, so the next run retries it', async () => {
    const conn = await createDuckDbConnection({ dataDir });
    try {
      const before = await readCursor(dataDir, 'duckdb');
      const first = before.lastRun!.scopes[0]!;
      const failing = {
        ...conn,
        dialect: conn.dialect,
        query: (request: Parameters<typeof conn.query>[0]) =>
          (request.params ?? []).includes('StopLogging') ? Promise.reject(new EngineError('the engine fell over', 'QUERY_FAILED')) : conn.query(request),
        close: () => conn.close(),
      };
      const run = await detectNew({ conn: failing, engine: 'duckdb', dataDir, target: 'duckdb', since: first.from, until: first.to, deliver: collect });
      expect(run.errors.join()).toMatch(/cloudtrail-logging-stopped: the engine fell over/);
      const after = await readCursor(dataDir, 'duckdb');
      expect(after.ingestedThrough).toBe(before.ingestedThrough);
      expect(after.lastRun?.errors.length).toBe(1);
    } finally {
      await conn.close();
    }
  });
});

describe('the inbox', () => {
  const sample = (id: string): Finding => testFinding(id, { title: 'CloudTrail logging disabled' });

  /** Another process with the state database open, as the app has it while a CLI runs. */
  async function holdState(): Promise<ChildProcess> {
    await closeStateDb();
    const child = spawn(
      process.execPath,
      ['-e', `require('@duckdb/node-api').DuckDBInstance.create(${JSON.stringify(stateDbPath())}).then(() => { console.log('held'); setInterval(() => {}, 1000); })`],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    return child;
  }

  it('queues findings while another process holds the state database, and imports them once it is free', async () => {
    const holder = await holdState();
    let delivery: Awaited<ReturnType<typeof deliverFindings>>;
    try {
      delivery = await deliverFindings(dataDir, [sample('det-inbox-1')]);
    } finally {
      holder.kill();
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    expect(delivery.to).toBe('inbox');
    if (delivery.to !== 'inbox') return;
    expect(fs.statSync(delivery.file).mode & 0o777).toBe(0o600);
    fs.writeFileSync(path.join(path.dirname(delivery.file), 'zz-not-ours.json'), '{"hello":');

    const imported = await importInbox(dataDir);
    expect(imported).toMatchObject({ files: 1, inserted: 1, rejectedFiles: ['zz-not-ours.json'] });
    expect((await getFinding('det-inbox-1'))?.title).toBe('CloudTrail logging disabled');
    expect(fs.readdirSync(path.dirname(delivery.file))).toEqual(['zz-not-ours.json.rejected']);
    expect(await importInbox(dataDir)).toMatchObject({ files: 0, inserted: 0 });
  });

  it('writes at once where this process can open the state database', async () => {
    expect(await deliverFindings(dataDir, [sample('det-inbox-2')])).toMatchObject({ to: 'state', inserted: 1, updated: 0, newIds: ['det-inbox-2'] });
  });
});

describe("the app's background pass", () => {
  it('imports queued findings and detects what no run has seen; with nothing new it does nothing', async () => {
    const { backgroundPass } = await import('./background');
    fs.rmSync(path.join(dataDir, 'detections', 'cursor.json'));
    const seen = await backgroundPass(dataDir, 'duckdb', null);
    expect(seen).not.toBeNull();
    const cursor = await readCursor(dataDir, 'duckdb');
    expect(cursor.lastRun).toMatchObject({ delivered: 'state', errors: [] });
    expect(cursor.lastRun!.findings).toBeGreaterThan(0);
    expect(await backgroundPass(dataDir, 'duckdb', seen)).toBe(seen);
    expect((await readCursor(dataDir, 'duckdb')).lastRun?.at).toBe(cursor.lastRun?.at);
  });
});

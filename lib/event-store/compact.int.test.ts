import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '@/lib/ingest/ingest';
import { generatedLogs, storeAnswers } from '@/test/store-answers';
import { compactSegments, RETIRE_AFTER_MS } from './compact';
import { storeLayout } from './layout';
import { readManifest } from './manifest';

const { dir, logs } = generatedLogs('trailscope-compact-', { events: 6_000, seed: '9', days: 7 });
const dataDir = path.join(dir, 'data');
const layout = storeLayout(dataDir);
const answers = () => storeAnswers(dataDir);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compaction', () => {
  it('merges small segments with the same answers, retires their files and deletes them only later', async () => {
    await ingest({ paths: [logs], dataDir, batchBytes: 64 * 1024, compaction: false });
    const before = await readManifest(layout);
    expect(before.segments.length).toBeGreaterThan(6);
    const expected = await answers();

    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const now = Date.now();
      const done = await compactSegments(conn, layout, before, { smallRows: 2_000, mergedRows: 3_000 }, now);
      expect(done.merged).toBeGreaterThan(done.written);
      const after = await readManifest(layout);
      expect(after.segments.length).toBe(before.segments.length - done.merged + done.written);
      expect(after.segments.reduce((n, s) => n + s.rows, 0)).toBe(6_000);
      expect(after.retired).toHaveLength(done.merged * 4);
      // A reader still on the old manifest finds its files.
      for (const r of after.retired) expect(fs.existsSync(path.join(layout.segments, r.file))).toBe(true);
      expect(await answers()).toEqual(expected);

      await compactSegments(conn, layout, after, { smallRows: 2_000, mergedRows: 3_000 }, now + RETIRE_AFTER_MS - 1000);
      expect((await readManifest(layout)).retired).toHaveLength(done.merged * 4);
      await compactSegments(conn, layout, await readManifest(layout), { smallRows: 2_000, mergedRows: 3_000 }, now + RETIRE_AFTER_MS);
      const final = await readManifest(layout);
      expect(final.retired).toEqual([]);
      for (const r of after.retired) expect(fs.existsSync(path.join(layout.segments, r.file))).toBe(false);
      expect(await answers()).toEqual(expected);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  }, 120_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import { generate } from '@/lib/generator/generate';
import { parseGenerateOptions } from '@/lib/generator/options';
import { GzipFileSink } from '@/lib/generator/writer';
import { ingest } from '@/lib/ingest/ingest';
import { storeLayout } from './layout';
import { readManifest, writeManifest } from './manifest';
import { isPartitioned } from './segment-range';
import { sql } from '@/lib/sql/sql';

/**
 * A store written before partitioned paths and summaries (flat segments/, no summary in the
 * manifest) answers the same before and after the next ingest upgrades it.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-upgrade-'));
const dataDir = path.join(dir, 'data');
const layout = storeLayout(dataDir);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function answers() {
  const conn = await createDuckDbConnection({ dataDir });
  try {
    const q = async (text: string) => (await conn.query({ sql: text })).rows;
    return {
      events: await q(`SELECT count(*) AS n, count(DISTINCT eventid) AS ids FROM cloudtrail_logs`),
      hourly: await q(`SELECT sum(calls) AS calls, count(DISTINCT (hour, principal_id, event_name, source_ip, failed)) AS groups, min(hour) AS lo, max(hour) AS hi FROM cloudtrail_hourly`),
      window: (await conn.query(sql`SELECT count(*) AS n FROM ${conn.dialect.table} WHERE ${conn.dialect.timeRange('2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z')}`.toQuery())).rows,
    };
  } finally {
    await conn.close();
  }
}

describe('upgrading a store written before summaries', () => {
  it('reads the old layout, then moves it and summarises it in the next ingest, with the same answers', async () => {
    const logs = path.join(dir, 'logs');
    generate({ ...parseGenerateOptions({ outDir: logs, events: 8_000, seed: '5', days: 14 }), outDir: logs }, new GzipFileSink(logs));
    await ingest({ paths: [logs], dataDir, batchBytes: 128 * 1024 });
    const current = await answers();

    // Back to the old layout: segments flat under segments/, no summaries.
    const manifest = await readManifest(layout);
    expect(manifest.segments.length).toBeGreaterThan(3);
    const old = manifest.segments.map((s) => {
      const flat = path.basename(s.file);
      fs.renameSync(path.join(layout.segments, s.file), path.join(layout.segments, flat));
      fs.rmSync(path.join(layout.segments, s.summary!));
      const { summary: _s, ...rest } = s;
      return { ...rest, file: flat };
    });
    await writeManifest(layout, { ...manifest, segments: old });
    expect(await answers()).toEqual(current);

    const again = await ingest({ paths: [logs], dataDir });
    expect(again.inserted).toBe(0);
    const upgraded = await readManifest(layout);
    expect(upgraded.segments.every((s) => isPartitioned(s.file) && s.summary !== undefined)).toBe(true);
    expect(fs.readdirSync(layout.segments).filter((f) => f.endsWith('.parquet'))).toEqual([]);
    expect(await answers()).toEqual(current);
  }, 120_000);
});

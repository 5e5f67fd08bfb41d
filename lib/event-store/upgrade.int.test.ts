import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '@/lib/ingest/ingest';
import { generatedLogs, storeAnswers } from '@/test/store-answers';
import { storeLayout } from './layout';
import { readManifest, writeManifest } from './manifest';
import { isCurrent } from './upgrade';

/**
 * A store written before partitioned paths and sidecars (flat segments/, no summary in the
 * manifest) answers the same before and after the next ingest upgrades it.
 */
const { dir, logs } = generatedLogs('trailscope-upgrade-', { events: 8_000, seed: '5', days: 14 });
const dataDir = path.join(dir, 'data');
const layout = storeLayout(dataDir);
const answers = () => storeAnswers(dataDir);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('upgrading a store written before summaries', () => {
  it('reads the old layout, then moves it and summarises it in the next ingest, with the same answers', async () => {
    await ingest({ paths: [logs], dataDir, batchBytes: 128 * 1024, compaction: false });
    const current = await answers();

    // Back to the old layout: segments flat under segments/, no summaries.
    const manifest = await readManifest(layout);
    expect(manifest.segments.length).toBeGreaterThan(3);
    const old = manifest.segments.map((s) => {
      const flat = path.basename(s.file);
      fs.renameSync(path.join(layout.segments, s.file), path.join(layout.segments, flat));
      fs.rmSync(path.join(layout.segments, s.summary!));
      fs.rmSync(path.join(layout.segments, s.ids!));
      fs.rmSync(path.join(layout.segments, s.sts!));
      const { summary: _s, ids: _i, sts: _t, ...rest } = s;
      return { ...rest, file: flat };
    });
    await writeManifest(layout, { ...manifest, segments: old });
    expect(await answers()).toEqual(current);

    const again = await ingest({ paths: [logs], dataDir });
    expect(again.inserted).toBe(0);
    const upgraded = await readManifest(layout);
    expect(upgraded.segments.every(isCurrent)).toBe(true);
    expect(fs.readdirSync(layout.segments).filter((f) => f.endsWith('.parquet'))).toEqual([]);
    expect(await answers()).toEqual(current);
  }, 120_000);
});

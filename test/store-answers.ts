import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import { generate } from '@/lib/generator/generate';
import { parseGenerateOptions } from '@/lib/generator/options';
import { GzipFileSink } from '@/lib/generator/writer';
import { sql } from '@/lib/sql/sql';

/** Generated CloudTrail files in a fresh temporary directory: `{ dir, logs }`. */
export function generatedLogs(prefix: string, options: { events: number; seed: string; days: number }): { dir: string; logs: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const logs = path.join(dir, 'logs');
  generate({ ...parseGenerateOptions({ outDir: logs, ...options }), outDir: logs }, new GzipFileSink(logs));
  return { dir, logs };
}

/**
 * What a store answers through the embedded engine's three views, in figures that must not change
 * when its files are rearranged (upgraded, compacted): events, ids, the summary's calls per hour,
 * and a pruned day.
 */
export async function storeAnswers(dataDir: string) {
  const conn = await createDuckDbConnection({ dataDir });
  try {
    const q = async (text: string) => (await conn.query({ sql: text })).rows;
    const d = conn.dialect;
    return {
      events: await q(`SELECT count(*) AS n, count(DISTINCT eventid) AS ids, min(event_time) AS lo, max(event_time) AS hi FROM cloudtrail_logs`),
      ids: await q(`SELECT count(*) AS n, count(DISTINCT eventid) AS ids, min(eventid) AS lo FROM cloudtrail_event_ids`),
      perHour: await q(`SELECT hour, sum(calls) AS calls, count(DISTINCT (principal_id, event_name, source_ip, failed)) AS groups FROM cloudtrail_hourly GROUP BY 1 ORDER BY 1`),
      day: (await conn.query(sql`SELECT count(*) AS n FROM ${d.table} WHERE ${d.timeRange('2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z')}`.toQuery())).rows,
    };
  } finally {
    await conn.close();
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import { eventSearchParams } from '@/lib/events/params';
import { searchEvents } from '@/lib/events/search-events';
import { getDataRange } from '@/lib/data-range/get-data-range';
import { resolveScope } from '@/lib/params/scope';
import { benchStore, timeRuns } from './stats';

const { dataDir, events } = benchStore();
const RUNS = 50;

async function main() {
  const conn = await createDuckDbConnection({ dataDir });
  const range = await getDataRange(conn);
  if (!range?.last || !range.first) throw new Error(`no data in ${dataDir}: run npm run bench:ingest first`);
  // Keys used in the scope, so each search finds something, picked in a fixed pseudo-random order.
  const keysIn = async (scope: { from: string; to: string }) =>
    (
      await conn.query({
        sql: `SELECT useridentity.accesskeyid AS k FROM cloudtrail_logs
              WHERE useridentity.accesskeyid IS NOT NULL AND event_time >= CAST(? AS TIMESTAMP) AND event_time < CAST(? AS TIMESTAMP)
              GROUP BY 1 ORDER BY hash(k) LIMIT ${RUNS}`,
        params: [scope.from, scope.to],
      })
    ).rows.map((r) => String(r.k));
  const scopes = {
    'whole data range': { from: range.first, to: new Date(Date.parse(range.last) + 1000).toISOString().replace('.000Z', 'Z') },
    'default 24h scope': resolveScope({}, range.last),
  };
  const byScope: Record<string, { p50: number; p95: number; max: number; runs: number; meanRows: number }> = {};
  for (const [name, scope] of Object.entries(scopes)) {
    const accessKeys = await keysIn(scope);
    let rows = 0;
    const timing = await timeRuns(RUNS, async (i) => {
      const key = accessKeys[i % accessKeys.length] as string;
      const page = await searchEvents(conn, eventSearchParams.parse({ accessKeyId: key, ...scope }), scope);
      rows += page.events.length;
    });
    byScope[name] = { ...timing, meanRows: Math.round(rows / RUNS) };
  }
  const report = { store: dataDir, events: range.events, eventSearchByAccessKeyMs: byScope };
  console.log(JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(path.dirname(dataDir), `query-${events}.json`), JSON.stringify(report, null, 2));
  await conn.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

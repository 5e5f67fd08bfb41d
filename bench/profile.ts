import fs from 'node:fs';
import path from 'node:path';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import { getRoleSessionAttribution } from '@/lib/attribution/role-session';
import { loadSubjectActivity } from '@/lib/activity/load-activity';
import { roleSessionListParams } from '@/lib/role-sessions/params';
import { resolveScope } from '@/lib/params/scope';
import { getDataRange } from '@/lib/data-range/get-data-range';
import { listRoleSessions } from '@/lib/role-sessions/list-role-sessions';
import { getSubjectExtent } from '@/lib/subjects/get-subject-extent';
import { benchStore, timeRuns } from './stats';
import { getNewBehavior } from '@/lib/new-behavior/get-new-behavior';
import { getEnricher } from '@/lib/enrichment/enricher';

/**
 * The role-session profile (details + attribution + API volume + scope details, as the page runs
 * them) and the session list, on the store bench:ingest left. 50 runs each.
 */
const { dataDir, events } = benchStore();
const RUNS = 50;

async function main() {
  const conn = await createDuckDbConnection({ dataDir });
  const range = await getDataRange(conn);
  if (!range?.last) throw new Error(`no data in ${dataDir}: run npm run bench:ingest first`);
  const scope = resolveScope({}, range.last);
  const listParams = roleSessionListParams.parse({ ...scope });
  const sessions = (await listRoleSessions(conn, { ...listParams, limit: 50 }, scope, range.first)).sessions.map((s) => s.sessionId);
  if (sessions.length === 0) throw new Error('no role sessions in the default scope');

  const profile = await timeRuns(RUNS, async (i) => {
    const principalId = sessions[i % sessions.length] as string;
    const subject = { kind: 'role-session', principalId } as const;
    await Promise.all([
      getRoleSessionAttribution(conn, principalId, scope, range.first),
      getSubjectExtent(conn, subject, scope),
      loadSubjectActivity(conn, subject, scope, { baseline: 45, bucket: undefined }, range.first),
    ]);
  });
  // The enrichment databases load once per process; the first call pays for it and is reported apart.
  const enricher = getEnricher();
  const firstStarted = performance.now();
  await getNewBehavior(conn, { kind: 'role-session', principalId: sessions[0] as string }, scope, { enricher, storeFirstEvent: range.first });
  const newBehaviorFirstCallMs = Math.round(performance.now() - firstStarted);
  const newBehavior = await timeRuns(RUNS, (i) =>
    getNewBehavior(conn, { kind: 'role-session', principalId: sessions[i % sessions.length] as string }, scope, { enricher, storeFirstEvent: range.first }),
  );
  const list = await timeRuns(RUNS, (i) => listRoleSessions(conn, { ...listParams, sort: i % 2 ? 'events' : 'last_seen' }, scope, range.first));
  const report = { store: dataDir, events: range.events, scope, sessionsSampled: sessions.length, roleSessionProfileMs: profile, roleSessionListMs: list, newBehaviorMs: newBehavior, newBehaviorFirstCallMs };
  console.log(JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(path.dirname(dataDir), `profile-${events}.json`), JSON.stringify(report, null, 2));
  await conn.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, type IngestSummary } from '@/lib/ingest/ingest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import { getRoleSessionAttribution } from '@/lib/attribution/role-session';
import { loadGraph } from '@/lib/graph/load';

/**
 * Public CloudTrail recorded by others (../shared/cloudtrail beside the repo, when present): the
 * ingest must take every folder without crashing and count what it cannot use, by reason.
 */
const SHARED = path.resolve(__dirname, '../../shared/cloudtrail');
const present = fs.existsSync(SHARED);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-shared-'));

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const run = (folder: string): Promise<IngestSummary> => ingest({ paths: [path.join(SHARED, folder)], dataDir });

describe.skipIf(!present)('ingest of ../shared/cloudtrail', () => {
  it('stratus-detonations: every record of the JSON-array files, anonymised quirks and all', async () => {
    const s = await run('stratus-detonations');
    expect(s.filesRead).toBe(35);
    expect(s.recordsRead).toBe(310);
    expect(s.inserted + s.duplicates).toBe(310);
    expect(s.recordsSkipped).toEqual({});
  });

  it('traildiscover: byte-identical copies are stored once, empty files are fine', async () => {
    const s = await run('traildiscover');
    expect(s.recordsRead).toBe(563);
    expect(s.inserted).toBe(314);
    expect(s.duplicates).toBe(249);
  });

  it('panther-fixtures: records without eventID or eventTime are skipped and counted by reason', async () => {
    const s = await run('panther-fixtures');
    expect(s.recordsRead).toBe(491);
    expect(s.recordsSkipped['missing-event-id']).toBeGreaterThan(0);
    expect((s.recordsSkipped['missing-event-time'] ?? 0) + (s.recordsSkipped['invalid-event-time'] ?? 0)).toBeGreaterThan(0);
    expect(Object.keys(s.filesWithSkippedRecords).length).toBeGreaterThan(0);
    const skipped = Object.values(s.recordsSkipped).reduce((a, b) => a + b, 0);
    expect(s.inserted + s.duplicates + skipped).toBe(491);
  });

  it('otrf-ec2-proxy: Logstash lines without eventTime take their @timestamp', async () => {
    const s = await run('otrf-ec2-proxy');
    expect(s.inserted).toBe(103);
    expect(s.timeFromTimestampField).toBe(103);
  });

  it('the store answers for what was ingested', async () => {
    const conn = await createDuckDbConnection({ dataDir });
    try {
      const r = await conn.query({
        sql: `SELECT eventname, count(*) AS n FROM cloudtrail_logs WHERE eventname IN ('StopLogging', 'DeleteTrail', 'ConsoleLogin', 'AssumeRole') GROUP BY 1 ORDER BY 1`,
      });
      const counts = Object.fromEntries(r.rows.map((x) => [x.eventname, x.n]));
      expect(counts.StopLogging).toBeGreaterThanOrEqual(1);
      expect(counts.DeleteTrail).toBeGreaterThanOrEqual(1);
      expect(counts.AssumeRole).toBeGreaterThanOrEqual(8);
    } finally {
      await conn.close();
    }
  });

  it('every role session whose issuing AssumeRole is in the data resolves to its assumer, proven', async () => {
    const conn = await createDuckDbConnection({ dataDir });
    try {
      // Sessions that used a key some AssumeRole response in the data issued: these must link.
      const linkable = await conn.query({
        sql: `WITH issued AS (
                SELECT json_extract_string(responseelements, '$.credentials.accessKeyId') AS k, useridentity.type AS caller_type
                FROM cloudtrail_logs WHERE eventname LIKE 'AssumeRole%' AND (errorcode IS NULL OR errorcode = ''))
              SELECT DISTINCT e.useridentity.principalid AS pid, min(i.caller_type) AS caller_type
              FROM cloudtrail_logs e JOIN issued i ON e.useridentity.accesskeyid = i.k
              WHERE e.useridentity.type = 'AssumedRole' GROUP BY 1 ORDER BY 1`,
      });
      expect(linkable.rows.length).toBeGreaterThanOrEqual(5);
      const scope = { from: '2015-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
      for (const { pid } of linkable.rows) {
        const a = await getRoleSessionAttribution(conn, String(pid), scope, null);
        expect(a.assumedBy.length, `${String(pid)} has an assumer`).toBeGreaterThan(0);
        expect(a.assumedBy.every((x) => x.confidence === 'proven')).toBe(true);
      }
      // The EC2 proxy dataset: the instance role's session was issued by EC2.
      const ec2 = linkable.rows.find((r) => String(r.pid).endsWith(':i-0317f6c6b66ae9c40'));
      expect(ec2).toBeDefined();
      const a = await getRoleSessionAttribution(conn, String(ec2?.pid), scope, null);
      expect(a.assumedBy.map((x) => x.assumer.name)).toEqual(['ec2.amazonaws.com']);

      // The graph draws every linkable session with its assumer on a proven edge, and the path to origin ends there.
      // (Anonymised placeholders such as SAMPLE_PRINCIPAL_ID:… are not role session ids: no profile or graph opens them.)
      const real = linkable.rows.filter((r) => /^AROA[A-Z0-9]{8,}:/.test(String(r.pid)));
      expect(real.length).toBeGreaterThanOrEqual(3);
      for (const { pid } of real) {
        const g = await loadGraph(conn, `session:${String(pid)}`, [], scope, null);
        const into = g.edges.filter((e) => e.target === `session:${String(pid)}` && e.kind === 'assumed');
        expect(into.length, `${String(pid)} has an assumer in the graph`).toBeGreaterThan(0);
        expect(into.some((e) => e.label === 'proven')).toBe(true);
        expect(g.originPath?.nodeIds.at(-1)).toBe(`session:${String(pid)}`);
      }
      const g = await loadGraph(conn, `session:${String(ec2?.pid)}`, [], scope, null);
      expect(g.originPath).toMatchObject({ end: 'origin', nodeIds: ['service:ec2.amazonaws.com', `session:${String(ec2?.pid)}`] });
    } finally {
      await conn.close();
    }
  });
});

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from './ingest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import { COLUMN_NAMES } from '@/lib/cloudtrail/columns';
import { sql } from '@/lib/sql/sql';
import type { Connection } from '@/lib/engine/types';
import { ACCOUNT, event } from '@/test/fixtures/cloudtrail-records';

let dir: string;
let logs: string;
let dataDir: string;
let conn: Connection;

async function write(rel: string, content: string | Buffer) {
  const p = path.join(logs, rel);
  await fs.mkdir(path.dirname(p), { recursive: true });
  await fs.writeFile(p, content);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trailscope-ingest-'));
  logs = path.join(dir, 'logs');
  dataDir = path.join(dir, 'data');
  const s3 = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/11/19`;
  const name = (t: string, id: string) => `${s3}/${ACCOUNT}_CloudTrail_us-east-1_20261119T${t}Z_${id}.json.gz`;
  // Delivery objects: DuckDB reads these directly.
  await write(name('1005', 'aaaa1111'), gzipSync(JSON.stringify({ Records: [event('e1', '2026-11-19T10:00:00Z'), event('e2', '2026-11-19T10:05:00Z')] })));
  // The same event delivered twice (organisation and account trail overlap), and a record without an id.
  await write(
    name('1100', 'bbbb2222'),
    gzipSync(JSON.stringify({ Records: [event('e2', '2026-11-19T10:05:00Z'), event('e3', '2026-11-19T11:00:00Z', { errorCode: 'AccessDenied' }), { ...event('', '2026-11-19T11:00:00Z') }] })),
  );
  // A truncated delivery fails DuckDB's batch; the Node path then names it.
  const truncated = gzipSync(JSON.stringify({ Records: [event('lost', '2026-11-19T12:00:00Z')] }));
  await write(name('1200', 'cccc3333'), truncated.subarray(0, truncated.length - 12));
  // Named like a delivery but holding an array: read by Node.
  await write(name('1300', 'dddd4444'), gzipSync(JSON.stringify([event('e6', '2026-11-19T13:00:00Z')])));
  await write('exports/bad.json', '{"Records": [ {"eventID": ');
  await write('exports/lines.jsonl', [JSON.stringify(event('e4', '2026-11-18 08:00:00')), '{not json', JSON.stringify({ ...event('x', '2026-11-18T08:00:00Z'), eventID: undefined })].join('\n'));
  await write('exports/README.txt', 'not cloudtrail');
});

afterAll(async () => {
  await conn?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('ingest into the embedded store', () => {
  it('loads good records and skips bad input, counting each reason', async () => {
    const summary = await ingest({ paths: [logs], dataDir, batchRecords: 2, batchBytes: 100_000 });
    expect(summary.filesFound).toBe(6);
    expect(summary.filesIgnored).toBe(1);
    expect(summary.filesSkipped['gzip-error']).toEqual([expect.stringContaining('cccc3333')]);
    expect(summary.filesSkipped['invalid-json']).toEqual([expect.stringContaining('bad.json')]);
    expect(summary.filesRead).toBe(4);
    expect(summary.recordsRead).toBe(8);
    expect(summary.inserted).toBe(5);
    expect(summary.duplicates).toBe(1);
    expect(summary.recordsSkipped).toEqual({ 'bad-json-line': 1, 'missing-event-id': 2 });
    expect(Object.keys(summary.filesWithSkippedRecords).sort()).toEqual([expect.stringContaining('bbbb2222'), expect.stringContaining('lines.jsonl')]);
  });

  it('exposes exactly the Athena columns, with structs, through the engine', async () => {
    conn = await createDuckDbConnection({ dataDir });
    const cols = await conn.query({ sql: `SELECT column_name FROM (DESCRIBE SELECT * FROM cloudtrail_logs)` });
    expect(cols.rows.map((r) => r.column_name)).toEqual([...COLUMN_NAMES, 'event_time', 'raw', 'source_file', 'tmin', 'tmax']);
    const d = conn.dialect;
    const q = sql`SELECT eventid, eventtime, useridentity.sessioncontext.sourceidentity AS si, useridentity.sessioncontext.sessionissuer.arn AS role,
      readonly, requestparameters, responseelements, resources[1].arn AS res, tlsdetails.tlsversion AS tls
      FROM ${d.table} WHERE useridentity.accesskeyid = ${'ASIAEXAMPLEKEY000001'} AND ${d.timeRange('2026-11-18T00:00:00Z', '2026-11-20T00:00:00Z')}
      ORDER BY ${d.eventTime}`.toQuery();
    const res = await conn.query(q);
    expect(res.rows.map((r) => r.eventid)).toEqual(['e4', 'e1', 'e2', 'e3', 'e6']);
    expect(res.rows[0]).toMatchObject({
      eventtime: '2026-11-18T08:00:00Z',
      si: 'alice@example.com',
      role: `arn:aws:iam::${ACCOUNT}:role/DemoRole`,
      readonly: 'true',
      requestparameters: '{"maxResults":5}',
      responseelements: null,
      res: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc`,
      tls: 'TLSv1.3',
    });
  });

  it('adds nothing when run again, and the running engine sees new files without a restart', async () => {
    const again = await ingest({ paths: [logs], dataDir });
    expect(again.filesAlreadyIngested).toBe(6);
    expect(again.inserted).toBe(0);
    await write('AWSLogs/more/c.json', JSON.stringify({ Records: [event('e5', '2026-11-19T13:00:00Z'), event('e1', '2026-11-19T10:00:00Z')] }));
    const more = await ingest({ paths: [logs], dataDir });
    expect(more).toMatchObject({ filesRead: 1, inserted: 1, duplicates: 1 });
    const count = await conn.query({ sql: 'SELECT count(*) AS n FROM cloudtrail_logs' });
    expect(count.rows[0]?.n).toBe(6);
  });

  it('keeps the raw record as ingested', async () => {
    const res = await conn.query({ sql: `SELECT raw FROM cloudtrail_logs WHERE eventid = ?`, params: ['e3'] });
    const raw = JSON.parse(String(res.rows[0]?.raw)) as Record<string, unknown>;
    expect(raw.errorCode).toBe('AccessDenied');
    expect(raw.readOnly).toBe(true);
  });
});

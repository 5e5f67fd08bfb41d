import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '@/lib/ingest/ingest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import type { Connection } from '@/lib/engine/types';
import { eventSearchParams } from '@/lib/events/params';
import { searchEvents } from '@/lib/events/search-events';
import { duckdbDialect } from '@/lib/engine/duckdb/dialect';
import { eventSearch } from './event-search';
import { event } from '@/test/fixtures/cloudtrail-records';

const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };
let dir: string;
let conn: Connection;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trailscope-search-'));
  const records = Array.from({ length: 7 }, (_, i) =>
    event(`e${i}`, `2026-11-19T1${i}:00:00Z`, {
      eventName: i % 2 ? 'GetObject' : 'DescribeInstances',
      sourceIPAddress: i < 3 ? '198.51.100.7' : '203.0.113.9',
      ...(i === 6 ? { errorCode: 'AccessDenied', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/bob', accessKeyId: 'AKIAEXAMPLEBOB000001', userName: 'bob' } } : {}),
    }),
  );
  await fs.writeFile(path.join(dir, 'r.json'), JSON.stringify({ Records: records }));
  await ingest({ paths: [path.join(dir, 'r.json')], dataDir: path.join(dir, 'data') });
  conn = await createDuckDbConnection({ dataDir: path.join(dir, 'data') });
});

afterAll(async () => {
  await conn.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const search = (q: Record<string, string>) => searchEvents(conn, eventSearchParams.parse({ ...scope, ...q }), scope);

describe('event search', () => {
  it('finds events by access key, newest first', async () => {
    const page = await search({ accessKeyId: 'ASIAEXAMPLEKEY000001' });
    expect(page.events.map((e) => e.eventID)).toEqual(['e5', 'e4', 'e3', 'e2', 'e1', 'e0']);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by principal in each of its forms, session name, IP, event name and error code', async () => {
    expect((await search({ principal: 'arn:aws:iam::123456789012:role/DemoRole' })).events).toHaveLength(6);
    expect((await search({ principal: 'AROAEXAMPLEROLEID0001:alice' })).events).toHaveLength(6);
    expect((await search({ principal: 'bob' })).events.map((e) => e.eventID)).toEqual(['e6']);
    expect((await search({ sessionName: 'alice' })).events).toHaveLength(6);
    expect((await search({ ip: '198.51.100.7' })).events).toHaveLength(3);
    expect((await search({ eventName: 'GetObject', ip: '203.0.113.9' })).events.map((e) => e.eventID)).toEqual(['e5', 'e3']);
    expect((await search({ errorCode: '*' })).events.map((e) => e.eventID)).toEqual(['e6']);
    expect((await search({ errorCode: 'AccessDenied' })).events).toHaveLength(1);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const seen: unknown[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await search({ limit: '3', ...(cursor ? { cursor } : {}) });
      seen.push(...page.events.map((e) => e.eventID));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['e6', 'e5', 'e4', 'e3', 'e2', 'e1', 'e0']);
  });

  it('rejects a forged cursor', async () => {
    await expect(search({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ parameter: 'cursor' });
  });

  it('keeps hostile input out of the SQL text', async () => {
    const payloads = ["x' OR '1'='1", "'; DROP TABLE cloudtrail_logs; --", 'a\\"b', "arn:aws:iam::123456789012:role/x' UNION SELECT 1--"];
    for (const p of payloads) {
      const q = eventSearch.build(duckdbDialect, { ...scope, principal: p, limit: 10 }).toQuery();
      expect(q.sql).not.toContain(p);
      expect(q.params).toContain(p);
      const res = await conn.query(q);
      expect(res.rows).toHaveLength(0);
    }
    // The URL validators refuse them before any SQL is built.
    expect(eventSearchParams.safeParse({ principal: payloads[0] }).success).toBe(false);
    expect(eventSearchParams.safeParse({ eventName: 'AssumeRole; --' }).success).toBe(false);
    expect(eventSearchParams.safeParse({ limit: '10; DROP' }).success).toBe(false);
  });
});

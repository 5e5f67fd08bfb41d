import { afterEach, describe, expect, it } from 'vitest';
import { getRoleSessionAttribution } from '@/lib/attribution/role-session';
import { roleSessionListParams } from '@/lib/role-sessions/params';
import { athenaRecorder, type RecordedQuery } from '@/test/athena-recorder';
import { listRoleSessions } from './list-role-sessions';

/**
 * Issue 12, defect 7: how many Athena queries (each one a scan of the CloudTrail files of the days
 * it names) attribution and the role-session list issue, on a mocked Athena that counts
 * StartQueryExecution calls and the partition days in their SQL. docs/athena.md quotes the figures
 * this prints.
 */

const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };
const SESSION = 'AROAEXAMPLE000000001:sara';
const key = (i: number) => `ASIA${String(i).padStart(16, '0')}`;
const SESSIONS = 200;

/** One row per credential of `sessions`, `keys` credentials each, issued within the scope. */
function credentialRows(sessions: readonly string[], keys: number) {
  return sessions.flatMap((principal, s) =>
    Array.from({ length: keys }, (_, i) => ({
      principal_id: principal,
      access_key_id: key(s * keys + i),
      creation_date: '2026-11-19T01:00:00Z',
      role_arn: 'arn:aws:iam::123456789012:role/DemoRole',
      account_id: '123456789012',
      first_seen: '2026-11-19T01:00:00Z',
      last_seen: '2026-11-19T02:00:00Z',
      events: 3,
      failed: 0,
      source_ips: null,
      mfa: 'false',
      source_identity: null,
    })),
  );
}

const sessionRows = Array.from({ length: SESSIONS }, (_, i) => ({
  session_id: `AROAEXAMPLE000000001:s${String(SESSIONS - i).padStart(4, '0')}`,
  role_arn: 'arn:aws:iam::123456789012:role/DemoRole',
  account_id: '123456789012',
  first_seen: '2026-11-19T01:00:00Z',
  last_seen: `2026-11-19T${String(23 - Math.floor(i / 10)).padStart(2, '0')}:00:00Z`,
  events: 10,
  failed: 0,
  credentials: 1,
  source_ips: 1,
}));

/** The sessions a credentials query asks about, read back from its IN list. */
function askedSessions(sql: string): string[] {
  return [...sql.matchAll(/'(AROA[A-Z0-9]+:[\w+=,.@-]+)'/g)].map((m) => m[1] as string);
}

let restore = () => {};
afterEach(() => restore());

function summary(queries: readonly RecordedQuery[]) {
  return { queries: queries.length, days: queries.reduce((n, q) => n + q.days, 0), panels: queries.map((q) => q.panel) };
}

describe('Athena scans', () => {
  it('attributing a session that used 1,000 keys takes two queries, whatever the number of keys', async () => {
    const recorder = athenaRecorder((panel, sql) => (panel === 'session-credentials' ? credentialRows(askedSessions(sql), 1000) : []));
    restore = recorder.restore;
    const attribution = await getRoleSessionAttribution(recorder.conn, SESSION, scope, null);
    expect(attribution.credentials).toHaveLength(1000);
    const s = summary(recorder.queries);
    console.log('attribution, 1,000 keys:', JSON.stringify(s));
    // Credentials over the scope's days (±1), then one AssumeRole* lookup over its window (12 h before, ±1 day).
    expect(s).toEqual({ queries: 2, days: 3 + 4, panels: ['session-credentials', 'assume-role-events'] });
    // Every key is asked about, in a query string far below Athena's 262,144 bytes.
    const lookup = recorder.queries[1]?.sql ?? '';
    for (const i of [0, 499, 999]) expect(lookup).toContain(key(i));
    expect(Buffer.byteLength(lookup)).toBeLessThan(262_144);
  });

  it('paging the role-session list does not aggregate the scope again', async () => {
    const recorder = athenaRecorder((panel, sql) =>
      panel === 'role-sessions' ? sessionRows : panel === 'session-credentials' ? credentialRows(askedSessions(sql), 1) : [],
    );
    restore = recorder.restore;
    const pages: ReturnType<typeof summary>[] = [];
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 1; page <= 3; page++) {
      const before = recorder.queries.length;
      const result = await listRoleSessions(recorder.conn, roleSessionListParams.parse({ ...scope, limit: '50', ...(cursor ? { cursor } : {}) }), scope, null);
      seen.push(...result.sessions.map((x) => x.sessionId));
      pages.push(summary(recorder.queries.slice(before)));
      cursor = result.nextCursor ?? undefined;
    }
    console.log('role-session list, pages 1-3:', JSON.stringify(pages));
    expect(seen).toEqual(sessionRows.slice(0, 150).map((r) => r.session_id));
    expect(pages[0]).toEqual({ queries: 3, days: 3 + 3 + 4, panels: ['role-sessions', 'session-credentials', 'assume-role-events'] });
    // Later pages only attribute their own sessions: the list itself comes from the first page's aggregation.
    for (const later of pages.slice(1)) expect(later).toEqual({ queries: 2, days: 3 + 4, panels: ['session-credentials', 'assume-role-events'] });

    // Another order is another question: one new aggregation, then its pages are free too.
    const before = recorder.queries.length;
    const byEvents = await listRoleSessions(recorder.conn, roleSessionListParams.parse({ ...scope, sort: 'events', limit: '50' }), scope, null);
    expect(recorder.queries.slice(before).map((q) => q.panel)).toEqual(['role-sessions', 'session-credentials', 'assume-role-events']);
    expect(byEvents.panels.sessions.stats.cached).toBeUndefined();
    const again = await listRoleSessions(recorder.conn, roleSessionListParams.parse({ ...scope, limit: '50', cursor: '50' }), scope, null);
    expect(again.panels.sessions.stats).toMatchObject({ cached: true, bytesScanned: 0, costUsd: 0, rowCount: 51 });
  });

  it('a page past the first 1,000 sessions aggregates with OFFSET, as before', async () => {
    const many = Array.from({ length: 1100 }, (_, i) => ({ ...sessionRows[0], session_id: `AROAEXAMPLE000000001:m${String(i).padStart(5, '0')}` }));
    const recorder = athenaRecorder((panel) => (panel === 'role-sessions' ? many : []));
    restore = recorder.restore;
    const page = await listRoleSessions(recorder.conn, roleSessionListParams.parse({ ...scope, limit: '50', cursor: '990' }), scope, null);
    expect(page.sessions.map((x) => x.sessionId)).toEqual(many.slice(990, 1040).map((r) => r.session_id));
    expect(page.nextCursor).toBe('1040');
    expect(recorder.queries[0]?.sql).toMatch(/OFFSET 990 LIMIT 51$/);
  });
});

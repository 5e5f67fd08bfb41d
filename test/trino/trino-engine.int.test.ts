import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumeRoleEvents, NO_MATCH } from '@/lib/attribution/queries/assume-role-events';
import { sessionCredentials } from '@/lib/attribution/queries/session-credentials';
import { externalAssumeRoles } from '@/lib/detections/queries/external-assume-role';
import { rowConverter, type TrinoColumn } from '@/lib/engine/trino/cells';
import { createTrinoConnection } from '@/lib/engine/trino/connection';
import { trinoSetupDdl } from '@/lib/engine/trino/ddl';
import { parseTrinoJson } from '@/lib/engine/trino/json-text';
import { EngineError, type Connection, type Row } from '@/lib/engine/types';
import { ACCOUNTS, REGIONS } from '@/lib/generator/world';
import { SARA } from '@/lib/generator/scenarios';
import { dataRange } from '@/lib/data-range/queries/data-range';
import { eventSearch } from '@/lib/events/queries/event-search';
import { accountsInScope, regionsInScope, scopeTotals, topEventNames, topPrincipals } from '@/lib/overview/queries/overview';
import { runPanel, type QueryModule } from '@/lib/engine/panel';
import { roleSessionList } from '@/lib/role-sessions/queries/role-session-list';
import { sessionTimeline } from '@/lib/timeline/query';
import { isTrinoInstalled } from '@/scripts/lib/trino/install-layout';
import { startTrino, type TrinoServer } from '@/scripts/lib/trino/server';
import { declaredRecord, type Json } from '../fixtures/declared-record';
import { scenarioConnection, scenarioStore } from '../fixtures/scenario-store';

/**
 * The Trino engine (TRAILSCOPE_ENGINE=trino) against a real Trino: the generated scenarios' own
 * CloudTrail files read through the table and view docs/trino.md tells users to create (ddl.ts,
 * partition projection by day), the real query modules run through `runPanel` on it and on DuckDB,
 * and the rows compared; then what only a live server shows: bound values, statistics,
 * cancellation, the deadline and error messages. Without `npm run trino:install` it does not run,
 * and says so.
 */
const installed = isTrinoInstalled();
if (!installed) {
  console.warn('\n*** Trino is not installed: the Trino engine tests did NOT run. `npm run trino:install` installs it. ***\n');
}

// Three of the generated 70 days: with partition projection Trino reads only their files (a day more each side).
const SCOPE = { from: '2026-11-17T00:00:00Z', to: '2026-11-20T00:00:00Z' };
const TABLE = { catalog: 'hive', schema: 'trailscope', table: 'cloudtrail_logs', partitioning: 'projected-date' } as const;

// Runs long enough to be stopped: a trillion-row cross join, counted.
const ENDLESS = `SELECT count(*) AS n FROM UNNEST(sequence(1, 10000)) a(x) CROSS JOIN UNNEST(sequence(1, 10000)) b(y) CROSS JOIN UNNEST(sequence(1, 10000)) c(z) WHERE x + y + z > ?`;

describe.skipIf(!installed)('the Trino engine on a real Trino', () => {
  const duck = scenarioConnection();
  let server: TrinoServer;
  let trino: Connection;
  let logsDir: string;

  beforeAll(async () => {
    server = await startTrino();
    // The bucket: the generated files as CloudTrail writes them ({"Records":[…]} per file, S3 layout).
    logsDir = path.join(path.dirname(await scenarioStore()), 'logs');
    fs.symlinkSync(logsDir, path.join(server.lakeDir, 'bucket'));
    await server.query('CREATE SCHEMA hive.trailscope');
    const ddl = trinoSetupDdl({ ...TABLE, root: 'local:///bucket/', accounts: Object.values(ACCOUNTS).map((a) => a.id), regions: REGIONS, startDate: '2026/09/01' });
    await server.query(ddl.table);
    await server.query(ddl.view);
    trino = createTrinoConnection({ url: server.url, ...TABLE });
  }, 240_000);

  afterAll(async () => {
    await trino?.close();
    await server?.stop();
  });

  async function both<P, R>(module: QueryModule<P, R>, params: P, on = trino): Promise<{ duckdb: R[]; trino: R[] }> {
    const [d, t] = await Promise.all([runPanel(duck(), module, params), runPanel(on, module, params)]);
    expect(t.stats).toMatchObject({ engine: 'trino', costUsd: null, rowCount: t.rows.length });
    return { duckdb: d.rows, trino: t.rows };
  }

  /** The engine's state of a query, from Trino's own record of it. */
  async function serverState(queryId: string): Promise<unknown[]> {
    for (let i = 0; i < 40; i++) {
      const { rows } = await server.query(`SELECT state, error_code FROM system.runtime.queries WHERE query_id = '${queryId}'`);
      if (rows[0]?.[0] !== 'RUNNING' && rows[0]?.[0] !== 'QUEUED' && rows[0]?.[0] !== 'PLANNING') return rows[0] ?? [];
      await new Promise((r) => setTimeout(r, 250));
    }
    return ['still running'];
  }

  async function stoppedWith(promise: Promise<unknown>): Promise<EngineError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }

  // Concurrent: much of each answer's time is Trino's scheduling, which overlaps well.
  describe('query modules give the rows DuckDB gives', () => {
    it.each([
      ['data-range', dataRange, {}],
      ['scope-totals', scopeTotals, SCOPE],
      ['accounts', accountsInScope, SCOPE],
      ['regions', regionsInScope, SCOPE],
      ['top-principals', topPrincipals, SCOPE],
      ['top-event-names', topEventNames, SCOPE],
      ['role-sessions', roleSessionList, { ...SCOPE, sort: 'events', order: 'desc', limit: 50, offset: 0 }],
      ['session-timeline', sessionTimeline, { ...SCOPE, principalId: `${SARA.demoRole.roleId}:sara` }],
      ['assume-role-events', assumeRoleEvents, { ...SCOPE, ...NO_MATCH, roleArns: [SARA.demoRole.arn, SARA.ssoRole.arn] }],
    ] as [string, QueryModule<unknown, unknown>, unknown][])('%s', async (_name, module, params) => {
      const { duckdb, trino: t } = await both(module, params);
      expect(duckdb.length).toBeGreaterThan(0);
      expect(t).toEqual(duckdb);
    });

    it('session-credentials (source IPs are a set: array_agg has no order)', async () => {
      const sessions = (await runPanel(duck(), roleSessionList, { ...SCOPE, sort: 'events', order: 'desc', limit: 200, offset: 0 })).rows;
      // The busiest sessions, and sessions seen from several addresses.
      const picked = [...sessions.slice(0, 15), ...sessions.filter((s) => s.source_ips > 1).slice(0, 10)];
      const { duckdb, trino: t } = await both(sessionCredentials, { ...SCOPE, principalIds: [...new Set(picked.map((s) => s.session_id))] });
      const sorted = (rows: typeof duckdb) => rows.map((r) => ({ ...r, source_ips: r.source_ips && [...r.source_ips].sort() }));
      expect(duckdb.length).toBeGreaterThan(15);
      expect(duckdb.every((r) => Array.isArray(r.source_ips) && r.source_ips.length > 0)).toBe(true);
      expect(sorted(t)).toEqual(sorted(duckdb));
    });

    it('external-assume-role detection (a DISTINCT aggregate array per finding)', async () => {
      const { duckdb, trino: t } = await both(externalAssumeRoles, { ...SCOPE, organisationAccounts: [ACCOUNTS.production.id, ACCOUNTS.management.id, ACCOUNTS.sandbox.id] });
      expect(duckdb.length).toBeGreaterThan(0);
      expect(t).toEqual(duckdb);
    });

    it('event-search: the same events, in order, and the same records once each engine\'s raw form is parsed', async () => {
      const page = { ...SCOPE, eventName: 'AssumeRole', limit: 200 };
      const { duckdb, trino: t } = await both(eventSearch, page);
      expect(t.map((r) => [r.eventid, r.eventtime])).toEqual(duckdb.map((r) => [r.eventid, r.eventtime]));
      expect(duckdb.length).toBeGreaterThan(100);
      // DuckDB keeps the ingested record; Trino rebuilds it from the declared columns.
      t.forEach((row, i) => {
        const original = duck().dialect.parseRawRecord((duckdb[i] as { raw: string }).raw) as { [k: string]: Json };
        expect(trino.dialect.parseRawRecord(row.raw), row.eventid).toEqual(declaredRecord(original));
      });
      // The keyset cursor continues on the same event on both engines.
      const last = t.at(-1) as { eventid: string; eventtime: string };
      const next = await both(eventSearch, { ...page, limit: 20, after: { t: last.eventtime, id: last.eventid } });
      expect(next.trino.map((r) => r.eventid)).toEqual(next.duckdb.map((r) => r.eventid));
    });
  });

  it('reads a one-account table of the year/month/day layout as well (region-date)', async () => {
    const production = ACCOUNTS.production.id;
    const layout = { ...TABLE, table: 'production_logs', partitioning: 'region-date' } as const;
    const ddl = trinoSetupDdl({ ...layout, root: 'local:///bucket/', accounts: [production], regions: REGIONS, startDate: '2026/09/01' });
    await server.query(ddl.table);
    await server.query(ddl.view);
    const { duckdb, trino: t } = await both(accountsInScope, SCOPE, createTrinoConnection({ url: server.url, ...layout }));
    expect(t).toEqual(duckdb.filter((r) => r.key === production));
    expect(t[0]?.events).toBeGreaterThan(100);
  });

  it('converts every type as the captured pages say, on the live server', async () => {
    for (const name of ['scalars', 'nested']) {
      const text = fs.readFileSync(path.resolve(__dirname, '../../lib/engine/trino/fixtures', `${name}.json`), 'utf8');
      const fixture = parseTrinoJson(text) as { query: string; columns: TrinoColumn[]; data: unknown[][] };
      const live = await trino.query({ sql: fixture.query });
      expect(live.rows, name).toEqual(fixture.data.map(rowConverter(fixture.columns)));
    }
  });

  it('binds values as data: quotes, comment markers, unicode and numbers', async () => {
    const params = ["it's'; DROP TABLE x; --", 'Zürich 東京 🙂', 42, -1.5e-7, 9007199254740991, true, null];
    const result = await trino.query({ sql: 'SELECT ? AS s, ? AS u, ? AS i, ? AS f, ? AS big, ? AS b, ? AS n, typeof(?) AS t', params: [...params, 0.5] });
    expect(result.rows).toEqual([{ s: params[0], u: params[1], i: 42, f: -1.5e-7, big: 9007199254740991, b: true, n: null, t: 'double' }]);
    expect(result.params).toEqual([...params, 0.5]);
    await expect(trino.query({ sql: 'SELECT ? AS a', params: [] })).rejects.toThrow('1 placeholder(s) but 0 bound value(s)');
  });

  it('reports the query id and the bytes Trino read from the CloudTrail files', async () => {
    const { stats } = await trino.query({ sql: `SELECT count(*) AS n FROM ${trino.dialect.table.toQuery().sql} WHERE "timestamp" = ?`, params: ['2026/11/18'], tags: { panel: 'stats-test' } });
    expect(stats.queryId).toMatch(/^\d{8}_\d{6}_\d{5}_[a-z0-9]{5}$/);
    // Every gzipped file of the day, whole (JSON has no columns to skip), and nothing else.
    const files = fs.readdirSync(logsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('/2026/11/18/') && f.endsWith('.gz'));
    expect(files.length).toBeGreaterThan(10);
    expect(stats.bytesScanned).toBe(files.reduce((sum, f) => sum + fs.statSync(path.join(logsDir, f)).size, 0));
    // The tag reaches the cluster as a client tag, so its query history names the panel.
    const info = (await (await fetch(`${server.url}/v1/query/${stats.queryId}`, { headers: { 'X-Trino-User': 'trailscope-test' } })).json()) as { session: { clientTags: string[]; source: string; user: string } };
    expect(info.session).toMatchObject({ clientTags: ['panel=stats-test'], source: 'trailscope', user: 'trailscope' });
  });

  it('cancels the query on the cluster when the caller aborts', async () => {
    const controller = new AbortController();
    const running = trino.query({ sql: ENDLESS, params: [0], signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const error = await stoppedWith(running);
    expect(error.code).toBe('CANCELLED');
    expect(error.details?.queryId).toBeDefined();
    expect(await serverState(error.details?.queryId as string)).toEqual(['FAILED', 'USER_CANCELED']);
  });

  it('cancels the query on the cluster at the deadline, and says how to give it more time', async () => {
    const hurried = createTrinoConnection({ url: server.url, ...TABLE, timeoutMs: 500 });
    const error = await stoppedWith(hurried.query({ sql: ENDLESS, params: [0] }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/did not finish within 1 s .*TRAILSCOPE_TRINO_TIMEOUT_SECONDS/);
    expect(await serverState(error.details?.queryId as string)).toEqual(['FAILED', 'USER_CANCELED']);
  });

  it('cancels running queries when the connection closes', async () => {
    const closing = createTrinoConnection({ url: server.url, ...TABLE });
    const running = closing.query({ sql: ENDLESS, params: [0] });
    setTimeout(() => void closing.close(), 300);
    const error = await stoppedWith(running);
    expect(error.code).toBe('CANCELLED');
    expect(await serverState(error.details?.queryId as string)).toEqual(['FAILED', 'USER_CANCELED']);
    await expect(closing.query({ sql: 'SELECT 1' })).rejects.toThrow('The Trino connection is closed');
  });

  it('tells a query Trino rejected, a missing table and an unreachable server apart', async () => {
    const syntax = await stoppedWith(trino.query({ sql: 'SELEC 1' }));
    expect([syntax.code, syntax.message]).toEqual(['QUERY_FAILED', expect.stringMatching(/^Trino could not parse the query \(SYNTAX_ERROR\): line 1:1/)]);

    const noTable = await stoppedWith(createTrinoConnection({ url: server.url, ...TABLE, table: 'no_such_table' }).query({ sql: 'SELECT 1 FROM "hive"."trailscope"."no_such_table"' }));
    expect([noTable.code, noTable.message]).toEqual(['CONFIG', expect.stringMatching(/TABLE_NOT_FOUND.*TRAILSCOPE_TRINO_CATALOG, TRAILSCOPE_TRINO_SCHEMA and TRAILSCOPE_TRINO_TABLE/)]);

    const noColumn = await stoppedWith(trino.query({ sql: `SELECT nosuchcolumn FROM ${trino.dialect.table.toQuery().sql} WHERE "timestamp" = '2026/11/18'` }));
    expect([noColumn.code, noColumn.message]).toEqual(['QUERY_FAILED', expect.stringMatching(/lacks a column Trailscope reads .*nosuchcolumn/)]);

    // A port nothing listens on: the server's own port, after a stopped server would be racy.
    const closed = await stoppedWith(createTrinoConnection({ url: 'http://127.0.0.1:9', ...TABLE }).query({ sql: 'SELECT 1' }));
    expect([closed.code, closed.message]).toEqual(['QUERY_FAILED', 'Trino at http://127.0.0.1:9 is unreachable (ECONNREFUSED): is the server running, and is TRAILSCOPE_TRINO_URL right?']);

    const notTrino = await stoppedWith(createTrinoConnection({ url: `${server.url}/not-trino`, ...TABLE }).query({ sql: 'SELECT 1' }));
    expect([notTrino.code, notTrino.message]).toEqual(['CONFIG', `Trino at ${server.url}/not-trino has no Trino statement API (HTTP 404): check TRAILSCOPE_TRINO_URL.`]);
  });

  it('keeps every returned row a plain JSON value, structs and arrays of the JSON table included', async () => {
    const { rows } = await trino.query({ sql: `SELECT useridentity, resources, eventtime FROM ${trino.dialect.table.toQuery().sql} WHERE "timestamp" = '2026/11/18' AND resources IS NOT NULL AND useridentity.type = 'AssumedRole' LIMIT 5` });
    expect(rows.length).toBe(5);
    for (const row of rows as Row[]) {
      expect(JSON.parse(JSON.stringify(row))).toEqual(row);
      expect(row.useridentity).toMatchObject({ type: expect.any(String) });
      expect(row.useridentity).toHaveProperty('sessioncontext.sessionissuer');
      expect(Array.isArray(row.resources)).toBe(true);
    }
  });
});

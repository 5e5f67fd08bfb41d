import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { z } from '@/lib/zod';
import { parseEnv } from '@/lib/env';
import { toExecutionParameters } from '@/lib/engine/athena/parameters';
import type { Connection } from '@/lib/engine/types';
import type { RouteHandler } from '@/lib/http/with-auth';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { adminRouteTests } from '@/test/fixtures/route-harness';
import { routeTable } from './route-table';
import { longestAccepted } from './longest-accepted';
import { PROBE_PAYLOADS, SAMPLE_PATH_PARAMS, SAMPLE_QUERY, SAMPLE_QUERY_VALUES } from './route-samples';

/**
 * Issue 11: hostile and broken input in every query parameter and path segment of every API route,
 * through the real handlers and the real DuckDB engine over the generated scenarios. Whatever comes
 * in, the answer is JSON (or the CSV asked for) with a status below 500, and SQL injection finds
 * nothing. The query parameters probed are the ones each route's own schema declares.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-probes-'));
const session = vi.hoisted(() => ({ current: null as { user: { name: string; role: string } } | null }));
const engine = vi.hoisted(() => ({ conn: undefined as Connection | undefined }));

vi.mock('@/auth', () => ({ auth: vi.fn(async () => session.current) }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, env: () => parseEnv({ TRAILSCOPE_DATA_DIR: dataDir }) };
});
vi.mock('@/lib/engine', () => ({ getConnection: async () => engine.conn }));

const connection = scenarioConnection();

/**
 * The scenario store, refusing what Athena refuses: a bound value longer than one
 * ExecutionParameter (lib/engine/athena/parameters.ts), so a request that would fail on Athena
 * fails here too, as the engine error (502) it would be there.
 */
function withAthenaParameterLimit(conn: Connection): Connection {
  return {
    dialect: conn.dialect,
    close: () => conn.close(),
    query: (request) => {
      toExecutionParameters(request.params ?? []);
      return conn.query(request);
    },
  };
}
adminRouteTests(session, dataDir);

const routes = routeTable().filter((r) => r.kind === 'api' && !r.pattern.startsWith('/api/auth/'));
const SAME_ORIGIN = { origin: 'http://localhost', host: 'localhost' };

function samplePath(pattern: string, override?: { name: string; value: string }): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const url = pattern.replace(/\[([^\]]+)\]/g, (_m, name: string) => {
    const raw = override?.name === name ? override.value : SAMPLE_PATH_PARAMS[name];
    if (raw === undefined) throw new Error(`add a sample for [${name}] to test/route-samples.ts`);
    // What Next hands a handler: the segment as it appeared in the URL, still percent-encoded.
    const encoded = override?.name === name ? raw : encodeURIComponent(raw);
    params[name] = encoded;
    return encoded;
  });
  return { url, params };
}

/** Each method the route module exports, with its handler. */
async function handlersOf(route: (typeof routes)[number]): Promise<[string, RouteHandler][]> {
  const routeModule = (await import(/* @vite-ignore */ `../../${route.file}`)) as Record<string, RouteHandler>;
  return Object.keys(route.methods).map((method) => [method, routeModule[method] as RouteHandler]);
}

function queryNames(handler: RouteHandler): string[] {
  const schema = handler.schemas.query;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

async function call(handler: RouteHandler, method: string, url: string, params: Record<string, string>, query: URLSearchParams) {
  const full = `http://localhost${url}${query.size ? `?${query}` : ''}`;
  const request = new NextRequest(full, { method, headers: method === 'GET' ? {} : SAME_ORIGIN, ...(method === 'GET' ? {} : { body: '{}' }) });
  const response = await handler(request, { params: Promise.resolve(params) });
  const type = response.headers.get('content-type') ?? '';
  const body = await response.text();
  return { status: response.status, type, body };
}

interface Probe {
  where: string;
  status: number;
  type: string;
}

function problems(probes: Probe[]): string[] {
  return probes
    .filter((p) => p.status >= 500 || !(p.type.startsWith('application/json') || p.type.startsWith('text/csv') || p.status === 204))
    .map((p) => `${p.where}: ${p.status} ${p.type}`);
}

describe('bad input in every API route', () => {
  it('answers every payload in every path segment without a 500', async () => {
    engine.conn = connection();
    const probes: Probe[] = [];
    for (const route of routes) {
      for (const [method, handler] of await handlersOf(route)) {
        for (const name of route.params) {
          for (const payload of PROBE_PAYLOADS) {
            for (const value of [encodeURIComponent(payload), payload]) {
              const { url, params } = samplePath(route.pattern, { name, value });
              const answer = await call(handler, method, url, params, new URLSearchParams());
              probes.push({ where: `${method} ${route.pattern} [${name}]=${JSON.stringify(value.slice(0, 40))}`, ...answer });
            }
          }
        }
      }
    }
    console.log(`path-segment probes: ${probes.length}`);
    expect(problems(probes)).toEqual([]);
  });

  it('answers every payload in every query parameter each route declares without a 500', async () => {
    engine.conn = connection();
    const probes: Probe[] = [];
    let names = 0;
    for (const route of routes) {
      for (const [method, handler] of await handlersOf(route)) {
        const { url, params } = samplePath(route.pattern);
        const base = new URLSearchParams(SAMPLE_QUERY[route.pattern] ?? '');
        for (const name of queryNames(handler)) {
          names++;
          for (const payload of PROBE_PAYLOADS) {
            const query = new URLSearchParams(base);
            query.set(name, payload);
            const answer = await call(handler, method, url, params, query);
            probes.push({ where: `${method} ${route.pattern}?${name}=${JSON.stringify(payload.slice(0, 40))}`, ...answer });
          }
          // A repeated parameter arrives as an array.
          const query = new URLSearchParams(base);
          query.append(name, PROBE_PAYLOADS[0] as string);
          query.append(name, PROBE_PAYLOADS[1] as string);
          probes.push({ where: `${method} ${route.pattern}?${name}=…&${name}=…`, ...(await call(handler, method, url, params, query)) });
        }
      }
    }
    console.log(`query-parameter probes: ${probes.length} over ${names} route parameters`);
    expect(names).toBeGreaterThan(60);
    expect(problems(probes)).toEqual([]);
  });

  it('answers the longest (and most quote-heavy) value each parameter accepts as Athena would, without an engine error (issue 12, defect 6)', async () => {
    engine.conn = withAthenaParameterLimit(connection());
    const probes: Probe[] = [];
    for (const route of routes) {
      for (const [method, handler] of await handlersOf(route)) {
        const base = Object.fromEntries(new URLSearchParams(SAMPLE_QUERY[route.pattern] ?? ''));
        const query = handler.schemas.query;
        for (const name of queryNames(handler)) {
          const accepts = (v: string) => query?.safeParse({ ...base, [name]: v }).success === true;
          for (const value of longestAccepted(SAMPLE_QUERY_VALUES[name] ?? 'a', accepts)) {
            const { url, params } = samplePath(route.pattern);
            const answer = await call(handler, method, url, params, new URLSearchParams({ ...base, [name]: value }));
            probes.push({ where: `${method} ${route.pattern}?${name}=<${value.length} characters>`, ...answer });
          }
        }
        const pathSchema = handler.schemas.params;
        for (const name of route.params) {
          const sample = SAMPLE_PATH_PARAMS[name] as string;
          const accepts = (v: string) => pathSchema?.safeParse({ ...samplePath(route.pattern).params, [name]: encodeURIComponent(v) }).success === true;
          for (const value of longestAccepted(sample, accepts)) {
            const { url, params } = samplePath(route.pattern, { name, value: encodeURIComponent(value) });
            const answer = await call(handler, method, url, params, new URLSearchParams(base));
            probes.push({ where: `${method} ${route.pattern} [${name}]=<${value.length} characters>`, ...answer });
          }
        }
      }
    }
    console.log(`longest-value probes: ${probes.length}`);
    expect(probes.length).toBeGreaterThan(50);
    expect(problems(probes)).toEqual([]);
  });

  it('refuses a value one character too long for Athena with a 400 naming the parameter, on DuckDB too', async () => {
    engine.conn = connection();
    const events = (await import('@/app/api/events/route')) as unknown as Record<string, RouteHandler>;
    const handler = events.GET as RouteHandler;
    const principal = `arn:aws:iam::123456789012:user/${'a'.repeat(1022 - 'arn:aws:iam::123456789012:user/'.length)}`;
    expect((await call(handler, 'GET', '/api/events', {}, new URLSearchParams({ principal }))).status).toBe(200);
    for (const [name, value] of [
      ['principal', `${principal}a`],
      ['userAgent', "'".repeat(512)],
      ['eventSource', `${'a'.repeat(1010)}.amazonaws.com`],
    ] as const) {
      const answer = await call(handler, 'GET', '/api/events', {}, new URLSearchParams({ [name]: value }));
      expect(answer.status, name).toBe(400);
      expect(JSON.parse(answer.body), name).toMatchObject({ error: 'invalid parameter', parameter: name, message: expect.stringContaining('is too long') as unknown });
    }
  });

  it('SQL injection in a filter matches nothing rather than everything', async () => {
    engine.conn = connection();
    const events = (await import('@/app/api/events/route')) as unknown as Record<string, RouteHandler>;
    const handler = events.GET as RouteHandler;
    const wide = 'from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z';
    for (const name of ['principal', 'sessionName', 'eventName', 'ip', 'accessKeyId']) {
      for (const payload of ["' OR '1'='1", "x' OR 1=1 --", '%']) {
        const answer = await call(handler, 'GET', '/api/events', {}, new URLSearchParams(`${wide}&${name}=${encodeURIComponent(payload)}`));
        if (answer.status !== 200) {
          expect(answer.status, `${name}=${payload}`).toBe(400);
          continue;
        }
        expect((JSON.parse(answer.body) as { events: unknown[] }).events, `${name}=${payload}`).toEqual([]);
      }
    }
  });
});

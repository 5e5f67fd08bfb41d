import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/env';
import { chunked, generatedBody, streamInit } from '@/test/fixtures/request-bodies';
import { adminRouteTests, statusAndBody } from '@/test/fixtures/route-harness';

/** POST /api/findings/import: the body limit it states, read from the stream, and a bad body's answer. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-findings-import-route-'));
const session = vi.hoisted(() => ({ current: null as { user: { name: string; role: string } } | null }));

vi.mock('@/auth', () => ({ auth: vi.fn(async () => session.current) }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, env: () => parseEnv({ TRAILSCOPE_DATA_DIR: dataDir }) };
});

const importRoute = await import('@/app/api/findings/import/route');

const url = 'http://localhost/api/findings/import';
const noParams = { params: Promise.resolve({}) };
const fixture = fs.readFileSync(path.resolve(__dirname, '../../test/fixtures/guardduty/get-findings.json'), 'utf8');

async function post(body: ReadableStream<Uint8Array>, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return statusAndBody(await importRoute.POST(new NextRequest(url, streamInit('POST', body, headers)), noParams));
}

adminRouteTests(session, dataDir);

describe('POST /api/findings/import', () => {
  it('imports a chunked upload', async () => {
    expect(await post(chunked(fixture, 1000))).toEqual({ status: 200, body: { imported: 2, updated: 0, skipped: [] } });
  });

  it('answers 413 "larger than 50 MB" for a chunked body past the limit, having stopped reading there', async () => {
    const { stream, pulled } = generatedBody(200 * 1024 * 1024);
    expect(await post(stream)).toEqual({ status: 413, body: { error: 'too large', message: 'the file is larger than 50 MB' } });
    // The limit, and the few chunks a stream reads ahead.
    expect(pulled()).toBeLessThan(60 * 1024 * 1024);
  });

  it('answers 413 from the declared length before reading', async () => {
    const total = 8 * 1024 * 1024;
    const { stream, pulled } = generatedBody(total);
    expect(await post(stream, { 'content-type': 'application/json', 'content-length': String(51 * 1024 * 1024) })).toMatchObject({ status: 413 });
    // A stream pulls its first chunk by itself; the route must not have read further.
    expect(pulled()).toBeLessThan(total);
  });

  it('answers 400 for text that is not GuardDuty JSON', async () => {
    expect(await post(chunked('{"Findings": ['))).toMatchObject({ status: 400, body: { error: 'invalid input', message: expect.stringMatching(/Not valid JSON/) } });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/env';

/** The review routes that write server state: who may, and what a bad body answers. */
const API_TOKEN = 'review-token-0123456789abcdef';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-review-routes-'));
const session = vi.hoisted(() => ({ current: null as { user: { name: string; role: string } } | null }));

vi.mock('@/auth', () => ({ auth: vi.fn(async () => session.current) }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, env: () => parseEnv({ TRAILSCOPE_API_TOKENS: API_TOKEN, TRAILSCOPE_DATA_DIR: dataDir }) };
});

const expectedRoute = await import('@/app/api/vendors/[roleArn]/expected-actions/route');
const uploadRoute = await import('@/app/api/access/authorization-details/route');
const vendorRoute = await import('@/app/api/vendors/[roleArn]/route');
const { closeStateDb } = await import('@/lib/state/db');

const role = 'arn:aws:iam::123456789012:role/VendorReadOnly';
const roleParams = { params: Promise.resolve({ roleArn: encodeURIComponent(role) }) };
const noParams = { params: Promise.resolve({}) };
const url = (p: string) => `http://localhost${p}`;
const fixture = fs.readFileSync(path.resolve(__dirname, '../../test/fixtures/authorization-details-production.json'), 'utf8');

async function json(response: Response) {
  return { status: response.status, body: await response.json() };
}

beforeEach(() => {
  session.current = { user: { name: 'admin', role: 'admin' } };
});
afterAll(async () => {
  await closeStateDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('expected actions routes', () => {
  const put = (body: string, headers: Record<string, string> = { 'content-type': 'text/plain' }) =>
    expectedRoute.PUT(new NextRequest(url(`/api/vendors/${encodeURIComponent(role)}/expected-actions`), { method: 'PUT', body, headers }), roleParams);

  it('an admin saves a file’s patterns, and reads them back', async () => {
    expect(await json(await put('ec2:Describe*\n!iam:*\n'))).toMatchObject({ status: 200, body: { source: 'saved', patterns: ['ec2:Describe*', '!iam:*'], updatedBy: 'admin' } });
    expect(await json(await put(JSON.stringify({ patterns: ['ce:*'] }), { 'content-type': 'application/json' }))).toMatchObject({ status: 200, body: { patterns: ['ce:*'] } });
    const get = await expectedRoute.GET(new NextRequest(url('/api/x')), roleParams);
    expect(await json(get)).toMatchObject({ status: 200, body: { patterns: ['ce:*'] } });
  });

  it('names a bad pattern with its line', async () => {
    expect(await json(await put('ec2:Describe*\nnot a pattern'))).toMatchObject({ status: 400, body: { parameter: 'patterns', message: expect.stringMatching(/^line 2:/) } });
  });

  it('refuses viewers and API tokens', async () => {
    session.current = { user: { name: 'viewer', role: 'viewer' } };
    expect((await put('ce:*')).status).toBe(403);
    session.current = null;
    const token = await expectedRoute.PUT(
      new NextRequest(url('/api/x'), { method: 'PUT', body: 'ce:*', headers: { authorization: `Bearer ${API_TOKEN}` } }),
      roleParams,
    );
    expect(token.status).toBe(403);
  });

  it('resets to the defaults', async () => {
    const reset = await expectedRoute.DELETE(new NextRequest(url('/api/x'), { method: 'DELETE' }), roleParams);
    expect(await json(reset)).toMatchObject({ status: 200, body: { source: 'default' } });
  });

  it('validates the role ARN in the path', async () => {
    const bad = await expectedRoute.GET(new NextRequest(url('/api/x')), { params: Promise.resolve({ roleArn: "arn:aws:iam::123:role/x' OR 1=1" }) });
    expect(await json(bad)).toMatchObject({ status: 400, body: { parameter: 'roleArn' } });
    const badCall = await vendorRoute.GET(new NextRequest(url(`/api/vendors/x?call=${encodeURIComponent('iam.amazonaws.com;DROP')}`)), roleParams);
    expect(await json(badCall)).toMatchObject({ status: 400, body: { parameter: 'call' } });
  });
});

describe('authorization details routes', () => {
  const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    uploadRoute.POST(new NextRequest(url('/api/access/authorization-details'), { method: 'POST', body, headers }), noParams);

  it('stores an upload and answers with its summary only, never the file', async () => {
    const r = await json(await post(fixture));
    expect(r).toMatchObject({ status: 200, body: { accountId: '123456789012', counts: { roles: 4, users: 4 } } });
    const form = new FormData();
    form.set('file', new File([fixture], 'prod.json', { type: 'application/json' }));
    expect(await json(await post(form, {}))).toMatchObject({ status: 200, body: { fileName: 'prod.json' } });
    const list = await json(await uploadRoute.GET(new NextRequest(url('/api/access/authorization-details')), noParams));
    expect(list.body.uploads).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain('GitlabRunnerRole');
  });

  it('answers 400 naming the problem in a malformed file', async () => {
    const malformed = fs.readFileSync(path.resolve(__dirname, '../../test/fixtures/authorization-details-malformed.json'), 'utf8');
    expect(await json(await post(malformed))).toMatchObject({ status: 400, body: { parameter: 'file', message: expect.stringMatching(/RoleDetailList\.0\.Arn/) } });
    expect(await json(await post('not json'))).toMatchObject({ status: 400, body: { parameter: 'file' } });
  });

  it('answers 400 for a policy Condition nested 100,000 deep, not a stack overflow', async () => {
    const raw = JSON.parse(fixture);
    raw.RoleDetailList[0].RolePolicyList[0].PolicyDocument = '__DOC__';
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const body = JSON.stringify(raw).replace('"__DOC__"', `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":${deep}}]}`);
    expect(await json(await post(body))).toMatchObject({ status: 400, body: { parameter: 'file', message: expect.stringMatching(/nested deeper/) } });
  });

  it('only an admin uploads or removes', async () => {
    session.current = { user: { name: 'viewer', role: 'viewer' } };
    expect((await post(fixture)).status).toBe(403);
    const del = await uploadRoute.DELETE(new NextRequest(url('/api/access/authorization-details?account=123456789012'), { method: 'DELETE' }), noParams);
    expect(del.status).toBe(403);
    session.current = { user: { name: 'admin', role: 'admin' } };
    const ok = await uploadRoute.DELETE(new NextRequest(url('/api/access/authorization-details?account=123456789012'), { method: 'DELETE' }), noParams);
    expect(await json(ok)).toEqual({ status: 200, body: { deleted: '123456789012' } });
  });
});

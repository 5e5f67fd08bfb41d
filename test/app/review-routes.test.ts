import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/env';
import { chunked, generatedBody, multipartFile, streamInit } from '@/test/fixtures/request-bodies';
import { adminRouteTests, statusAndBody } from '@/test/fixtures/route-harness';

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

const role = 'arn:aws:iam::123456789012:role/VendorReadOnly';
const roleParams = { params: Promise.resolve({ roleArn: encodeURIComponent(role) }) };
const noParams = { params: Promise.resolve({}) };
const url = (p: string) => `http://localhost${p}`;
const fixture = fs.readFileSync(path.resolve(__dirname, '../../test/fixtures/authorization-details-production.json'), 'utf8');

const json = statusAndBody;

adminRouteTests(session, dataDir);

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

  it('answers 413 naming the 256 KB limit, also for a chunked body that declares no length', async () => {
    const big = 'ec2:Describe*\n'.repeat(25_000);
    const declared = await json(await put(big));
    expect(declared).toEqual({ status: 413, body: { error: 'too large', message: 'the expected-actions list is larger than 256 KB' } });
    const request = new NextRequest(url('/api/x'), streamInit('PUT', chunked(big), { 'content-type': 'text/plain' }));
    expect(await json(await expectedRoute.PUT(request, roleParams))).toEqual(declared);
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

  it('reads a chunked multipart upload (no Content-Length)', async () => {
    const { body, contentType } = multipartFile('file', 'chunked.json', fixture);
    const request = new NextRequest(url('/api/access/authorization-details'), streamInit('POST', chunked(body, 4096), { 'content-type': contentType }));
    expect(await json(await uploadRoute.POST(request, noParams))).toMatchObject({ status: 200, body: { accountId: '123456789012', fileName: 'chunked.json' } });
  });

  it('answers a malformed multipart body as 400 naming the file, not 500', async () => {
    const truncated = multipartFile('file', 'x.json', fixture).body.slice(0, 500);
    for (const [body, contentType] of [
      [truncated, 'multipart/form-data; boundary=trailscope-test-boundary'],
      ['not a form at all', 'multipart/form-data; boundary=trailscope-test-boundary'],
      [multipartFile('file', 'x.json', fixture).body, 'multipart/form-data'],
    ]) {
      const request = new NextRequest(url('/api/access/authorization-details'), streamInit('POST', chunked(body as string), { 'content-type': contentType as string }));
      expect(await json(await uploadRoute.POST(request, noParams))).toMatchObject({ status: 400, body: { error: 'invalid parameter', parameter: 'file' } });
    }
  });

  it('answers 413 for a body over 50 MB, raw or multipart, chunked or declared, without reading it all', async () => {
    const over = 51 * 1024 * 1024;
    for (const contentType of ['application/json', 'multipart/form-data; boundary=trailscope-test-boundary']) {
      const { stream, pulled } = generatedBody(200 * 1024 * 1024);
      const request = new NextRequest(url('/api/access/authorization-details'), streamInit('POST', stream, { 'content-type': contentType }));
      expect(await json(await uploadRoute.POST(request, noParams))).toEqual({ status: 413, body: { error: 'too large', message: 'the file is larger than 50 MB' } });
      // The limit, and the few chunks a stream reads ahead.
      expect(pulled()).toBeLessThan(60 * 1024 * 1024);
      const declared = new NextRequest(url('/api/access/authorization-details'), { method: 'POST', body: 'x', headers: { 'content-type': contentType, 'content-length': String(over) } });
      expect((await uploadRoute.POST(declared, noParams)).status).toBe(413);
    }
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

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideAccess, PUBLIC_FILES, type AccessRequest } from './access';
import { safeCallbackUrl, signInUrl } from './callback-url';

const request = (over: Partial<AccessRequest>): AccessRequest => ({
  method: 'GET',
  pathname: '/',
  search: '',
  signedIn: false,
  bearer: 'absent',
  callbackUrl: null,
  ...over,
});

describe('decideAccess', () => {
  it('sends signed-out page requests to sign-in, keeping the deep link', () => {
    expect(decideAccess(request({ pathname: '/events', search: '?from=2024-01-01&role=a%20b' }))).toEqual({
      action: 'redirect',
      location: '/sign-in?callbackUrl=%2Fevents%3Ffrom%3D2024-01-01%26role%3Da%2520b',
    });
    expect(decideAccess(request({ pathname: '/' }))).toEqual({ action: 'redirect', location: '/sign-in' });
  });

  it('lets signed-in users through and away from the sign-in page', () => {
    expect(decideAccess(request({ pathname: '/events', signedIn: true }))).toEqual({ action: 'allow' });
    expect(decideAccess(request({ pathname: '/sign-in', signedIn: true, callbackUrl: '/roles?x=1' }))).toEqual({
      action: 'redirect',
      location: '/roles?x=1',
    });
    expect(decideAccess(request({ pathname: '/sign-in', signedIn: true, method: 'POST' }))).toEqual({ action: 'allow' });
  });

  it('keeps sign-in and the Auth.js endpoints open', () => {
    expect(decideAccess(request({ pathname: '/sign-in' }))).toEqual({ action: 'allow' });
    expect(decideAccess(request({ pathname: '/api/auth/callback/credentials' }))).toEqual({ action: 'allow' });
    expect(decideAccess(request({ pathname: '/api/authz' }))).toEqual({ action: 'unauthorized' });
    expect(decideAccess(request({ pathname: '/sign-inside' }))).toMatchObject({ action: 'redirect' });
  });

  it("serves public/'s icons to everyone, so the sign-in page has its favicon, and nothing else under their names", () => {
    for (const file of PUBLIC_FILES) {
      expect(decideAccess(request({ pathname: file })), file).toEqual({ action: 'allow' });
      expect(decideAccess(request({ pathname: file, method: 'POST' })), file).toMatchObject({ action: 'redirect' });
      expect(decideAccess(request({ pathname: `${file}/x` })), file).toMatchObject({ action: 'redirect' });
    }
    expect(decideAccess(request({ pathname: '/favicon.icon' }))).toMatchObject({ action: 'redirect' });
  });

  it('lists exactly the files in public/ (a file added there must be named here, or it is behind sign-in)', () => {
    const onDisk = fs.readdirSync(path.join(import.meta.dirname, '../../public')).map((f) => `/${f}`);
    expect([...PUBLIC_FILES].sort()).toEqual(onDisk.sort());
  });

  it('answers API requests with 401 instead of a redirect', () => {
    expect(decideAccess(request({ pathname: '/api/health' }))).toEqual({ action: 'unauthorized' });
    expect(decideAccess(request({ pathname: '/api/health', signedIn: true }))).toEqual({ action: 'allow' });
    expect(decideAccess(request({ pathname: '/api/health', bearer: 'valid' }))).toEqual({ action: 'allow' });
  });

  it('refuses a wrong token even with a session, and ignores tokens on pages', () => {
    expect(decideAccess(request({ pathname: '/api/health', signedIn: true, bearer: 'invalid' }))).toEqual({
      action: 'unauthorized',
    });
    expect(decideAccess(request({ pathname: '/events', bearer: 'valid' }))).toMatchObject({ action: 'redirect' });
  });
});

describe('safeCallbackUrl', () => {
  it.each([
    ['/events?from=1', '/events?from=1'],
    ['/', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/events\n', '/'],
    ['/sign-in?callbackUrl=%2F', '/'],
    ['', '/'],
    [undefined, '/'],
    // Paths that normalise to `//evil.example`, which browsers read as another host (issue 11, hole 2).
    ['/.//evil.example', '/'],
    ['/..//evil.example', '/'],
    ['/%2e//evil.example', '/'],
    ['/%2E%2E//evil.example', '/'],
    ['/./\\evil.example', '/'],
    ['/a/../..//evil.example/x', '/'],
    ['/events/../sign-in', '/'],
    // Ordinary paths come back normalised, query and fragment kept.
    ['/roles/./x?y=//z#h', '/roles/x?y=//z#h'],
  ])('%j → %j', (raw, expected) => expect(safeCallbackUrl(raw)).toBe(expected));

  it('builds the sign-in URL', () => {
    expect(signInUrl('/events?a=1')).toBe('/sign-in?callbackUrl=%2Fevents%3Fa%3D1');
    expect(signInUrl('https://evil.example/')).toBe('/sign-in');
  });
});

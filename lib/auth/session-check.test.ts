import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/env';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-sessions-'));
vi.mock('@/lib/env', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/env')>()),
  env: () => parseEnv({ TRAILSCOPE_DATA_DIR: dataDir, TRAILSCOPE_ADMIN_PASSWORD: 'initial-admin-password' }),
}));

const { addUser, removeUser, setUser } = await import('./bootstrap');
const { currentSession } = await import('./session-check');
const { endSession } = await import('./sign-out');
const { verifyCredentials } = await import('./credentials');
const { closeStateDb } = await import('@/lib/state/db');
const { getUser, upsertUser } = await import('@/lib/state/users');

afterAll(async () => {
  await closeStateDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** What the jwt callback would carry after signing in now. */
async function signIn(name: string, password: string) {
  const user = await verifyCredentials({ username: name, password }, undefined, () => undefined);
  if (!user) throw new Error(`sign-in as ${name} failed`);
  return { name: user.name, sessionVersion: user.sessionVersion, sessionId: crypto.randomUUID() };
}

describe('sessions are re-checked against the users table (issue 11, hole 4)', () => {
  beforeEach(async () => {
    await addUser({ name: 'ops', role: 'admin', password: 'ops-password-1' });
  });

  it('a current session speaks for the user with their current role', async () => {
    const claims = await signIn('ops', 'ops-password-1');
    expect(await currentSession(claims)).toEqual({ name: 'ops', role: 'admin' });
  });

  it('a demoted admin loses admin on their next request', async () => {
    const claims = await signIn('ops', 'ops-password-1');
    await setUser('ops', { role: 'viewer' });
    expect(await currentSession(claims)).toBeNull();
    // Signing in again gives a viewer session.
    expect(await currentSession(await signIn('ops', 'ops-password-1'))).toEqual({ name: 'ops', role: 'viewer' });
  });

  it('a changed password ends older sessions', async () => {
    const claims = await signIn('ops', 'ops-password-1');
    await setUser('ops', { password: 'ops-password-2' });
    expect(await currentSession(claims)).toBeNull();
    expect(await verifyCredentials({ username: 'ops', password: 'ops-password-1' }, undefined, () => undefined)).toBeNull();
  });

  it('a deleted or disabled user has no session', async () => {
    const claims = await signIn('ops', 'ops-password-1');
    await setUser('ops', { disabled: true });
    expect(await currentSession(claims)).toBeNull();
    expect(await verifyCredentials({ username: 'ops', password: 'ops-password-1' }, undefined, () => undefined)).toBeNull();
    await setUser('ops', { disabled: false });
    const again = await signIn('ops', 'ops-password-1');
    await removeUser('ops');
    expect(await currentSession(again)).toBeNull();
  });

  it('sign-out ends that session, not the user\'s other ones', async () => {
    const laptop = await signIn('ops', 'ops-password-1');
    const desktop = await signIn('ops', 'ops-password-1');
    await endSession({ user: laptop.name, sid: laptop.sessionId, sv: laptop.sessionVersion, exp: Math.floor(Date.now() / 1000) + 3600 });
    expect(await currentSession(laptop)).toBeNull();
    expect(await currentSession(desktop)).toEqual({ name: 'ops', role: 'admin' });
  });

  it('a change made by another process (the CLI) applies within the cache lifetime', async () => {
    const claims = await signIn('ops', 'ops-password-1');
    const now = Date.now();
    expect(await currentSession(claims, now)).not.toBeNull();
    const stored = await getUser('ops');
    // Straight to the table, as `npm run user:set` in another process would: this process's cache is not told.
    await upsertUser({ name: 'ops', passwordHash: stored?.passwordHash ?? null, role: 'viewer' });
    expect(await currentSession(claims, now + 1000)).not.toBeNull();
    expect(await currentSession(claims, now + 6000)).toBeNull();
  });
});

describe('single sign-on users', () => {
  it('are keyed by subject: a disabled user who renames themselves at the provider stays out', async () => {
    const { admitOidcUser } = await import('./oidc-users');
    const first = await admitOidcUser({ subject: '00u-abc', displayName: 'Sam Example', role: 'viewer' });
    expect(first).toMatchObject({ name: 'sso:00u-abc', displayName: 'Sam Example', source: 'oidc' });
    // Another person with the same display name is another user.
    expect(await admitOidcUser({ subject: '00u-def', displayName: 'Sam Example', role: 'viewer' })).toMatchObject({ name: 'sso:00u-def' });
    await setUser('sso:00u-abc', { disabled: true });
    expect(await admitOidcUser({ subject: '00u-abc', displayName: 'Someone Else', role: 'admin' })).toBeNull();
    // The provider's groups decide the role at each sign-in, and a change ends older sessions.
    const before = await admitOidcUser({ subject: '00u-def', displayName: 'Sam Example', role: 'viewer' });
    const promoted = await admitOidcUser({ subject: '00u-def', displayName: 'Sam Example', role: 'admin' });
    expect(promoted?.sessionVersion).toBeGreaterThan(before?.sessionVersion ?? Infinity);
  });
});

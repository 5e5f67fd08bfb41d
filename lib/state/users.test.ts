import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-state-'));
process.env.TRAILSCOPE_DATA_DIR = dataDir;

const { closeStateDb, stateDbPath, withStateConnection } = await import('./db');
const { deleteUser, getUser, isSessionRevoked, revokeSession, upsertUser } = await import('./users');
const { MIGRATIONS } = await import('./migrations');

describe('app-state store', () => {
  beforeAll(() => expect(stateDbPath()).toBe(path.join(dataDir, 'state.duckdb')));
  afterAll(async () => {
    await closeStateDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the file and returns null for an unknown user', async () => {
    expect(await getUser('nobody')).toBeNull();
    expect(fs.existsSync(stateDbPath())).toBe(true);
  });

  it('inserts, then updates in place', async () => {
    await upsertUser({ name: 'admin', passwordHash: 'h1', role: 'admin' });
    expect(await getUser('admin')).toEqual({ name: 'admin', passwordHash: 'h1', role: 'admin', sessionVersion: 1, disabled: false, source: 'password', displayName: null });
    await upsertUser({ name: 'admin', passwordHash: 'h2', role: 'viewer' });
    expect(await getUser('admin')).toEqual({ name: 'admin', passwordHash: 'h2', role: 'viewer', sessionVersion: 2, disabled: false, source: 'password', displayName: null });
  });

  it('stores users without a password', async () => {
    await upsertUser({ name: 'sso-user', passwordHash: null, role: 'viewer', source: 'oidc' });
    expect(await getUser('sso-user')).toMatchObject({ name: 'sso-user', passwordHash: null, role: 'viewer', source: 'oidc' });
  });

  it('moves the session version on every change that must end sessions, and only then', async () => {
    const v = async () => (await getUser('versioned'))?.sessionVersion;
    await upsertUser({ name: 'versioned', passwordHash: 'p', role: 'viewer' });
    expect(await v()).toBe(1);
    await upsertUser({ name: 'versioned', passwordHash: 'p', role: 'viewer' });
    expect(await v()).toBe(1);
    await upsertUser({ name: 'versioned', passwordHash: 'p', role: 'admin' });
    expect(await v()).toBe(2);
    await upsertUser({ name: 'versioned', passwordHash: 'p2', role: 'admin' });
    expect(await v()).toBe(3);
    await upsertUser({ name: 'versioned', passwordHash: 'p2', role: 'admin', disabled: true });
    expect(await v()).toBe(4);
    expect(await deleteUser('versioned')).toBe(true);
    expect(await getUser('versioned')).toBeNull();
  });

  it('remembers ended sessions until they expire', async () => {
    expect(await isSessionRevoked('sid-1')).toBe(false);
    await revokeSession('sid-1', 'admin', new Date(Date.now() + 60_000));
    await revokeSession('sid-1', 'admin', new Date(Date.now() + 60_000));
    expect(await isSessionRevoked('sid-1')).toBe(true);
    await revokeSession('sid-old', 'admin', new Date(Date.now() - 1000));
    // Expired entries are swept by the next revocation.
    await revokeSession('sid-2', 'admin', new Date(Date.now() + 60_000));
    expect(await isSessionRevoked('sid-old')).toBe(false);
  });

  it('keeps data and migrates once across reopening', async () => {
    await closeStateDb();
    expect(await getUser('admin')).toMatchObject({ passwordHash: 'h2' });
    const versions = await withStateConnection(async (c) =>
      (await c.runAndReadAll('SELECT version FROM schema_migrations ORDER BY version')).getRowObjectsJS(),
    );
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('shares one instance between concurrent first callers', async () => {
    await closeStateDb();
    const names = await Promise.all(['a', 'b', 'c'].map((n) => upsertUser({ name: n, passwordHash: n, role: 'viewer' }).then(() => getUser(n))));
    expect(names.map((u) => u?.name)).toEqual(['a', 'b', 'c']);
  });
});

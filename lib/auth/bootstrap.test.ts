import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEnv, type Env } from '@/lib/env';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-auth-'));
const settings: { current: Env } = { current: parseEnv({ TRAILSCOPE_DATA_DIR: dataDir }) };
vi.mock('@/lib/env', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/env')>()),
  env: () => settings.current,
}));

const { ensureAdmin, ensureAuthSecret } = await import('./bootstrap');
const { authSecretPath, resetAuthSecretCache } = await import('./auth-secret');
const { verifyPassword } = await import('./password');
const { closeStateDb } = await import('@/lib/state/db');
const { getUser } = await import('@/lib/state/users');

function configure(extra: Record<string, string>) {
  settings.current = parseEnv({ TRAILSCOPE_DATA_DIR: dataDir, ...extra });
}

async function adminAccepts(password: string) {
  const admin = await getUser('admin');
  return admin?.passwordHash != null && verifyPassword(password, admin.passwordHash);
}

afterAll(async () => {
  await closeStateDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('ensureAdmin', () => {
  it('generates a strong password on first run and stores only its hash', async () => {
    configure({});
    const result = await ensureAdmin();
    expect(result.created).toBe(true);
    expect(result.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const admin = await getUser('admin');
    expect(admin?.role).toBe('admin');
    expect(admin?.passwordHash).not.toContain(result.password);
    expect(await adminAccepts(result.password as string)).toBe(true);
  });

  it('leaves an existing admin alone when no password is configured', async () => {
    const before = await getUser('admin');
    expect(await ensureAdmin()).toEqual({ created: false });
    expect(await getUser('admin')).toEqual(before);
  });

  it('takes TRAILSCOPE_ADMIN_PASSWORD and re-hashes only when it changed', async () => {
    configure({ TRAILSCOPE_ADMIN_PASSWORD: 'first-password' });
    expect(await ensureAdmin()).toEqual({ created: false });
    expect(await adminAccepts('first-password')).toBe(true);
    const hash = (await getUser('admin'))?.passwordHash;

    expect(await ensureAdmin()).toEqual({ created: false });
    expect((await getUser('admin'))?.passwordHash).toBe(hash);

    configure({ TRAILSCOPE_ADMIN_PASSWORD: 'second-password' });
    await ensureAdmin();
    expect(await adminAccepts('second-password')).toBe(true);
    expect(await adminAccepts('first-password')).toBe(false);
  });

  it('prefers an explicit password over the environment', async () => {
    await ensureAdmin({ password: 'explicit-password' });
    expect(await adminAccepts('explicit-password')).toBe(true);
  });

  it('refuses passwords bcrypt would truncate', async () => {
    await expect(ensureAdmin({ password: 'x'.repeat(73) })).rejects.toThrow(/72 bytes/);
  });
});

describe('ensureAuthSecret', () => {
  beforeEach(() => {
    resetAuthSecretCache();
    fs.rmSync(authSecretPath(), { force: true });
  });

  it('uses AUTH_SECRET when set and writes nothing', () => {
    configure({ AUTH_SECRET: 'from-the-environment-0123456789abcdef' });
    expect(ensureAuthSecret()).toBe('from-the-environment-0123456789abcdef');
    expect(fs.existsSync(authSecretPath())).toBe(false);
  });

  it('otherwise persists a random secret, readable only by its owner, across restarts', () => {
    configure({});
    const first = ensureAuthSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(authSecretPath()).mode & 0o777).toBe(0o600);
    resetAuthSecretCache();
    expect(ensureAuthSecret()).toBe(first);
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a truncated secret file instead of signing with it', () => {
    configure({});
    fs.writeFileSync(authSecretPath(), 'short');
    expect(() => ensureAuthSecret()).toThrow(/shorter than 32/);
  });
});

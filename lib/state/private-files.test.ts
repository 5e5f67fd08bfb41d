import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/env';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-perms-'));
const dataDir = path.join(root, 'data');
// An existing, world-readable data dir from an older version (issue 11, hole 8).
fs.mkdirSync(dataDir, { mode: 0o755 });
fs.chmodSync(dataDir, 0o755);
fs.writeFileSync(path.join(dataDir, 'auth-secret'), 'x'.repeat(43), { mode: 0o644 });
fs.chmodSync(path.join(dataDir, 'auth-secret'), 0o644);

vi.mock('@/lib/env', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/env')>()),
  env: () => parseEnv({ TRAILSCOPE_DATA_DIR: dataDir }),
}));

const { closeStateDb } = await import('./db');
const { upsertUser } = await import('./users');
const { ensureAuthSecret } = await import('@/lib/auth/auth-secret');

const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);

describe('secrets in the data dir are private (issue 11, hole 8)', () => {
  afterAll(async () => {
    await closeStateDb();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('makes the folder 0700 and the state database, its WAL and the session secret 0600', async () => {
    ensureAuthSecret();
    await upsertUser({ name: 'admin', passwordHash: '$2b$12$hash', role: 'admin' });
    const files = fs.readdirSync(dataDir).filter((f) => f.startsWith('state.duckdb') || f === 'auth-secret');
    expect(files).toEqual(expect.arrayContaining(['state.duckdb', 'auth-secret']));
    expect(mode(dataDir)).toBe('700');
    expect(Object.fromEntries(files.map((f) => [f, mode(path.join(dataDir, f))]))).toEqual(Object.fromEntries(files.map((f) => [f, '600'])));
  });
});

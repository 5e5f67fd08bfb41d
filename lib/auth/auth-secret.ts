import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { ensurePrivateDir, makePrivate } from '@/lib/state/private-files';

/**
 * The key that signs and encrypts session cookies. Without AUTH_SECRET we make one and keep it in
 * the data dir, so sessions survive restarts and a fresh install needs no setup. The proxy and the
 * route handlers run in the same Node process and both read it here, so they always agree.
 */

const SECRET_FILE = 'auth-secret';
let cached: string | undefined;

export function authSecretPath(): string {
  return path.join(env().TRAILSCOPE_DATA_DIR, SECRET_FILE);
}

export function ensureAuthSecret(): string {
  cached ??= env().AUTH_SECRET ?? readOrCreate(authSecretPath());
  return cached;
}

function readOrCreate(file: string): string {
  ensurePrivateDir(path.dirname(file));
  const existing = readSecret(file);
  if (existing !== undefined) {
    makePrivate(file);
    return existing;
  }

  // Write the whole secret to a private temp file, then link it into place: link() fails if the
  // file appeared meanwhile, so two processes starting together still end up with one secret.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, randomBytes(32).toString('base64url'), { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const secret = readSecret(file);
  if (secret === undefined) throw new Error(`Could not create the session secret at ${file}`);
  return secret;
}

function readSecret(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (text.length < 32) throw new Error(`${file} is shorter than 32 characters: delete it to make a new one (this signs everyone out)`);
  return text;
}

/** For tests only: forget the cached secret. */
export function resetAuthSecretCache(): void {
  cached = undefined;
}

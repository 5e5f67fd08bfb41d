import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';

/** 12 rounds: about 0.2 s per check on a small server, slow enough to blunt guessing. */
const ROUNDS = 12;

export async function hashPassword(password: string): Promise<string> {
  // bcrypt ignores everything past 72 bytes; refuse rather than silently accept a longer secret's prefix.
  if (bcrypt.truncates(password)) throw new Error('Passwords are limited to 72 bytes (a bcrypt limit)');
  if (password.length === 0) throw new Error('The password is empty');
  return bcrypt.hash(password, ROUNDS);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** 144 random bits, URL-safe so it can be pasted into a shell or an env file unquoted. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

import fs from 'node:fs';

/**
 * The data dir holds password hashes, the session secret, uploaded IAM policies and the CloudTrail
 * events themselves: none of it is for other local users. The folder is made 0700 (also when it
 * already exists, e.g. from an older version), and the process's umask is narrowed so that files
 * written later (DuckDB's WAL, parquet segments, uploads) are created 0600 rather than 0644.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  process.umask(0o077);
}

/** Narrows an existing file to its owner; a missing one is fine (DuckDB makes its WAL on demand). */
export function makePrivate(file: string): void {
  try {
    fs.chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

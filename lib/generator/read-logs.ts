import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CloudTrailRecord } from './types';

/**
 * Reads generated logs back, for tests: from a directory tree of .json.gz
 * files or from an in-memory sink's bodies.
 */

export interface LoadedFile {
  /** Path relative to the output directory, forward slashes. */
  readonly key: string;
  readonly records: CloudTrailRecord[];
}

function parseBody(body: string): CloudTrailRecord[] {
  const parsed = JSON.parse(body) as { Records?: CloudTrailRecord[] };
  if (!Array.isArray(parsed.Records)) throw new Error('log file without a Records array');
  return parsed.Records;
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function readLogTree(dir: string): LoadedFile[] {
  return listFiles(dir).map((key) => ({
    key,
    records: parseBody(gunzipSync(readFileSync(path.join(dir, ...key.split('/')))).toString('utf8')),
  }));
}

export function readMemoryFiles(files: ReadonlyMap<string, string>): LoadedFile[] {
  return [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, body]) => ({ key, records: parseBody(body) }));
}

export function allRecords(files: readonly LoadedFile[]): CloudTrailRecord[] {
  return files.flatMap((f) => f.records);
}

import { gunzipSync } from 'node:zlib';
import type { FileSkipReason } from './skip-reasons';

export class FileSkip extends Error {
  constructor(
    readonly reason: FileSkipReason,
    detail: string,
  ) {
    super(detail);
  }
}

// V8's longest string is ~512 MiB; stay below it with a clear reason instead of a crash.
const MAX_TEXT_BYTES = 480 * 1024 * 1024;

/**
 * Decompresses by content (gzip magic bytes), not by file name: S3 downloads lose extensions.
 * Synchronous on purpose: CloudTrail files are small and many, and a thread-pool round trip per
 * file cost three times the work itself (measured on 10k delivery files).
 */
export function decode(bytes: Buffer): string {
  let data = bytes;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      data = gunzipSync(bytes, { maxOutputLength: MAX_TEXT_BYTES });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new FileSkip('too-large', 'decompresses to more than 480 MiB');
      throw new FileSkip('gzip-error', (error as Error).message);
    }
  }
  if (data.length > MAX_TEXT_BYTES) throw new FileSkip('too-large', `${data.length} bytes`);
  return data.toString('utf8');
}

function isRecordLike(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && ('eventName' in v || 'eventSource' in v || 'eventID' in v);
}

/**
 * The records in a file's text, in any of the shapes CloudTrail data arrives in:
 * `{"Records":[...]}` (S3 delivery), a JSON array of records (exports, Grimoire), a single record,
 * or JSON lines (Logstash, Lake exports). A bad line in JSON lines is returned as `undefined`
 * so it is counted, not fatal to the file.
 */
export function recordsOf(text: string): { records: unknown[]; badLines: number } {
  const trimmed = text.trimStart();
  if (trimmed.length === 0) return { records: [], badLines: 0 };
  let whole: unknown;
  let wholeOk = false;
  if (trimmed[0] === '{' || trimmed[0] === '[') {
    try {
      whole = JSON.parse(text);
      wholeOk = true;
    } catch {
      // fall through to JSON lines
    }
  }
  if (wholeOk) {
    if (Array.isArray(whole)) return { records: whole, badLines: 0 };
    if (typeof whole === 'object' && whole !== null) {
      const records = (whole as { Records?: unknown }).Records;
      if (Array.isArray(records)) return { records, badLines: 0 };
      if (isRecordLike(whole)) return { records: [whole], badLines: 0 };
    }
    throw new FileSkip('unknown-shape', 'a JSON value without a Records array');
  }
  if (trimmed[0] !== '{') throw new FileSkip('invalid-json', 'does not start with { or [');
  const records: unknown[] = [];
  let badLines = 0;
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (l.length === 0) continue;
    try {
      records.push(JSON.parse(l));
    } catch {
      badLines++;
    }
  }
  if (records.length === 0) throw new FileSkip('invalid-json', 'no line parses as JSON');
  return { records, badLines };
}

import { formatBytes } from '@/lib/format';
import { ParamError } from '@/lib/params/param-error';
import { MULTIPART_OVERHEAD_BYTES } from './body-limits';

/**
 * Request bodies read with their limit enforced while reading. Content-Length is only a hint: a
 * chunked upload has none, so the stream itself is counted and abandoned as soon as it passes the
 * limit, and the server never buffers more than the route allows.
 */

/** A body over its route's limit: withAuth answers it 413 with this message (lib/http/errors.ts). */
export class BodyTooLargeError extends Error {
  constructor(what: string, maxBytes: number) {
    super(`${what} is larger than ${formatBytes(maxBytes)}`);
    this.name = 'BodyTooLargeError';
  }

  // By name, not prototype: Next may bundle this module twice (see ParamError).
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'BodyTooLargeError';
  }
}

export interface BodyLimit {
  maxBytes: number;
  /** Names the body in the 413 message: "the file is larger than 50 MB". */
  what: string;
}

/** The body's bytes, refused (413) past `maxBytes + slackBytes`; the message states `maxBytes`. */
export async function readBody(req: Request, { maxBytes, what }: BodyLimit, slackBytes = 0): Promise<Uint8Array<ArrayBuffer>> {
  const limit = maxBytes + slackBytes;
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(what, maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(what, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export async function readBodyText(req: Request, limit: BodyLimit): Promise<string> {
  return new TextDecoder().decode(await readBody(req, limit));
}

export function isMultipart(req: Request): boolean {
  return (req.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

/**
 * An uploaded file's text: the body itself, or the `field` of a multipart/form-data form. The form
 * is parsed from the bounded body, not by req.formData(), which reads without a limit and throws a
 * bare TypeError (a 500) on a truncated form or one without a boundary; that is a 400 naming the field.
 */
export async function readUploadText(req: Request, field: string, limit: BodyLimit): Promise<{ text: string; fileName: string | null }> {
  if (!isMultipart(req)) return { text: await readBodyText(req, limit), fileName: null };
  const body = await readBody(req, limit, MULTIPART_OVERHEAD_BYTES);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw new ParamError(field, 'is not in a readable multipart/form-data body (truncated, or no boundary in its Content-Type)');
  }
  const file = form.get(field);
  if (!file || typeof file === 'string') throw new ParamError(field, `is missing: send the file in a form field named ${field}`);
  if (file.size > limit.maxBytes) throw new BodyTooLargeError(limit.what, limit.maxBytes);
  return { text: await file.text(), fileName: file.name.slice(0, 255) || null };
}

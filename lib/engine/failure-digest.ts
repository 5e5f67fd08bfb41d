import { z } from '@/lib/zod';
import type { EngineErrorDetails } from './types';

/**
 * An engine failure on a page, carried to the page's error boundary (app/(dashboard)/error.tsx).
 * Next hides a server component's error message in production and passes the boundary only the
 * error's `digest`, keeping one the error already has; so an EngineError's digest is this text: the
 * message, its code and the SQL that failed (what the API's error answer says, plus the statement
 * every panel already shows its reader).
 */
const PREFIX = 'trailscope-engine-failure:';
/** Past this the statement is cut: a digest travels in the page's payload. */
const MAX_SQL_CHARS = 100_000;

const failureSchema = z.object({
  message: z.string(),
  code: z.string(),
  sql: z.string().optional(),
  params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  stats: z
    .object({
      engine: z.enum(['duckdb', 'athena', 'trino']),
      elapsedMs: z.number(),
      bytesScanned: z.number().nullable(),
      costUsd: z.number().nullable(),
      queryId: z.string().nullable(),
      rowCount: z.number(),
    })
    .optional(),
});
export type EngineFailure = z.infer<typeof failureSchema>;

export function engineFailureDigest(message: string, code: string, details: EngineErrorDetails | undefined): string {
  const sql = details?.sql === undefined ? undefined : details.sql.slice(0, MAX_SQL_CHARS);
  const failure: EngineFailure = { message, code, sql, params: details?.params ? [...details.params] : undefined, stats: details?.stats };
  return PREFIX + encodeURIComponent(JSON.stringify(failure));
}

/** The failure a digest carries, or null for any other error's digest. */
export function engineFailureOf(digest: string | undefined): EngineFailure | null {
  if (!digest?.startsWith(PREFIX)) return null;
  try {
    const parsed = failureSchema.safeParse(JSON.parse(decodeURIComponent(digest.slice(PREFIX.length))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

import { sql } from '@/lib/sql/sql';
import { withStateConnection } from '@/lib/state/db';
import { execute, select } from '@/lib/state/statement';
import type { AuthorizationDetails } from '@/lib/reviews/policy/authorization-details';

/**
 * Uploaded `get-account-authorization-details`, one per account, in the app-state store. What
 * leaves the server is the summary; the details are read here for the reviews' own analysis.
 */

export interface AuthorizationDetailsSummary {
  accountId: string;
  fileName: string | null;
  uploadedBy: string;
  uploadedAt: string | null;
  counts: AuthorizationDetails['counts'];
}

interface CacheEntry {
  uploadedAt: string | null;
  details: AuthorizationDetails;
}

// Parsed once per upload: the JSON can be megabytes and every review page reads it.
const holder = globalThis as typeof globalThis & { __trailscopeAuthDetails?: Map<string, CacheEntry> };
const cache = (holder.__trailscopeAuthDetails ??= new Map());

function isoFromEpochSeconds(v: unknown): string | null {
  return typeof v === 'number' && Number.isFinite(v) ? new Date(Math.round(v * 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

export async function saveAuthorizationDetails(details: AuthorizationDetails, fileName: string | null, user: string): Promise<AuthorizationDetailsSummary> {
  await withStateConnection((connection) =>
    execute(
      connection,
      sql`INSERT INTO authorization_details (account_id, file_name, details, summary, uploaded_by)
       VALUES (${details.accountId}, ${fileName}, ${JSON.stringify(details)}, ${JSON.stringify(details.counts)}, ${user})
       ON CONFLICT (account_id) DO UPDATE SET file_name = excluded.file_name, details = excluded.details, summary = excluded.summary,
         uploaded_by = excluded.uploaded_by, uploaded_at = now()`,
    ),
  );
  cache.delete(details.accountId);
  const saved = (await listAuthorizationDetails()).find((s) => s.accountId === details.accountId);
  if (!saved) throw new Error('the authorization details were not saved');
  return saved;
}

export async function listAuthorizationDetails(): Promise<AuthorizationDetailsSummary[]> {
  return withStateConnection(async (connection) => {
    const rows = await select(connection, sql`SELECT account_id, file_name, summary, uploaded_by, epoch(uploaded_at) AS uploaded_at FROM authorization_details ORDER BY account_id`);
    return rows.map((r) => ({
      accountId: String(r.account_id),
      fileName: typeof r.file_name === 'string' ? r.file_name : null,
      uploadedBy: String(r.uploaded_by),
      uploadedAt: isoFromEpochSeconds(r.uploaded_at),
      counts: JSON.parse(String(r.summary)) as AuthorizationDetails['counts'],
    }));
  });
}

/** Every account's uploaded details (for trust policies across accounts). */
export async function allAuthorizationDetails(): Promise<AuthorizationDetails[]> {
  const summaries = await listAuthorizationDetails();
  const out: AuthorizationDetails[] = [];
  for (const s of summaries) {
    const hit = cache.get(s.accountId);
    if (hit && hit.uploadedAt === s.uploadedAt) {
      out.push(hit.details);
      continue;
    }
    const details = await withStateConnection(async (connection) => {
      const [row] = await select(connection, sql`SELECT details FROM authorization_details WHERE account_id = ${s.accountId}`);
      return row ? (JSON.parse(String(row.details)) as AuthorizationDetails) : null;
    });
    if (details) {
      cache.set(s.accountId, { uploadedAt: s.uploadedAt, details });
      out.push(details);
    }
  }
  return out;
}

export async function deleteAuthorizationDetails(accountId: string): Promise<boolean> {
  cache.delete(accountId);
  return withStateConnection(async (connection) => {
    const rows = await select(connection, sql`DELETE FROM authorization_details WHERE account_id = ${accountId} RETURNING account_id`);
    return rows.length > 0;
  });
}

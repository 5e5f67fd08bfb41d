import { z } from '@/lib/zod';
import { cachedFact } from '@/lib/engine/cached-fact';
import { EngineError, type Connection } from '@/lib/engine/types';
import { env } from '@/lib/env';
import { runPanel, type PanelResult, type QueryModule } from '@/lib/engine/panel';
import { getDataRange } from '@/lib/data-range/get-data-range';
import { sql } from '@/lib/sql/sql';
import { isoUtc } from '@/lib/time';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

/**
 * The organisation's accounts: TRAILSCOPE_ORG_ACCOUNTS when set, else the accounts whose own trails
 * are in the store.
 *
 * "Own trail" needs care. A cross-account AssumeRole is logged in the caller's account as well as
 * the role's, and the store may hold that caller-side copy for an outside account (the generator
 * writes the vendor's copies under AWSLogs/<vendor account>, as a shared log bucket would). An
 * account whose only records are its own principals' AssumeRole calls into other accounts' roles
 * therefore says nothing about whose trails are ingested, and is not counted.
 */

export interface OrganisationAccounts {
  accounts: string[];
  source: 'config' | 'inferred';
}

/** How far back the inference looks from the newest event: bounded, so Athena reads a month of partitions. */
export const INFERENCE_WINDOW_DAYS = 30;
/** Recomputed at most this often: which trails are ingested changes with an ingest, not per request. */
const CACHE_MS = 5 * 60_000;
/**
 * On a table over S3 the inference reads 30 days of the trail, and the accounts writing to it change
 * when the organisation does: kept for hours (served stale while it refreshes, never awaited twice).
 */
const S3_CACHE_MS = 6 * 3_600_000;

const params = z.object({ from: z.string(), to: z.string() });
const row = z.object({ account_id: z.string(), events: z.number(), own_events: z.number() });
export type AccountActivityRow = z.infer<typeof row>;

/**
 * Per recipient account: every record, and the records that are not a caller-side copy of an
 * AssumeRole into another account's role (the role's account is the 5th field of its ARN).
 */
export const accountActivity: QueryModule<z.infer<typeof params>, AccountActivityRow> = {
  name: 'organisation-account-activity',
  params,
  row,
  build: (d, p) => {
    const roleAccount = sql`split_part(${d.jsonExtractScalar(col.requestParameters, '$.roleArn')}, ':', 5)`;
    return sql`
SELECT ${col.recipientAccountId} AS account_id,
       count(*) AS events,
       ${countIf(sql`NOT coalesce(${col.eventSource} = 'sts.amazonaws.com' AND ${col.eventName} = 'AssumeRole'
         AND ${col.userIdentity.accountId} = ${col.recipientAccountId} AND ${roleAccount} <> ${col.recipientAccountId}, FALSE)`)} AS own_events
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.recipientAccountId} IS NOT NULL
GROUP BY 1
ORDER BY 1
LIMIT 10000`;
  },
};

/** Pure: the accounts with at least one record of their own, sorted. */
export function inferOrganisationAccounts(rows: readonly AccountActivityRow[]): string[] {
  return rows
    .filter((r) => r.own_events > 0 && /^\d{12}$/.test(r.account_id))
    .map((r) => r.account_id)
    .sort();
}

/** The inference and the query behind it, for pages that show their SQL. */
export async function inferFromStore(
  conn: Connection,
  signal?: AbortSignal,
): Promise<{ accounts: string[]; panel: PanelResult<AccountActivityRow> | null }> {
  const last = (await getDataRange(conn, signal)).last;
  if (!last) return { accounts: [], panel: null };
  const to = Date.parse(last) + 1000;
  const panel = await runPanel(conn, accountActivity, { from: isoUtc(to - INFERENCE_WINDOW_DAYS * 86_400_000), to: isoUtc(to) }, signal);
  return { accounts: inferOrganisationAccounts(panel.rows), panel };
}

export async function organisationAccounts(conn: Connection, signal?: AbortSignal): Promise<OrganisationAccounts> {
  const configured = env().TRAILSCOPE_ORG_ACCOUNTS;
  if (configured.length > 0) return { accounts: [...new Set(configured)].sort(), source: 'config' };
  const value = await cachedFact(conn, 'organisation-accounts', conn.dialect.source === 'embedded-store' ? CACHE_MS : S3_CACHE_MS, async () => ({
    accounts: (await inferFromStore(conn)).accounts,
    source: 'inferred' as const,
  }));
  if (signal?.aborted) throw new EngineError('The query was cancelled.', 'CANCELLED');
  return value;
}

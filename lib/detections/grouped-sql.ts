/**
 * The SQL shape most detections share: select the rule's events in the scope, rank them within
 * their group, and aggregate one row per group (the finding) with its seen range, count, the
 * latest actor fields and up to MAX_EVIDENCE event ids. Written once here so every rule reads the
 * actor and evidence the same way on both engines.
 */
import { z } from '@/lib/zod';
import type { Dialect } from '@/lib/engine/dialect';
import { code, join, sql, trusted, type Sql } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';

/** Event ids carried per finding row; the count is always the full number of events. */
export const MAX_EVIDENCE = 100;
/** Findings per rule and run; `truncated` on the rule's result says when a rule hit it. */
export const MAX_GROUPS = 1000;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const instant = z.string().regex(ISO, 'must be an ISO-8601 UTC instant such as 2026-11-18T09:00:00Z');

/** The scope a detection run covers, [from, to). */
export const scopeSchema = z
  .object({ from: instant, to: instant })
  .refine((s) => Date.parse(s.from) < Date.parse(s.to), { message: 'from must be before to', path: ['from'] });

/**
 * A list of strings as every engine returns it (the SQL selects lists through the dialect's
 * `arrayResult`/`distinctList`: Athena's ARRAY display text `[a, null]` cannot be split back, and
 * a NULL element would come back as the text "null").
 */
export const stringList = z
  .array(z.string().nullable())
  .nullable()
  .transform((l) => (l ?? []).filter((x): x is string => x !== null && x !== ''));

/** A DISTINCT aggregate's values, sorted: engines return them in any order, and findings must read the same every run. */
export const distinctList = stringList.transform((l) => [...l].sort());

/**
 * Where an event happened and who made it, as findings report them: the account and region, the
 * identity's type and ARN, its user name (the role's name for a role session, as GuardDuty's
 * UserName) and access key. One list, so every rule names its actor the same way.
 */
export function actorColumns(): Sql {
  return sql`${col.recipientAccountId} AS account_id,
    ${col.awsRegion} AS aws_region,
    ${col.userIdentity.type} AS actor_type,
    ${col.userIdentity.arn} AS actor_arn,
    coalesce(${col.userIdentity.userName}, ${col.userIdentity.sessionContext.sessionIssuer.userName}) AS actor_user_name,
    ${col.userIdentity.accessKeyId} AS actor_access_key_id`;
}

/**
 * The columns every matched event carries: its id and time, the principal it is grouped by
 * (principal id, else ARN, else the invoking service), its principal id, and the actor columns.
 */
export function eventColumns(d: Dialect): Sql {
  return sql`${col.eventId} AS event_id,
    ${d.eventTime} AS t,
    coalesce(${col.userIdentity.principalId}, ${col.userIdentity.arn}, ${col.userIdentity.invokedBy}, 'unknown') AS principal_key,
    ${col.userIdentity.principalId} AS actor_principal_id,
    ${actorColumns()}`;
}

export interface GroupedSpec {
  /** A SELECT producing `eventColumns` plus the rule's own columns for its events in the scope. */
  matched: Sql;
  /** More CTEs after `matched` (name AS (...), ...), for rules that refine the matched events. */
  ctes?: Sql;
  /** The CTE the findings are aggregated from (default `matched`). */
  from?: 'matched' | 'bursting';
  /** Group columns beyond account_id and principal_key: one finding per distinct combination. */
  keys?: readonly string[];
  /** More aggregates, each `expr AS name`. */
  aggregates?: readonly Sql[];
}

const KEY = /^[a-z_]+$/;

export function groupedFindingsSql(d: Dialect, spec: GroupedSpec): Sql {
  const keys = ['account_id', 'principal_key', ...(spec.keys ?? [])].map((k) => {
    if (!KEY.test(k)) throw new Error(`Invalid group column ${k}`);
    return code(k);
  });
  const keyList = join(keys, ', ');
  const source = code(spec.from ?? 'matched');
  const extra = spec.aggregates?.length ? sql`,\n       ${join([...spec.aggregates], ',\n       ')}` : sql``;
  return sql`
WITH matched AS (${spec.matched})${spec.ctes ? sql`,\n${spec.ctes}` : sql``},
ranked AS (
  SELECT src.*, row_number() OVER (PARTITION BY ${keyList} ORDER BY t, event_id) AS rn
  FROM ${source} src
)
SELECT ${keyList},
       ${d.isoString(sql`min(t)`)} AS first_seen,
       ${d.isoString(sql`max(t)`)} AS last_seen,
       count(*) AS events,
       max_by(aws_region, t) AS aws_region,
       max_by(actor_type, t) AS actor_type,
       max_by(actor_principal_id, t) AS actor_principal_id,
       max_by(actor_arn, t) AS actor_arn,
       max_by(actor_user_name, t) AS actor_user_name,
       max_by(actor_access_key_id, t) AS actor_access_key_id,
       ${d.arrayResult(sql`array_agg(event_id ORDER BY t, event_id) FILTER (WHERE rn <= ${trusted(MAX_EVIDENCE)})`)} AS event_ids${extra}
FROM ranked
GROUP BY ${keyList}
ORDER BY first_seen, ${keyList}
LIMIT ${trusted(MAX_GROUPS)}`;
}

const text = z.string().nullable();

/** The columns `groupedFindingsSql` returns for every rule. */
export const groupedRow = z.object({
  account_id: text,
  principal_key: z.string(),
  first_seen: z.string(),
  last_seen: z.string(),
  events: z.number(),
  aws_region: text,
  actor_type: text,
  actor_principal_id: text,
  actor_arn: text,
  actor_user_name: text,
  actor_access_key_id: text,
  event_ids: stringList,
});
export type GroupedRow = z.output<typeof groupedRow>;

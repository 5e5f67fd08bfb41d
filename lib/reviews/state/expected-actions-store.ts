import { sql } from '@/lib/sql/sql';
import { withStateConnection } from '@/lib/state/db';
import { execute, select } from '@/lib/state/statement';
import { expectedPatterns, READ_ONLY_VENDOR_DEFAULTS } from '@/lib/reviews/vendors/expected-actions';

/** Each vendor role's expected-actions list, in the app-state store (migration 3, `reviews`). */

export interface ExpectedActions {
  roleArn: string;
  patterns: string[];
  /** `default`: nothing saved for the role, the read-only vendor defaults apply. */
  source: 'saved' | 'default';
  updatedBy: string | null;
  updatedAt: string | null;
}

export function defaultExpectedActions(roleArn: string): ExpectedActions {
  return { roleArn, patterns: [...READ_ONLY_VENDOR_DEFAULTS], source: 'default', updatedBy: null, updatedAt: null };
}

function isoFromEpochSeconds(v: unknown): string | null {
  return typeof v === 'number' && Number.isFinite(v) ? new Date(Math.round(v * 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

export async function getExpectedActions(roleArn: string): Promise<ExpectedActions> {
  return withStateConnection(async (connection) => {
    const [row] = await select(connection, sql`SELECT patterns, updated_by, epoch(updated_at) AS updated_at FROM vendor_expected_actions WHERE role_arn = ${roleArn}`);
    if (!row) return defaultExpectedActions(roleArn);
    return {
      roleArn,
      // Our own write, validated again: a list edited by hand in the database must still be patterns.
      patterns: expectedPatterns.parse(JSON.parse(String(row.patterns))),
      source: 'saved',
      updatedBy: typeof row.updated_by === 'string' ? row.updated_by : null,
      updatedAt: isoFromEpochSeconds(row.updated_at),
    };
  });
}

export async function saveExpectedActions(roleArn: string, patterns: readonly string[], user: string): Promise<ExpectedActions> {
  const checked = expectedPatterns.parse(patterns);
  await withStateConnection((connection) =>
    execute(
      connection,
      sql`INSERT INTO vendor_expected_actions (role_arn, patterns, updated_by) VALUES (${roleArn}, ${JSON.stringify(checked)}, ${user})
       ON CONFLICT (role_arn) DO UPDATE SET patterns = excluded.patterns, updated_by = excluded.updated_by, updated_at = now()`,
    ),
  );
  return getExpectedActions(roleArn);
}

/** Back to the defaults. */
export async function deleteExpectedActions(roleArn: string): Promise<void> {
  await withStateConnection((connection) => execute(connection, sql`DELETE FROM vendor_expected_actions WHERE role_arn = ${roleArn}`));
}

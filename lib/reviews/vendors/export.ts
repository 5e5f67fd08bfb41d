import { ASSUMER_LABELS } from '@/lib/links';
import { toCsv, type CsvColumn } from '@/lib/reviews/csv';
import type { VendorRoleTable } from '@/lib/reviews/params';
import type { VendorRole } from './inventory';
import type { VendorRoleReview } from './role-review';

/** The vendor pages' tables as CSV, column for column with what the pages show. */

export function vendorRolesCsv(roles: readonly VendorRole[]): string {
  const columns: CsvColumn<VendorRole>[] = [
    { header: 'role_arn', value: (r) => r.roleArn },
    { header: 'external_accounts', value: (r) => r.externalAccounts },
    { header: 'vendor_name', value: (r) => r.vendorName },
    { header: 'external_principals', value: (r) => r.externalPrincipals.map((p) => p.arn ?? p.principalId ?? p.accountId) },
    { header: 'first_assumed', value: (r) => r.firstAssumed },
    { header: 'last_assumed', value: (r) => r.lastAssumed },
    { header: 'sessions', value: (r) => r.sessions },
    { header: 'denied_assumptions', value: (r) => r.denied },
    { header: 'sessions_with_external_id', value: (r) => r.withExternalId },
    { header: 'calls', value: (r) => r.calls },
    { header: 'failed_calls', value: (r) => r.failedCalls },
    { header: 'trust_policy_source', value: (r) => r.trust?.source ?? null },
    { header: 'trusted_external_principals', value: (r) => r.trust?.external.map((e) => e.principal) ?? [] },
    { header: 'external_id_required', value: (r) => (r.trust ? r.trust.externalIdRequired : null) },
    { header: 'trusts_never_used', value: (r) => r.trust?.unusedTrusts ?? [] },
  ];
  return toCsv(columns, roles);
}

export function vendorRoleCsv(review: VendorRoleReview, table: VendorRoleTable): string {
  switch (table) {
    case 'calls':
      return toCsv(
        [
          { header: 'event_source', value: (c) => c.eventSource },
          { header: 'event_name', value: (c) => c.eventName },
          { header: 'iam_action', value: (c) => c.action },
          { header: 'success', value: (c) => c.success },
          { header: 'failed', value: (c) => c.failed },
          { header: 'throttled', value: (c) => c.throttled },
          { header: 'first', value: (c) => c.first },
          { header: 'last', value: (c) => c.last },
          { header: 's3_buckets', value: (c) => c.buckets.map((b) => b.bucket ?? '(none)') },
        ],
        review.calls,
      );
    case 'callers':
      return toCsv(
        [
          { header: 'role_arn', value: (c) => c.roleArn },
          { header: 'user_arn', value: (c) => c.userArn },
          { header: 'assumer_type', value: (c) => ASSUMER_LABELS[c.assumer.type] },
          { header: 'account', value: (c) => c.assumer.accountId },
          { header: 'count', value: (c) => c.count },
          { header: 'with_external_id', value: (c) => c.withExternalId },
          { header: 'session_names', value: (c) => c.sessionNames },
          { header: 'first', value: (c) => c.first },
          { header: 'last', value: (c) => c.last },
        ],
        review.assumeRoleCallers,
      );
    case 'rate':
      return toCsv(
        [
          { header: `bucket_${review.rate.grain}`, value: (r) => r.bucket },
          { header: 'calls', value: (r) => r.calls },
          { header: 'peak_calls_per_minute', value: (r) => r.peakPerMinute },
          { header: 'peak_minute', value: (r) => r.peakMinute },
          { header: 'throttled', value: (r) => r.throttled },
        ],
        review.rate.perMinute,
      );
    case 'throttled':
      return toCsv(
        [
          { header: 'event_source', value: (r) => r.eventSource },
          { header: 'event_name', value: (r) => r.eventName },
          { header: 'region', value: (r) => r.region },
          { header: 'error_code', value: (r) => r.errorCode },
          { header: 'count', value: (r) => r.count },
          { header: 'first', value: (r) => r.first },
          { header: 'last', value: (r) => r.last },
        ],
        review.throttled.rows,
      );
    case 'cost':
      return toCsv(
        [
          { header: 'day', value: (r) => r.day.slice(0, 10) },
          { header: 'event_source', value: (r) => r.eventSource },
          { header: 'event_name', value: (r) => r.eventName },
          { header: 'calls', value: (r) => r.calls },
          { header: 'failed', value: (r) => r.failed },
        ],
        review.costCalls.perDay,
      );
    case 'unexpected':
      return toCsv(
        [
          { header: 'event_source', value: (u) => u.eventSource },
          { header: 'event_name', value: (u) => u.eventName },
          { header: 'iam_action', value: (u) => u.action },
          { header: 's3_bucket', value: (u) => u.bucket },
          { header: 'count', value: (u) => u.count },
          { header: 'failed', value: (u) => u.failed },
          { header: 'rule', value: (u) => u.rule },
          { header: 'first', value: (u) => u.first },
          { header: 'last', value: (u) => u.last },
        ],
        review.unexpected,
      );
    case 'identities':
      return toCsv(
        [
          { header: 'assumer', value: (i) => i.assumer?.arn ?? i.assumer?.name ?? 'unknown (no AssumeRole in the data)' },
          { header: 'assumer_type', value: (i) => (i.assumer ? ASSUMER_LABELS[i.assumer.type] : null) },
          { header: 'sessions', value: (i) => i.sessions },
          { header: 'access_keys', value: (i) => i.accessKeyIds },
          { header: 'calls', value: (i) => i.calls },
          { header: 'failed', value: (i) => i.failed },
          { header: 'first', value: (i) => i.first },
          { header: 'last', value: (i) => i.last },
        ],
        review.identities?.rows ?? [],
      );
  }
}

import { code, sql, type Sql } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';

/**
 * Error codes AWS services return when a caller exceeds a request rate: the availability concern
 * of a vendor polling too hard (its throttling is shared with everyone else calling that API in the
 * account and region). EC2 prefixes its client errors with `Client.` in CloudTrail.
 */
export const THROTTLE_ERROR_CODES = [
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'Client.RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
] as const;

/**
 * `errorcode IN ('ThrottlingException', ...)`, never NULL, with the codes as literals: it is used in SELECT
 * aggregates, where Athena does not accept bound parameters. The codes are our constants, checked
 * to be plain words before they become SQL text.
 */
export function isThrottleError(): Sql {
  for (const c of THROTTLE_ERROR_CODES) if (!/^[A-Za-z.]+$/.test(c)) throw new Error(`Unexpected throttle code ${c}`);
  // coalesce: on a successful call errorcode is NULL, and so is IN; the predicate stays a plain boolean.
  return sql`coalesce(${col.errorCode} IN (${code(THROTTLE_ERROR_CODES.map((c) => `'${c}'`).join(', '))}), FALSE)`;
}

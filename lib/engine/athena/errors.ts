/**
 * AWS SDK errors and failed query executions → `EngineError`s a user can act on.
 *
 * Two sources of failure: the API call itself throws (throttling, missing IAM permission, bad
 * request), or the call succeeds and the query ends FAILED/CANCELLED with a `StateChangeReason` and
 * an `AthenaError` (category 1 system, 2 user, 3 other; type per the Athena error catalog).
 * Permission problems on Glue or S3 show up the second way, so both paths look for them.
 */
import type { QueryExecutionStatus } from '@aws-sdk/client-athena';
import { EngineError, type QueryStats } from '@/lib/engine/types';
import { formatBytes, formatUsd } from '@/lib/format';
import type { SqlParam } from '@/lib/sql/sql';
import { isScanLimitStop } from './cost';

const THROTTLING_NAMES = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'RequestLimitExceeded']);
const ACCESS_DENIED_NAMES = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);
const BAD_CREDENTIALS_NAMES = new Set(['UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException', 'InvalidClientTokenId']);

const ERROR_CATEGORIES: Record<number, string> = { 1: 'system', 2: 'user', 3: 'other' };

export interface ErrorContext {
  queryId?: string;
  sql?: string;
  params?: readonly SqlParam[];
  /** What the query read and costs, once it has a final (or last known) state. */
  stats?: QueryStats;
}

/**
 * One sentence on what a failed or stopped query cost, for its message: people read the message,
 * and a stopped query is billed like a finished one. `final` is false when Athena had not settled
 * the query yet, so the figure is what it had read so far.
 */
/** Ends `text` with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function costNote(stats: QueryStats | undefined, final = true): string {
  if (!stats) return '';
  const bytes = stats.bytesScanned;
  if (stats.costUsd === 0) {
    return ` Not billed: Athena does not charge for failed queries${bytes ? ` (it had read ${formatBytes(bytes)})` : ''}.`;
  }
  if (bytes === null || stats.costUsd === null) return ' Athena bills the data it scanned before the query stopped; it did not say how much.';
  const atLeast = final ? '' : 'at least ';
  return ` It had scanned ${atLeast}${formatBytes(bytes)}${final ? '' : ' when last asked'}, which Athena bills: ${atLeast}${formatUsd(stats.costUsd)}.`;
}

function errorName(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { name?: unknown; Code?: unknown; code?: unknown };
  for (const v of [e.name, e.Code, e.code]) if (typeof v === 'string') return v;
  return undefined;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && typeof (err as { Message?: unknown }).Message === 'string') {
    return (err as { Message: string }).Message;
  }
  return String(err);
}

export function isThrottling(err: unknown): boolean {
  const name = errorName(err);
  return name !== undefined && THROTTLING_NAMES.has(name);
}

/** The IAM action AWS says is missing ("... is not authorized to perform: glue:GetTable on ..."). */
export function missingPermission(message: string): string | undefined {
  return /not authorized to perform:?\s*([a-z0-9-]+:[A-Za-z0-9*]+)/i.exec(message)?.[1];
}

function looksLikeAccessDenied(message: string): boolean {
  return /not authorized to perform|access denied|accessdenied|insufficient permissions|insufficient lake formation permission/i.test(message);
}

function accessDenied(message: string, ctx: ErrorContext, cause: unknown): EngineError {
  const action = missingPermission(message);
  const lead = action
    ? `Athena access denied: the credentials Trailscope uses lack ${action}.`
    : 'Athena access denied: check the IAM permissions in docs/athena.md.';
  return new EngineError(`${lead} AWS said: ${message}`, 'ACCESS_DENIED', { ...ctx, cause });
}

/** Maps an error thrown by an Athena API call. */
export function fromSdkError(err: unknown, ctx: ErrorContext = {}): EngineError {
  if (err instanceof EngineError) return err;
  const name = errorName(err);
  const message = errorMessage(err);
  if (name !== undefined && ACCESS_DENIED_NAMES.has(name)) return accessDenied(message, ctx, err);
  if (isThrottling(err)) {
    return new EngineError(
      `Athena is throttling requests (${message}). Try again shortly, or raise the account's active query quota.`,
      'THROTTLED',
      { ...ctx, cause: err },
    );
  }
  if (name !== undefined && BAD_CREDENTIALS_NAMES.has(name)) {
    return new EngineError(`AWS rejected the credentials Trailscope uses: ${message}`, 'CONFIG', { ...ctx, cause: err });
  }
  if (name === 'CredentialsProviderError' || /could not load credentials|missing credentials|region is missing/i.test(message)) {
    return new EngineError(`AWS is not configured for Athena: ${message}`, 'CONFIG', { ...ctx, cause: err });
  }
  if (name === 'ResourceNotFoundException') {
    return new EngineError(`Athena resource not found (check the workgroup and catalog settings): ${message}`, 'CONFIG', { ...ctx, cause: err });
  }
  if (looksLikeAccessDenied(message)) return accessDenied(message, ctx, err);
  return new EngineError(`Athena request failed: ${message}`, 'QUERY_FAILED', { ...ctx, cause: err });
}

/** Maps a query that ended FAILED or CANCELLED (not cancelled by us), with what it cost when known. */
export function fromFinalStatus(status: QueryExecutionStatus | undefined, ctx: ErrorContext = {}): EngineError {
  const reason = status?.StateChangeReason ?? status?.AthenaError?.ErrorMessage ?? 'no reason given';
  const athenaError = status?.AthenaError;
  const detail =
    athenaError?.ErrorCategory !== undefined
      ? ` [${[
          `Athena error category ${athenaError.ErrorCategory} (${ERROR_CATEGORIES[athenaError.ErrorCategory] ?? 'unknown'})`,
          ...(athenaError.ErrorType === undefined ? [] : [`type ${athenaError.ErrorType}`]),
          ...(athenaError.Retryable ? ['retryable'] : []),
        ].join(', ')}]`
      : '';
  const cost = costNote(ctx.stats);
  if (isScanLimitStop(reason)) {
    return new EngineError(
      `Athena stopped the query at the workgroup's per-query data usage control: ${sentence(reason + detail)}${cost} Narrow the scope time, or raise the workgroup's limit.`,
      'CANCELLED',
      ctx,
    );
  }
  if (status?.State === 'CANCELLED') {
    // We only get here when someone else stopped the query: a person in the console, or the
    // workgroup's per-query data usage control.
    return new EngineError(`Athena cancelled the query: ${sentence(reason + detail)}${cost}`, 'CANCELLED', ctx);
  }
  if (looksLikeAccessDenied(reason)) return accessDenied(`${sentence(reason + detail)}${cost}`, ctx, status);
  return new EngineError(`Athena query failed: ${sentence(reason + detail)}${cost}`, 'QUERY_FAILED', { ...ctx, cause: status });
}

/** The query Trailscope stopped, because the caller went away or the timeout passed, with what it cost. */
export function stoppedByTrailscope(why: 'aborted' | 'timeout', timeoutMs: number, ctx: ErrorContext, final: boolean): EngineError {
  const cost = costNote(ctx.stats, final);
  return why === 'aborted'
    ? new EngineError(`Query cancelled; Trailscope asked Athena to stop it.${cost}`, 'CANCELLED', ctx)
    : new EngineError(
        `Athena query did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped; narrow the time range or raise TRAILSCOPE_ATHENA_TIMEOUT_SECONDS.${cost}`,
        'TIMEOUT',
        ctx,
      );
}

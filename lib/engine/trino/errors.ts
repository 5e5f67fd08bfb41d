/**
 * Trino failures → `EngineError`s a user can act on.
 *
 * Two sources: the HTTP exchange itself fails (server unreachable, TLS not trusted, credentials
 * refused: an axios error from trino-client), or Trino answers with a failed query whose `error`
 * carries an `errorName` (SYNTAX_ERROR, PERMISSION_DENIED, TABLE_NOT_FOUND…) and an `errorType`
 * (USER_ERROR, INTERNAL_ERROR, INSUFFICIENT_RESOURCES, EXTERNAL). Each message says which it was:
 * a query Trino rejected, a permission, a setting, or a server that could not be reached.
 */
import { EngineError } from '@/lib/engine/types';

export interface ErrorContext {
  /** The coordinator's URL (never carries credentials: lib/env.ts refuses them). */
  url: string;
  queryId?: string;
  sql?: string;
}

/** The `error` of a failed query in Trino's client protocol. */
export interface TrinoQueryError {
  message: string;
  errorName: string;
  errorType?: string;
  errorCode?: number;
}

const TABLE_SETTINGS = 'TRAILSCOPE_TRINO_CATALOG, TRAILSCOPE_TRINO_SCHEMA and TRAILSCOPE_TRINO_TABLE';
const NOT_FOUND = new Set(['CATALOG_NOT_FOUND', 'SCHEMA_NOT_FOUND', 'TABLE_NOT_FOUND', 'MISSING_CATALOG_NAME', 'MISSING_SCHEMA_NAME']);
const CANCELLED = new Set(['USER_CANCELED', 'ADMINISTRATIVELY_KILLED', 'ADMINISTRATIVELY_PREEMPTED']);
const TIME_LIMITS = new Set(['EXCEEDED_TIME_LIMIT', 'EXCEEDED_CPU_LIMIT', 'EXCEEDED_SCAN_LIMIT']);
const BUSY = new Set(['QUERY_QUEUE_FULL', 'NO_NODES_AVAILABLE', 'SERVER_STARTING_UP', 'SERVER_SHUTTING_DOWN', 'QUERY_REJECTED', 'TOO_MANY_REQUESTS_FAILED']);
const ACCESS_DENIED_TEXT = /access denied|not authorized|forbidden|permission/i;

/** Maps the `error` of a query Trino ran and failed. */
export function fromQueryError(error: TrinoQueryError, ctx: ErrorContext): EngineError {
  const { errorName: name, message } = error;
  const details = { queryId: ctx.queryId, sql: ctx.sql, cause: error };
  if (name === 'PERMISSION_DENIED') {
    return new EngineError(`Trino denied the query: ${message}. The user Trailscope runs as (TRAILSCOPE_TRINO_USER) needs SELECT on the CloudTrail table.`, 'ACCESS_DENIED', details);
  }
  if (name === 'SYNTAX_ERROR') return new EngineError(`Trino could not parse the query (SYNTAX_ERROR): ${message}`, 'QUERY_FAILED', details);
  if (NOT_FOUND.has(name)) {
    return new EngineError(`Trino cannot find the CloudTrail table (${name}): ${message}. Check ${TABLE_SETTINGS} (docs/trino.md).`, 'CONFIG', details);
  }
  if (name === 'COLUMN_NOT_FOUND') {
    return new EngineError(`The CloudTrail table lacks a column Trailscope reads (${message}); docs/trino.md lists the columns it needs.`, 'QUERY_FAILED', details);
  }
  if (CANCELLED.has(name)) return new EngineError(`Trino cancelled the query (${name}): ${message}`, 'CANCELLED', details);
  if (TIME_LIMITS.has(name)) {
    return new EngineError(`Trino stopped the query at the cluster's limit (${name}): ${message}. Narrow the time range.`, 'TIMEOUT', details);
  }
  if (BUSY.has(name)) return new EngineError(`Trino is busy (${name}): ${message}. Try again shortly.`, 'THROTTLED', details);
  if (error.errorType === 'INSUFFICIENT_RESOURCES') {
    return new EngineError(`Trino ran out of resources for the query (${name}): ${message}. Narrow the time range.`, 'QUERY_FAILED', details);
  }
  // Storage errors (EXTERNAL: the connector reading S3 or HDFS) carry the store's own words.
  if (error.errorType === 'EXTERNAL' && ACCESS_DENIED_TEXT.test(message)) {
    return new EngineError(`Trino could not read the trail's files (${name}): ${message}`, 'ACCESS_DENIED', details);
  }
  return new EngineError(`Trino query failed (${name}): ${message}`, 'QUERY_FAILED', details);
}

/** What an axios error looks like; trino-client surfaces them as they are. */
interface TransportError {
  code?: unknown;
  message?: unknown;
  response?: { status?: unknown; data?: unknown };
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
const HOST_NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN']);
const TLS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|EPROTO/;

function bodyText(data: unknown): string {
  const text = typeof data === 'string' ? data : data === undefined ? '' : JSON.stringify(data);
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}

/** Maps an error thrown by an HTTP exchange with the coordinator. */
export function fromTransportError(err: unknown, ctx: ErrorContext): EngineError {
  if (err instanceof EngineError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as TransportError;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : String(err);
  const status = typeof e.response?.status === 'number' ? e.response.status : undefined;
  const details = { queryId: ctx.queryId, sql: ctx.sql, cause: err };
  const server = `Trino at ${ctx.url}`;

  if (status !== undefined) {
    const said = bodyText(e.response?.data);
    const tail = said ? `: ${said}` : '';
    if (status === 401) {
      return new EngineError(`${server} refused the credentials (HTTP 401)${tail}. Check TRAILSCOPE_TRINO_USER and TRAILSCOPE_TRINO_PASSWORD.`, 'CONFIG', details);
    }
    if (status === 403) return new EngineError(`${server} refused access (HTTP 403)${tail}`, 'ACCESS_DENIED', details);
    if (status === 404) return new EngineError(`${server} has no Trino statement API (HTTP 404): check TRAILSCOPE_TRINO_URL.`, 'CONFIG', details);
    if (status === 429 || status === 502 || status === 503 || status === 504) {
      return new EngineError(`${server} is busy or unavailable (HTTP ${status})${tail}. Try again shortly.`, 'THROTTLED', details);
    }
    return new EngineError(`${server} answered HTTP ${status}${tail}`, 'QUERY_FAILED', details);
  }
  if (HOST_NOT_FOUND.has(code)) {
    return new EngineError(`${server} cannot be reached: host not found (${code}). Check TRAILSCOPE_TRINO_URL.`, 'CONFIG', details);
  }
  if (TLS.test(code)) {
    return new EngineError(
      `TLS with ${server} failed (${code}: ${message}). If its certificate comes from a private CA, set TRAILSCOPE_TRINO_CA_FILE; if the server speaks plain http, the URL must say http://.`,
      'CONFIG',
      details,
    );
  }
  if (UNREACHABLE.has(code) || /socket hang up/i.test(message)) {
    return new EngineError(`${server} is unreachable (${code || message}): is the server running, and is TRAILSCOPE_TRINO_URL right?`, 'QUERY_FAILED', details);
  }
  return new EngineError(`Request to ${server} failed: ${message}`, 'QUERY_FAILED', details);
}

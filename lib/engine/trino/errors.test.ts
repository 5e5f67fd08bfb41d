import { describe, expect, it } from 'vitest';
import { fromQueryError, fromTransportError } from './errors';

const ctx = { url: 'https://trino.example.com:8443', queryId: '20261203_175021_00004_xqdqw', sql: 'SELECT 1' };

describe('fromQueryError', () => {
  // The `error` objects as Trino 476 sends them (captured), less the stack in failureInfo.
  it('tells a rejected query, a permission, a missing table and a busy cluster apart', () => {
    const cases = [
      [{ message: "line 1:1: mismatched input 'SELEC'", errorCode: 1, errorName: 'SYNTAX_ERROR', errorType: 'USER_ERROR' }, 'QUERY_FAILED', /^Trino could not parse the query \(SYNTAX_ERROR\): line 1:1/],
      [{ message: 'Access Denied: Cannot select from table hive.trailscope.cloudtrail_logs', errorCode: 4, errorName: 'PERMISSION_DENIED', errorType: 'USER_ERROR' }, 'ACCESS_DENIED', /Cannot select from table .*TRAILSCOPE_TRINO_USER\) needs SELECT/],
      [{ message: "line 1:15: Schema 'nope' does not exist", errorCode: 45, errorName: 'SCHEMA_NOT_FOUND', errorType: 'USER_ERROR' }, 'CONFIG', /SCHEMA_NOT_FOUND.*Check TRAILSCOPE_TRINO_CATALOG/],
      [{ message: "line 1:8: Column 'nocol' cannot be resolved", errorCode: 47, errorName: 'COLUMN_NOT_FOUND', errorType: 'USER_ERROR' }, 'QUERY_FAILED', /lacks a column Trailscope reads/],
      [{ message: 'Query was canceled', errorCode: 3, errorName: 'USER_CANCELED', errorType: 'USER_ERROR' }, 'CANCELLED', /^Trino cancelled the query/],
      [{ message: 'Query exceeded the maximum execution time limit of 1.00m', errorCode: 131075, errorName: 'EXCEEDED_TIME_LIMIT', errorType: 'INSUFFICIENT_RESOURCES' }, 'TIMEOUT', /cluster's limit.*Narrow the time range/],
      [{ message: 'Too many queued queries for "global"', errorCode: 131078, errorName: 'QUERY_QUEUE_FULL', errorType: 'INSUFFICIENT_RESOURCES' }, 'THROTTLED', /^Trino is busy/],
      [{ message: 'Query exceeded per-node memory limit of 512MB', errorCode: 131079, errorName: 'EXCEEDED_LOCAL_MEMORY_LIMIT', errorType: 'INSUFFICIENT_RESOURCES' }, 'QUERY_FAILED', /ran out of resources/],
      [{ message: 'Error reading from s3://trail/AWSLogs/x.json.gz: Access Denied (Service: S3, Status Code: 403)', errorCode: 16777231, errorName: 'HIVE_CANNOT_OPEN_SPLIT', errorType: 'EXTERNAL' }, 'ACCESS_DENIED', /could not read the trail's files/],
      [{ message: 'Division by zero', errorCode: 8, errorName: 'DIVISION_BY_ZERO', errorType: 'USER_ERROR' }, 'QUERY_FAILED', /^Trino query failed \(DIVISION_BY_ZERO\): Division by zero$/],
    ] as const;
    for (const [error, code, message] of cases) {
      const mapped = fromQueryError(error, ctx);
      expect([mapped.code, mapped.message], error.errorName).toEqual([code, expect.stringMatching(message)]);
      expect(mapped.details).toMatchObject({ queryId: ctx.queryId, sql: ctx.sql });
    }
  });
});

describe('fromTransportError', () => {
  const axiosError = (code: string, message: string, response?: { status: number; data?: unknown }) => Object.assign(new Error(message), { code, isAxiosError: true, response });

  it('names an unreachable server, an unknown host and an untrusted certificate', () => {
    expect(fromTransportError(axiosError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:8443'), ctx)).toMatchObject({
      code: 'QUERY_FAILED',
      message: 'Trino at https://trino.example.com:8443 is unreachable (ECONNREFUSED): is the server running, and is TRAILSCOPE_TRINO_URL right?',
    });
    expect(fromTransportError(axiosError('ENOTFOUND', 'getaddrinfo ENOTFOUND trino.example.com'), ctx)).toMatchObject({ code: 'CONFIG', message: expect.stringMatching(/host not found \(ENOTFOUND\)/) });
    expect(fromTransportError(axiosError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'), ctx)).toMatchObject({
      code: 'CONFIG',
      message: expect.stringMatching(/TLS with Trino .* failed .*TRAILSCOPE_TRINO_CA_FILE/),
    });
  });

  it('reads the HTTP status: credentials, access, a wrong URL, a busy server', () => {
    expect(fromTransportError(axiosError('ERR_BAD_REQUEST', 'Request failed with status code 401', { status: 401, data: 'Unauthorized' }), ctx)).toMatchObject({
      code: 'CONFIG',
      message: 'Trino at https://trino.example.com:8443 refused the credentials (HTTP 401): Unauthorized. Check TRAILSCOPE_TRINO_USER and TRAILSCOPE_TRINO_PASSWORD.',
    });
    expect(fromTransportError(axiosError('ERR_BAD_REQUEST', 'x', { status: 403, data: '<html><body><h1>Forbidden</h1></body></html>' }), ctx)).toMatchObject({
      code: 'ACCESS_DENIED',
      message: 'Trino at https://trino.example.com:8443 refused access (HTTP 403): Forbidden',
    });
    expect(fromTransportError(axiosError('ERR_BAD_REQUEST', 'x', { status: 404 }), ctx).code).toBe('CONFIG');
    expect(fromTransportError(axiosError('ERR_BAD_RESPONSE', 'x', { status: 503, data: '' }), ctx)).toMatchObject({ code: 'THROTTLED', message: expect.stringMatching(/is busy or unavailable \(HTTP 503\)\. Try again shortly\.$/) });
    expect(fromTransportError(axiosError('ERR_BAD_RESPONSE', 'x', { status: 500, data: 'x'.repeat(500) }), ctx).message).toMatch(/answered HTTP 500: x{200}…$/);
  });

  it('falls back to the error message', () => {
    expect(fromTransportError(new Error('boom'), ctx)).toMatchObject({ code: 'QUERY_FAILED', message: 'Request to Trino at https://trino.example.com:8443 failed: boom' });
  });
});

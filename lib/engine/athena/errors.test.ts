import { TooManyRequestsException, InvalidRequestException } from '@aws-sdk/client-athena';
import { describe, expect, it } from 'vitest';
import { EngineError } from '@/lib/engine/types';
import { fromFinalStatus, fromSdkError, isThrottling, missingPermission } from './errors';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('fromSdkError', () => {
  it('maps throttling by exception name', () => {
    const err = new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} });
    expect(isThrottling(err)).toBe(true);
    expect(isThrottling(named('ThrottlingException', 'slow down'))).toBe(true);
    expect(fromSdkError(err).code).toBe('THROTTLED');
  });

  it('names the missing permission on access denied', () => {
    const e = fromSdkError(
      named(
        'AccessDeniedException',
        'User: arn:aws:iam::111122223333:user/t is not authorized to perform: athena:StartQueryExecution on resource: arn:aws:athena:us-east-1:111122223333:workgroup/primary',
      ),
      { sql: 'SELECT 1' },
    );
    expect(e.code).toBe('ACCESS_DENIED');
    expect(e.message).toContain('lack athena:StartQueryExecution');
    expect(e.details?.sql).toBe('SELECT 1');
  });

  it('says what to check when AWS does not name the permission', () => {
    const e = fromSdkError(named('AccessDeniedException', 'Access denied'));
    expect(e.code).toBe('ACCESS_DENIED');
    expect(e.message).toContain('docs/athena.md');
  });

  it('treats credential and resource problems as configuration', () => {
    expect(fromSdkError(named('CredentialsProviderError', 'Could not load credentials from any providers')).code).toBe('CONFIG');
    expect(fromSdkError(named('UnrecognizedClientException', 'The security token included in the request is invalid.')).code).toBe('CONFIG');
    expect(fromSdkError(named('ResourceNotFoundException', 'WorkGroup nope is not found')).code).toBe('CONFIG');
  });

  it('maps anything else to QUERY_FAILED and passes EngineErrors through', () => {
    const invalid = new InvalidRequestException({ message: 'line 1:8: mismatched input', $metadata: {} });
    expect(fromSdkError(invalid).code).toBe('QUERY_FAILED');
    const engine = new EngineError('x', 'TIMEOUT');
    expect(fromSdkError(engine)).toBe(engine);
  });
});

describe('fromFinalStatus', () => {
  it('includes the reason and the Athena error category and type', () => {
    const e = fromFinalStatus(
      {
        State: 'FAILED',
        StateChangeReason: "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved",
        AthenaError: { ErrorCategory: 2, ErrorType: 1006, Retryable: false, ErrorMessage: 'x' },
      },
      { queryId: 'q-1' },
    );
    expect(e.code).toBe('QUERY_FAILED');
    expect(e.message).toContain("Column 'nope' cannot be resolved");
    expect(e.message).toContain('category 2 (user), type 1006');
    expect(e.details?.queryId).toBe('q-1');
  });

  it('recognises Glue and S3 permission failures reported as FAILED queries', () => {
    const e = fromFinalStatus({
      State: 'FAILED',
      StateChangeReason:
        'Insufficient permissions to execute the query. User: arn:aws:sts::111122223333:assumed-role/ts/x is not authorized to perform: glue:GetTable on resource: arn:aws:glue:us-east-1:111122223333:catalog',
    });
    expect(e.code).toBe('ACCESS_DENIED');
    expect(e.message).toContain('lack glue:GetTable');
    expect(fromFinalStatus({ State: 'FAILED', StateChangeReason: 'Access Denied (Service: Amazon S3; Status Code: 403)' }).code).toBe(
      'ACCESS_DENIED',
    );
  });

  it('reports a query cancelled by someone else (e.g. a workgroup data limit) as CANCELLED', () => {
    const e = fromFinalStatus({ State: 'CANCELLED', StateChangeReason: 'Query exhausted the bytes scanned limit' });
    expect(e.code).toBe('CANCELLED');
    expect(e.message).toContain('bytes scanned limit');
  });

  it('extracts IAM actions from AWS messages', () => {
    expect(missingPermission('is not authorized to perform: s3:GetObject on resource')).toBe('s3:GetObject');
    expect(missingPermission('nothing here')).toBeUndefined();
  });
});

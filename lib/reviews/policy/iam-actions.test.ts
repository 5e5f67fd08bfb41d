import { describe, expect, it } from 'vitest';
import { eventSourceOf, iamActionOf, needsNoPermission, servicePrefixOf } from './iam-actions';

describe('CloudTrail calls as IAM actions', () => {
  it('uses the IAM prefix, not the endpoint, where they differ', () => {
    expect(servicePrefixOf('monitoring.amazonaws.com')).toBe('cloudwatch');
    expect(servicePrefixOf('ec2.amazonaws.com')).toBe('ec2');
    expect(eventSourceOf('cloudwatch')).toBe('monitoring.amazonaws.com');
    expect(eventSourceOf('s3')).toBe('s3.amazonaws.com');
  });
  it('drops Lambda’s API version and renames S3 APIs to the action that authorises them', () => {
    expect(iamActionOf('lambda.amazonaws.com', 'ListFunctions20150331')).toBe('lambda:ListFunctions');
    expect(iamActionOf('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2')).toBe('lambda:UpdateFunctionCode');
    expect(iamActionOf('s3.amazonaws.com', 'ListObjects')).toBe('s3:ListBucket');
    expect(iamActionOf('s3.amazonaws.com', 'ListBuckets')).toBe('s3:ListAllMyBuckets');
    expect(iamActionOf('s3.amazonaws.com', 'GetObject')).toBe('s3:GetObject');
    expect(iamActionOf('ce.amazonaws.com', 'GetCostAndUsage')).toBe('ce:GetCostAndUsage');
  });
  it('knows the calls that need no permission', () => {
    expect(needsNoPermission('sts:GetCallerIdentity')).toBe(true);
    expect(needsNoPermission('sts:AssumeRole')).toBe(false);
  });

  it('treats names of Object.prototype members as plain names', () => {
    expect(servicePrefixOf('constructor')).toBe('constructor');
    expect(servicePrefixOf('__proto__')).toBe('__proto__');
    expect(eventSourceOf('toString')).toBe('toString.amazonaws.com');
    expect(iamActionOf('s3.amazonaws.com', 'constructor')).toBe('s3:constructor');
    expect(iamActionOf('s3.amazonaws.com', '__proto__')).toBe('s3:__proto__');
  });
});

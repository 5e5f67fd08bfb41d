import { describe, expect, it } from 'vitest';
import { globMatches } from '@/lib/reviews/policy/glob';
import { flagUnexpected, NOT_EXPECTED, parseExpectedActionsText, READ_ONLY_VENDOR_DEFAULTS, unexpectedRule, type ObservedCall } from './expected-actions';

const call = (eventSource: string, eventName: string, bucket: string | null = null, success = 3, failed = 0): ObservedCall => ({
  eventSource,
  eventName,
  bucket,
  success,
  failed,
  first: '2026-11-01T00:00:00Z',
  last: '2026-11-02T00:00:00Z',
});

describe('IAM-style globs', () => {
  it('matches * and ? case-insensitively, and nothing else specially', () => {
    expect(globMatches('ec2:Describe*', 'ec2:DescribeInstances')).toBe(true);
    expect(globMatches('ec2:Describe*', 'EC2:describeinstances')).toBe(true);
    expect(globMatches('ec2:Describe*', 'ec2:RunInstances')).toBe(false);
    expect(globMatches('iam:Get*CredentialReport', 'iam:GetCredentialReport')).toBe(true);
    expect(globMatches('s3:Get?bject', 's3:GetObject')).toBe(true);
    expect(globMatches('*:*', 'ce:GetCostAndUsage')).toBe(true);
    // Regex characters in the glob are literal.
    expect(globMatches('a.b', 'axb')).toBe(false);
    expect(globMatches('(x)+', '(x)+')).toBe(true);
  });
});

describe('expected actions', () => {
  it('flags with the deny rule first, even when a broad pattern expects the call', () => {
    expect(unexpectedRule(READ_ONLY_VENDOR_DEFAULTS, 'iam:GenerateCredentialReport', null)).toBe('!iam:Generate*');
    expect(unexpectedRule(READ_ONLY_VENDOR_DEFAULTS, 'iam:GetCredentialReport', null)).toBe('!iam:Get*CredentialReport');
    expect(unexpectedRule(READ_ONLY_VENDOR_DEFAULTS, 'secretsmanager:GetSecretValue', null)).toBe('!secretsmanager:GetSecretValue');
    expect(unexpectedRule(READ_ONLY_VENDOR_DEFAULTS, 'ec2:DescribeInstances', null)).toBeNull();
    expect(unexpectedRule(READ_ONLY_VENDOR_DEFAULTS, 'cloudwatch:GetMetricData', null)).toBeNull();
    expect(unexpectedRule(READ_ONLY_VENDOR_DEFAULTS, 'ec2:RunInstances', null)).toBe(NOT_EXPECTED);
  });

  it('applies @bucket patterns to that bucket only', () => {
    expect(unexpectedRule(READ_ONLY_VENDOR_DEFAULTS, 's3:GetObject', 'MySensitiveBucket')).toBe('!s3:GetObject@*sensitive*');
    expect(unexpectedRule(READ_ONLY_VENDOR_DEFAULTS, 's3:GetObject', 'public-assets')).toBeNull();
    expect(unexpectedRule(['s3:GetObject@reports-*'], 's3:GetObject', 'reports-2026')).toBeNull();
    expect(unexpectedRule(['s3:GetObject@reports-*'], 's3:GetObject', 'payroll')).toBe(NOT_EXPECTED);
    expect(unexpectedRule(['s3:GetObject@reports-*'], 's3:GetObject', null)).toBe(NOT_EXPECTED);
  });

  it('maps CloudTrail names to IAM actions before matching, and counts denied attempts', () => {
    const flagged = flagUnexpected(
      [
        call('monitoring.amazonaws.com', 'GetMetricData'),
        call('iam.amazonaws.com', 'GenerateCredentialReport', null, 1, 0),
        call('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', null, 0, 2),
        call('s3.amazonaws.com', 'GetObject', 'MySensitiveBucket', 40),
      ],
      ['cloudwatch:GetMetricData', 'iam:Generate*', '!iam:GenerateCredentialReport', 's3:*'],
    );
    expect(flagged.map((f) => [f.action, f.count, f.rule])).toEqual([
      ['lambda:UpdateFunctionCode', 2, NOT_EXPECTED],
      ['iam:GenerateCredentialReport', 1, '!iam:GenerateCredentialReport'],
    ]);
  });

  it('reads a file of lines, a JSON list or a policy document, and names a bad line', () => {
    expect(parseExpectedActionsText('# vendor\nec2:Describe*\n\n!iam:Generate*  # never\n')).toEqual({ ok: true, patterns: ['ec2:Describe*', '!iam:Generate*'] });
    expect(parseExpectedActionsText('["ce:*","ce:*"]')).toEqual({ ok: true, patterns: ['ce:*'] });
    expect(
      parseExpectedActionsText(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*', '*'] }, { Effect: 'Deny', Action: 'iam:*' }] })),
    ).toEqual({ ok: true, patterns: ['ec2:Describe*', '*:*', '!iam:*'] });
    const bad = parseExpectedActionsText('ec2:Describe*\nDROP TABLE users;');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^line 2:/);
    expect(parseExpectedActionsText('{ not json').ok).toBe(false);
    expect(parseExpectedActionsText(Array.from({ length: 201 }, (_, i) => `ec2:A${i}`).join('\n')).ok).toBe(false);
  });
});

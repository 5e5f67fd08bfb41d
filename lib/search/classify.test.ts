import { describe, expect, it } from 'vitest';
import { fitsBoundLiteral } from '@/lib/sql/bound-limit';
import { classifySearch, MAX_QUERY_LENGTH, type SearchKind } from './classify';

describe('classifySearch: every kind of input', () => {
  it.each([
    ['arn:aws:iam::123456789012:role/DemoRole1', { kind: 'role', roleArn: 'arn:aws:iam::123456789012:role/DemoRole1' }],
    [
      'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5',
      { kind: 'role', roleArn: 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5' },
    ],
    [
      'arn:aws:sts::123456789012:assumed-role/DemoRole1/sara',
      { kind: 'assumed-role-arn', arn: 'arn:aws:sts::123456789012:assumed-role/DemoRole1/sara', accountId: '123456789012', roleName: 'DemoRole1', sessionName: 'sara' },
    ],
    [
      'arn:aws-us-gov:sts::123456789012:assumed-role/GitlabRunnerRole/i-0931dbf6baafa5c2e',
      { kind: 'assumed-role-arn', arn: 'arn:aws-us-gov:sts::123456789012:assumed-role/GitlabRunnerRole/i-0931dbf6baafa5c2e', accountId: '123456789012', roleName: 'GitlabRunnerRole', sessionName: 'i-0931dbf6baafa5c2e' },
    ],
    ['AROAGMFS4MS4L2EGNLIPQ:sara', { kind: 'role-session', sessionId: 'AROAGMFS4MS4L2EGNLIPQ:sara' }],
    ['AROAGMFS4MS4L2EGNLIPQ:sara@example.com', { kind: 'role-session', sessionId: 'AROAGMFS4MS4L2EGNLIPQ:sara@example.com' }],
    ['AROAGMFS4MS4L2EGNLIPQ', { kind: 'role-id', roleId: 'AROAGMFS4MS4L2EGNLIPQ' }],
    ['arn:aws:iam::444455556666:user/acme-collector', { kind: 'user', arn: 'arn:aws:iam::444455556666:user/acme-collector' }],
    ['arn:aws:iam::444455556666:user/ops/acme-collector', { kind: 'user', arn: 'arn:aws:iam::444455556666:user/ops/acme-collector' }],
    ['arn:aws:iam::111122223333:root', { kind: 'user', arn: 'arn:aws:iam::111122223333:root' }],
    ['arn:aws:sts::111122223333:federated-user/bob', { kind: 'user', arn: 'arn:aws:sts::111122223333:federated-user/bob' }],
    ['AIDACD5WHJ6TSCKZDUIAM', { kind: 'user-id', userId: 'AIDACD5WHJ6TSCKZDUIAM' }],
    ['AKIAIOSFODNN7EXAMPLE', { kind: 'access-key', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }],
    ['ASIAGYIUDRGDIR6VGAER', { kind: 'access-key', accessKeyId: 'ASIAGYIUDRGDIR6VGAER' }],
    ['18.184.7.93', { kind: 'ip', ip: '18.184.7.93' }],
    ['10.0.12.7', { kind: 'ip', ip: '10.0.12.7' }],
    ['2600:1f18:abcd::1', { kind: 'ip', ip: '2600:1f18:abcd::1' }],
    ['ec2.amazonaws.com', { kind: 'service', name: 'ec2.amazonaws.com' }],
    ['EC2.AmazonAWS.com', { kind: 'service', name: 'ec2.amazonaws.com' }],
    ['ecs-tasks.amazonaws.com', { kind: 'service', name: 'ecs-tasks.amazonaws.com' }],
    ['123456789012', { kind: 'account', accountId: '123456789012' }],
    ['sara', { kind: 'session-name', sessionName: 'sara' }],
    ['botocore-session-1789092452', { kind: 'session-name', sessionName: 'botocore-session-1789092452' }],
    ['i-0931dbf6baafa5c2e', { kind: 'session-name', sessionName: 'i-0931dbf6baafa5c2e' }],
    ['arn:aws:s3:::my-bucket', { kind: 'other-arn', arn: 'arn:aws:s3:::my-bucket' }],
    ['arn:aws:iam::123456789012:group/admins', { kind: 'other-arn', arn: 'arn:aws:iam::123456789012:group/admins' }],
  ] as const)('%s', (input, expected) => {
    expect(classifySearch(input)).toEqual(expected);
  });

  it('trims what was pasted around the value', () => {
    expect(classifySearch('  \tarn:aws:iam::123456789012:role/DemoRole1\n')).toEqual({ kind: 'role', roleArn: 'arn:aws:iam::123456789012:role/DemoRole1' });
  });

  it('an empty or blank box is empty', () => {
    expect(classifySearch('')).toEqual({ kind: 'empty' });
    expect(classifySearch('   ')).toEqual({ kind: 'empty' });
  });

  it('shapes that overlap resolve to the more specific kind', () => {
    // All of these are also valid session names.
    const kinds: [string, SearchKind][] = [
      ['AKIAIOSFODNN7EXAMPLE', 'access-key'],
      ['AROAGMFS4MS4L2EGNLIPQ', 'role-id'],
      ['AIDACD5WHJ6TSCKZDUIAM', 'user-id'],
      ['123456789012', 'account'],
      ['1.2.3.4', 'ip'],
      ['ec2.amazonaws.com', 'service'],
      // Not 12 digits, not an IP: only a session name.
      ['12345678901', 'session-name'],
      ['1.2.3.256', 'session-name'],
      // Lower-case ids are not ids.
      ['akiaiosfodnn7example', 'session-name'],
    ];
    for (const [input, kind] of kinds) expect(classifySearch(input).kind, input).toBe(kind);
  });
});

describe('classifySearch: hostile and malformed input', () => {
  it.each([
    "' OR 1=1 --",
    "sara'; DROP TABLE cloudtrail_logs; --",
    '<script>alert(1)</script>',
    'sara\u0000',
    'sara\nAKIAIOSFODNN7EXAMPLE',
    'DemoRole1 sara',
    'sarа', // Cyrillic а
    '../../etc/passwd',
    '%27%20OR%201%3D1',
    '${jndi:ldap://x}',
    'a',
    'x'.repeat(65),
  ])('%j is not something to look up', (input) => {
    expect(classifySearch(input).kind).toBe('unrecognised');
  });

  it('a malformed ARN says so', () => {
    expect(classifySearch('arn:aws:iam::12345:role/x')).toEqual({ kind: 'unrecognised', reason: expect.stringContaining('ARN') });
    expect(classifySearch("arn:aws:iam::123456789012:role/x'--")).toMatchObject({ kind: 'unrecognised' });
    expect(classifySearch('arn:')).toMatchObject({ kind: 'unrecognised' });
  });

  it('a role session id with characters STS never allows is not one', () => {
    expect(classifySearch('AROAGMFS4MS4L2EGNLIPQ:sa/ra').kind).toBe('unrecognised');
    expect(classifySearch('AROAGMFS4MS4L2EGNLIPQ:').kind).toBe('unrecognised');
  });

  it('an assumed-role ARN with a path-like session is not a session ARN', () => {
    expect(classifySearch('arn:aws:sts::123456789012:assumed-role/DemoRole1/sara/extra').kind).toBe('other-arn');
  });

  it('refuses anything longer than any ARN', () => {
    expect(classifySearch(`arn:aws:iam::123456789012:role/${'a'.repeat(MAX_QUERY_LENGTH)}`)).toEqual({ kind: 'unrecognised', reason: expect.stringContaining('longer') });
  });

  it('recognises only what a lookup can bind on Athena (issue 12, defect 6)', () => {
    const user = (n: number) => `arn:aws:iam::123456789012:user/${'a'.repeat(n - 'arn:aws:iam::123456789012:user/'.length)}`;
    const longest = classifySearch(user(MAX_QUERY_LENGTH));
    expect(longest.kind).toBe('user');
    expect(longest.kind === 'user' && fitsBoundLiteral(longest.arn)).toBe(true);
    expect(classifySearch(user(MAX_QUERY_LENGTH + 1))).toEqual({ kind: 'unrecognised', reason: `it is longer than ${MAX_QUERY_LENGTH} characters` });
  });

  it('never throws, whatever it is given', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = 'arn:aws-iam/stsAROAIDAKIASIA0123456789.:_-@=+,% \'"\\;<>\u0000\u00e9\u{1F600}';
    const chars = [...alphabet];
    for (let i = 0; i < 2000; i++) {
      const input = Array.from({ length: next() % 80 }, () => chars[next() % chars.length]).join('');
      expect(() => classifySearch(input)).not.toThrow();
    }
  });
});

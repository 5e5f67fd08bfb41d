import { describe, expect, it } from 'vitest';
import type { Assumer, Assumption } from '@/lib/attribution/types';
import { MAX_SCOPE_MS } from '@/lib/params/scope';
import { keyKind, principalIdsOf, summariseAccessKeys } from './access-keys';
import { extentEventsHref, ipProfileHref } from './profile-links';
import { ipPrincipal, ipPrincipalList } from './ip-principals';
import { ipParam, serviceNameParam, userArnParam } from './params';
import type { IpPrincipalRow } from './queries/ip-principals';
import type { UserKeyRow } from './queries/user-access-keys';
import { rolesAssumed } from './roles-assumed';
import { parseUserArn } from './user-arn';

const scope = { from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' };
const qs = 'from=2026-11-18T09%3A00%3A00Z&to=2026-11-18T11%3A00%3A00Z';

describe('user ARNs', () => {
  it.each([
    ['arn:aws:iam::444455556666:user/acme-collector', { kind: 'iam-user', accountId: '444455556666', name: 'acme-collector' }],
    ['arn:aws:iam::444455556666:user/ops/eu/acme-collector', { kind: 'iam-user', accountId: '444455556666', name: 'acme-collector' }],
    ['arn:aws:iam::111122223333:root', { kind: 'root', accountId: '111122223333', name: 'root' }],
    ['arn:aws-cn:sts::111122223333:federated-user/bob', { kind: 'federated-user', accountId: '111122223333', name: 'bob' }],
  ] as const)('%s', (arn, expected) => expect(parseUserArn(arn)).toEqual(expected));

  it.each(['arn:aws:iam::123456789012:role/DemoRole1', 'arn:aws:sts::123456789012:assumed-role/DemoRole1/sara', 'arn:aws:iam::123456789012:user/', 'acme-collector'])(
    '%s is not a user',
    (arn) => expect(parseUserArn(arn)).toBeNull(),
  );
});

describe('path parameters', () => {
  it('decode what lib/links encoded', () => {
    expect(userArnParam.parse(encodeURIComponent('arn:aws:iam::111122223333:root'))).toBe('arn:aws:iam::111122223333:root');
    expect(ipParam.parse(encodeURIComponent('2600:1f18::1'))).toBe('2600:1f18::1');
    expect(serviceNameParam.parse('ec2.amazonaws.com')).toBe('ec2.amazonaws.com');
  });

  it('name what is wrong, including a broken escape', () => {
    const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;
    expect(message(userArnParam.safeParse('%E0%A4%A'))).toBe('is not a valid URL-encoded value');
    expect(message(userArnParam.safeParse(encodeURIComponent('arn:aws:iam::123456789012:role/DemoRole1')))).toContain('must be an IAM user, root or federated user ARN');
    expect(message(userArnParam.safeParse('alice'))).toContain('must be an AWS ARN');
    expect(message(ipParam.safeParse(encodeURIComponent("1.2.3.4' OR 1=1")))).toContain('must be an IP address');
    expect(message(serviceNameParam.safeParse('ec2.example.com'))).toContain('service principal');
    expect(message(serviceNameParam.safeParse('EC2.amazonaws.com'))).toContain('service principal');
  });
});

describe('access keys', () => {
  const row = (over: Partial<UserKeyRow>): UserKeyRow => ({
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    principalId: 'AIDACD5WHJ6TSCKZDUIAM',
    sourceIp: '18.184.7.93',
    fromConsole: false,
    sessionCreated: null,
    mfa: null,
    events: 1,
    failed: 0,
    firstSeen: '2026-11-18T09:00:00Z',
    lastSeen: '2026-11-18T09:00:00Z',
    ...over,
  });

  it('tells the kinds apart', () => {
    expect(keyKind('AKIAIOSFODNN7EXAMPLE', false)).toBe('long-term');
    expect(keyKind('ASIAGYIUDRGDIR6VGAER', true)).toBe('console-session');
    expect(keyKind('ASIAGYIUDRGDIR6VGAER', false)).toBe('temporary');
    expect(keyKind(null, false)).toBe('no-key');
    expect(keyKind('ABIAGYIUDRGDIR6VGAER', false)).toBe('other');
  });

  it('folds a key’s addresses into one line, busiest address first, newest key first', () => {
    const keys = summariseAccessKeys([
      row({ sourceIp: '3.120.181.40', events: 2, failed: 1, firstSeen: '2026-11-18T09:10:00Z', lastSeen: '2026-11-18T09:20:00Z' }),
      row({ sourceIp: '18.184.7.93', events: 5, firstSeen: '2026-11-18T09:05:00Z', lastSeen: '2026-11-18T09:15:00Z' }),
      row({ accessKeyId: 'ASIAGYIUDRGDIR6VGAER', fromConsole: true, mfa: true, sessionCreated: '2026-11-18T09:59:00Z', lastSeen: '2026-11-18T10:30:00Z', firstSeen: '2026-11-18T10:00:00Z' }),
      row({ accessKeyId: null, sourceIp: null, lastSeen: '2026-11-18T09:59:00Z' }),
    ]);
    expect(keys.map((k) => [k.accessKeyId, k.kind])).toEqual([
      ['ASIAGYIUDRGDIR6VGAER', 'console-session'],
      [null, 'no-key'],
      ['AKIAIOSFODNN7EXAMPLE', 'long-term'],
    ]);
    expect(keys[2]).toMatchObject({ events: 7, failed: 1, firstSeen: '2026-11-18T09:05:00Z', lastSeen: '2026-11-18T09:20:00Z', sourceIps: ['18.184.7.93', '3.120.181.40'] });
    expect(keys[0]).toMatchObject({ mfa: true, sessionCreated: '2026-11-18T09:59:00Z' });
    expect(keys[1]?.sourceIps).toEqual([]);
  });

  it('collects the principal ids behind the rows', () => {
    expect(principalIdsOf([row({}), row({ principalId: null }), row({ sourceIp: 'x' })])).toEqual(['AIDACD5WHJ6TSCKZDUIAM']);
  });
});

describe('roles assumed', () => {
  const service: Assumer = { type: 'aws-service', key: 'service:ec2.amazonaws.com', name: 'ec2.amazonaws.com', arn: null, principalId: null, accountId: null, roleArn: null, provider: null };
  const assumption = (over: Partial<Assumption>): Assumption => ({
    roleArn: 'arn:aws:iam::123456789012:role/GitlabRunnerRole',
    sessionName: 'i-0931dbf6baafa5c2e',
    assumedRoleId: null,
    accessKeyId: null,
    issuedAt: '2026-11-18T09:00:00Z',
    expiresAt: null,
    assumer: service,
    sourceIdentity: null,
    externalIdUsed: false,
    sourceIp: 'ec2.amazonaws.com',
    userAgent: 'ec2.amazonaws.com',
    callerMfa: null,
    eventName: 'AssumeRole',
    evidenceEventIds: ['e'],
    accounts: ['123456789012'],
    crossAccount: false,
    ...over,
  });

  it('groups by role and session, and names sessions the response left unnamed by the role’s id', () => {
    const roles = rolesAssumed([
      assumption({ assumedRoleId: 'AROAPSQKQORVA7V4TQVH3:i-0931dbf6baafa5c2e', issuedAt: '2026-11-18T09:00:00Z' }),
      assumption({ issuedAt: '2026-11-18T15:00:00Z' }),
      assumption({ sessionName: 'i-00a145339a2a23688', issuedAt: '2026-11-18T12:00:00Z' }),
      assumption({ roleArn: 'arn:aws:iam::123456789012:role/web-ec2-role', sessionName: 'i-1', issuedAt: '2026-11-18T10:00:00Z' }),
    ]);
    expect(roles.map((r) => [r.roleArn, r.count])).toEqual([
      ['arn:aws:iam::123456789012:role/GitlabRunnerRole', 3],
      ['arn:aws:iam::123456789012:role/web-ec2-role', 1],
    ]);
    expect(roles[0]).toMatchObject({ roleAccountId: '123456789012', first: '2026-11-18T09:00:00Z', last: '2026-11-18T15:00:00Z', crossAccount: false, eventNames: ['AssumeRole'] });
    expect(roles[0]?.sessions).toEqual([
      { sessionId: 'AROAPSQKQORVA7V4TQVH3:i-0931dbf6baafa5c2e', sessionName: 'i-0931dbf6baafa5c2e', count: 2 },
      { sessionId: 'AROAPSQKQORVA7V4TQVH3:i-00a145339a2a23688', sessionName: 'i-00a145339a2a23688', count: 1 },
    ]);
    // No response of that role named a session: no id to guess from.
    expect(roles[1]?.sessions[0]?.sessionId).toBeNull();
  });

  it('does not guess a session id when the role’s responses disagree (a re-created role)', () => {
    const roles = rolesAssumed([
      assumption({ assumedRoleId: 'AROAOLDOLDOLDOLDOLD01:a', sessionName: 'a' }),
      assumption({ assumedRoleId: 'AROANEWNEWNEWNEWNEW01:b', sessionName: 'b' }),
      assumption({ sessionName: 'c' }),
    ]);
    expect(roles[0]?.sessions.find((s) => s.sessionName === 'c')?.sessionId).toBeNull();
  });

  it('marks a role when any call crossed accounts', () => {
    expect(rolesAssumed([assumption({}), assumption({ crossAccount: true })])[0]?.crossAccount).toBe(true);
  });
});

describe('IP principals', () => {
  const row = (over: Partial<IpPrincipalRow>): IpPrincipalRow => ({
    type: 'IAMUser',
    arn: null,
    principalId: null,
    roleArn: null,
    service: null,
    userName: null,
    accountId: '444455556666',
    events: 4,
    failed: 1,
    firstSeen: '2026-11-18T09:00:00Z',
    lastSeen: '2026-11-18T10:00:00Z',
    ...over,
  });

  it('links each kind to its profile and selects it on /events', () => {
    const user = ipPrincipal(row({ arn: 'arn:aws:iam::444455556666:user/acme-collector', principalId: 'AIDACD5WHJ6TSCKZDUIAM', userName: 'acme-collector' }), scope);
    expect(user).toMatchObject({ label: 'acme-collector', typeLabel: 'IAM user', eventsPrincipal: 'arn:aws:iam::444455556666:user/acme-collector' });
    expect(user.profileHref).toBe(`/users/${encodeURIComponent('arn:aws:iam::444455556666:user/acme-collector')}?${qs}`);

    const session = ipPrincipal(
      row({ type: 'AssumedRole', arn: 'arn:aws:sts::123456789012:assumed-role/VendorReadOnly/AcmeMonitoring', principalId: 'AROAGZQVTOLD4ZYJDB2CX:AcmeMonitoring', roleArn: 'arn:aws:iam::123456789012:role/VendorReadOnly' }),
      scope,
    );
    expect(session).toMatchObject({ label: 'VendorReadOnly/AcmeMonitoring', typeLabel: 'role session', eventsPrincipal: 'AROAGZQVTOLD4ZYJDB2CX:AcmeMonitoring', profileHref: `/role-sessions/AROAGZQVTOLD4ZYJDB2CX%3AAcmeMonitoring?${qs}` });

    const ec2 = ipPrincipal(row({ type: 'AWSService', service: 'ec2.amazonaws.com', accountId: null }), scope);
    expect(ec2).toMatchObject({ label: 'ec2.amazonaws.com', typeLabel: 'AWS service', eventsPrincipal: 'ec2.amazonaws.com', profileHref: `/services/ec2.amazonaws.com?${qs}` });

    const root = ipPrincipal(row({ type: 'Root', arn: 'arn:aws:iam::111122223333:root', principalId: '111122223333', accountId: '111122223333' }), scope);
    expect(root).toMatchObject({ label: 'root (111122223333)', typeLabel: 'root user' });
  });

  it('folds the role account’s copies into the caller they name, and keeps copies whose caller is absent', () => {
    const user = row({ arn: 'arn:aws:iam::444455556666:user/acme-collector', principalId: 'AIDACD5WHJ6TSCKZDUIAM', events: 4 });
    const copy = row({ type: 'AWSAccount', principalId: 'AIDACD5WHJ6TSCKZDUIAM', events: 4 });
    const orphan = row({ type: 'AWSAccount', principalId: 'AROAX76X64MB3JLDMBBOS:GitHubActions', accountId: '210987654321', events: 2 });
    const list = ipPrincipalList([user, copy, orphan], scope);
    expect(list.map((p) => [p.label, p.events, p.roleAccountCopies])).toEqual([
      ['acme-collector', 4, 4],
      ['AROAX76X64MB3JLDMBBOS:GitHubActions in 210987654321', 2, 0],
    ]);
  });

  it('identities without a profile still drill down where /events can select them', () => {
    const copy = ipPrincipal(row({ type: 'AWSAccount', principalId: 'AIDACD5WHJ6TSCKZDUIAM' }), scope);
    expect(copy).toMatchObject({ label: 'AIDACD5WHJ6TSCKZDUIAM in 444455556666', typeLabel: 'another account', profileHref: null, eventsPrincipal: 'AIDACD5WHJ6TSCKZDUIAM' });
    const saml = ipPrincipal(row({ type: 'SAMLUser', principalId: 'hJOwHaXN9enbyF6PMmgpaBvSm+3=:sara', userName: 'sara' }), scope);
    expect(saml).toMatchObject({ label: 'sara', typeLabel: 'SAML user', profileHref: null, eventsPrincipal: 'hJOwHaXN9enbyF6PMmgpaBvSm+3=:sara' });
    const idc = ipPrincipal(row({ type: 'IdentityCenterUser', accountId: null }), scope);
    expect(idc).toMatchObject({ label: 'Identity Center user', profileHref: null, eventsPrincipal: null });
  });
});

describe('extent events link', () => {
  it('opens exactly first to last observed, end exclusive', () => {
    expect(extentEventsHref({ first: '2026-09-11T08:25:23Z', last: '2026-11-16T17:32:07Z' }, { principal: 'arn:aws:iam::123456789012:user/hmueller' })).toBe(
      `/events?from=2026-09-11T08%3A25%3A23Z&to=2026-11-16T17%3A32%3A08Z&principal=${encodeURIComponent('arn:aws:iam::123456789012:user/hmueller')}`,
    );
    expect(extentEventsHref({ first: null, last: null }, { ip: '1.2.3.4' })).toBeNull();
  });

  it('never asks /events for more than a year', () => {
    const link = extentEventsHref({ first: '2024-01-01T00:00:00Z', last: '2026-01-01T00:00:00Z' }, { ip: '1.2.3.4' }) ?? '';
    const p = new URL(link, 'http://x').searchParams;
    expect(Date.parse(p.get('to') ?? '') - Date.parse(p.get('from') ?? '')).toBe(MAX_SCOPE_MS);
  });
});

describe('IP profile links', () => {
  it('link addresses and service names, not what the IP profile cannot take', () => {
    expect(ipProfileHref('18.184.7.93', scope)).toBe(`/ips/18.184.7.93?${qs}`);
    expect(ipProfileHref('ec2.amazonaws.com', scope)).toBe(`/ips/ec2.amazonaws.com?${qs}`);
    expect(ipProfileHref('AWS Internal', scope)).toBeNull();
  });
});

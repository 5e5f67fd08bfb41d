import { describe, expect, it } from 'vitest';
import { assumerOf } from './assumer';
import { mergeCopies, parseStsExpiration } from './assumptions';
import { linkCredentials } from './link-credentials';
import type { AssumeRoleEventRow, ObservedCredential } from './types';

const A = '111111111111';
const B = '222222222222';

function row(over: Partial<AssumeRoleEventRow>): AssumeRoleEventRow {
  return {
    eventId: 'ev-1',
    eventTime: '2026-11-19T10:00:00Z',
    eventName: 'AssumeRole',
    recipientAccountId: B,
    sharedEventId: null,
    requestId: 'req-1',
    region: 'us-east-1',
    sourceIp: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0',
    callerType: 'IAMUser',
    callerPrincipalId: 'AIDAALICE0000000000001',
    callerArn: `arn:aws:iam::${B}:user/alice`,
    callerAccountId: B,
    callerAccessKeyId: 'AKIAALICE00000000001',
    callerUserName: 'alice',
    callerInvokedBy: null,
    callerIssuerArn: null,
    callerSourceIdentity: null,
    callerMfa: null,
    roleArn: `arn:aws:iam::${B}:role/Ops`,
    sessionName: 'alice',
    requestedSourceIdentity: null,
    externalId: null,
    samlProviderArn: null,
    assumedRoleId: 'AROAOPS00000000000001:alice',
    assumedRoleArn: `arn:aws:sts::${B}:assumed-role/Ops/alice`,
    accessKeyId: 'ASIAOPS0000000000001',
    expiration: 'Nov 19, 2026, 11:00:00 AM',
    webIdentitySubject: null,
    webIdentityProvider: null,
    samlSubject: null,
    samlIssuer: null,
    ...over,
  };
}

function seen(over: Partial<ObservedCredential>): ObservedCredential {
  return {
    accessKeyId: 'ASIAOPS0000000000001',
    creationDate: '2026-11-19T10:00:00Z',
    firstSeen: '2026-11-19T10:01:00Z',
    lastSeen: '2026-11-19T10:30:00Z',
    events: 12,
    failed: 0,
    sourceIps: ['198.51.100.7'],
    mfaAuthenticated: false,
    sourceIdentity: null,
    ...over,
  };
}

describe('assumerOf: every kind of caller', () => {
  it('an IAM user and the root user', () => {
    expect(assumerOf(row({}))).toMatchObject({ type: 'iam-user', name: 'alice', arn: `arn:aws:iam::${B}:user/alice`, accountId: B });
    expect(assumerOf(row({ callerType: 'Root', callerArn: `arn:aws:iam::${B}:root`, callerUserName: null }))).toMatchObject({ type: 'root', accountId: B });
  });

  it('another role session (role chaining), keeping its role for the walk upstream', () => {
    const a = assumerOf(
      row({
        callerType: 'AssumedRole',
        callerPrincipalId: 'AROASSO00000000000001:sara',
        callerArn: `arn:aws:sts::${B}:assumed-role/AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5/sara`,
        callerIssuerArn: `arn:aws:iam::${B}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5`,
      }),
    );
    expect(a).toMatchObject({
      type: 'role-session',
      key: 'AROASSO00000000000001:sara',
      name: 'AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5/sara',
      roleArn: `arn:aws:iam::${B}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5`,
    });
  });

  it('an IAM Identity Center user (the session name is the person) and a plain SAML user', () => {
    const sso = row({
      eventName: 'AssumeRoleWithSAML',
      callerType: 'SAMLUser',
      callerPrincipalId: 'Hb5M6pQZ0C0N8gWydx1D6MMbGA=:sara',
      callerUserName: 'sara',
      callerArn: null,
      roleArn: `arn:aws:iam::${B}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5`,
      samlProviderArn: `arn:aws:iam::${B}:saml-provider/AWSSSO_3c1a2b9d8e7f6a5b_DO_NOT_DELETE`,
    });
    expect(assumerOf(sso)).toMatchObject({ type: 'sso-user', name: 'sara', provider: `arn:aws:iam::${B}:saml-provider/AWSSSO_3c1a2b9d8e7f6a5b_DO_NOT_DELETE` });
    const okta = { ...sso, roleArn: `arn:aws:iam::${B}:role/OktaAdmins`, samlProviderArn: `arn:aws:iam::${B}:saml-provider/Okta` };
    expect(assumerOf(okta)).toMatchObject({ type: 'saml-user', name: 'sara' });
  });

  it('a web-identity user (GitHub Actions): the token subject', () => {
    const a = assumerOf(
      row({
        eventName: 'AssumeRoleWithWebIdentity',
        callerType: 'WebIdentityUser',
        callerUserName: 'repo:example-org/payments-service:ref:refs/heads/main',
        webIdentitySubject: 'repo:example-org/payments-service:ref:refs/heads/main',
        webIdentityProvider: `arn:aws:iam::${B}:oidc-provider/token.actions.githubusercontent.com`,
      }),
    );
    expect(a).toMatchObject({ type: 'web-identity-user', name: 'repo:example-org/payments-service:ref:refs/heads/main', provider: expect.stringContaining('githubusercontent') });
  });

  it('an AWS service for an instance profile, and a bare account for the role account’s copy', () => {
    expect(assumerOf(row({ callerType: 'AWSService', callerInvokedBy: 'ec2.amazonaws.com', callerArn: null, callerPrincipalId: null }))).toMatchObject({
      type: 'aws-service',
      name: 'ec2.amazonaws.com',
    });
    expect(assumerOf(row({ callerType: 'AWSAccount', callerArn: null, callerPrincipalId: 'AIDAALICE0000000000001', callerAccountId: A }))).toMatchObject({
      type: 'aws-account',
      accountId: A,
      principalId: 'AIDAALICE0000000000001',
    });
  });
});

describe('mergeCopies', () => {
  it('merges the two accounts’ copies of a cross-account AssumeRole and keeps the full caller', () => {
    const callerCopy = row({ eventId: 'ev-caller', recipientAccountId: A, sharedEventId: 'shared-1', callerAccountId: A, callerArn: `arn:aws:iam::${A}:user/alice` });
    const roleCopy = row({
      eventId: 'ev-role',
      recipientAccountId: B,
      sharedEventId: 'shared-1',
      callerType: 'AWSAccount',
      callerArn: null,
      callerUserName: null,
      callerAccountId: A,
    });
    for (const rows of [[callerCopy, roleCopy], [roleCopy, callerCopy]]) {
      const [only, ...rest] = mergeCopies(rows);
      expect(rest).toEqual([]);
      expect(only).toMatchObject({
        assumer: { type: 'iam-user', arn: `arn:aws:iam::${A}:user/alice` },
        evidenceEventIds: ['ev-caller', 'ev-role'],
        accounts: [A, B],
        crossAccount: true,
        expiresAt: '2026-11-19T11:00:00Z',
      });
    }
  });

  it('with only the role account’s copy, names the caller’s account and principal id, no more', () => {
    const [only] = mergeCopies([row({ callerType: 'AWSAccount', callerArn: null, callerAccountId: A, sharedEventId: 's' })]);
    expect(only?.assumer).toMatchObject({ type: 'aws-account', accountId: A });
    expect(only?.crossAccount).toBe(true);
  });

  it('keeps separate calls separate and carries SourceIdentity from the caller’s session', () => {
    const list = mergeCopies([
      row({ eventId: 'e2', eventTime: '2026-11-19T12:00:00Z', accessKeyId: 'ASIAOPS0000000000002' }),
      row({ eventId: 'e1', callerType: 'AssumedRole', callerSourceIdentity: 'alice@example.com' }),
    ]);
    expect(list.map((a) => a.evidenceEventIds)).toEqual([['e1'], ['e2']]);
    expect(list[0]?.sourceIdentity).toBe('alice@example.com');
  });
});

describe('linkCredentials', () => {
  const pid = 'AROAOPS00000000000001:alice';

  it('proves a link by the access key the response issued', () => {
    const [l] = linkCredentials(pid, [seen({})], mergeCopies([row({})]), null);
    expect(l).toMatchObject({ link: 'access-key', confidence: 'proven', assumption: { assumer: { name: 'alice' } } });
  });

  it('proves a link by session id and creation time when the key differs', () => {
    const [l] = linkCredentials(pid, [seen({ accessKeyId: 'ASIAOTHER00000000001' })], mergeCopies([row({})]), null);
    expect(l).toMatchObject({ link: 'session-and-time', confidence: 'proven' });
  });

  it('tells apart different people re-using one session name', () => {
    const assumptions = mergeCopies([
      row({ eventId: 'e1', accessKeyId: 'ASIAKEY1000000000001' }),
      row({
        eventId: 'e2',
        eventTime: '2026-11-20T09:00:00Z',
        accessKeyId: 'ASIAKEY2000000000002',
        callerArn: `arn:aws:iam::${B}:user/bob`,
        callerUserName: 'bob',
        callerPrincipalId: 'AIDABOB00000000000001',
      }),
    ]);
    const links = linkCredentials(
      pid,
      [seen({ accessKeyId: 'ASIAKEY1000000000001' }), seen({ accessKeyId: 'ASIAKEY2000000000002', creationDate: '2026-11-20T09:00:00Z' })],
      assumptions,
      null,
    );
    expect(links.map((l) => l.assumption?.assumer.name)).toEqual(['alice', 'bob']);
  });

  it('labels a link without key or id as inferred, and only when there is one candidate', () => {
    const serviceIssued = row({ callerType: 'AWSService', callerInvokedBy: 'ec2.amazonaws.com', assumedRoleId: null, accessKeyId: null, sessionName: 'alice', eventTime: '2026-11-19T09:58:00Z' });
    const [one] = linkCredentials(pid, [seen({})], mergeCopies([serviceIssued]), null);
    expect(one).toMatchObject({ link: 'inferred', confidence: 'inferred' });
    const [two] = linkCredentials(pid, [seen({})], mergeCopies([serviceIssued, { ...serviceIssued, eventId: 'x', eventTime: '2026-11-19T10:02:00Z' }]), null);
    expect(two).toMatchObject({ link: 'none', confidence: 'unknown', reason: expect.stringContaining('2 AssumeRole calls') });
  });

  it('never guesses: without an AssumeRole event the assumer is unknown, with the reason', () => {
    const [missing] = linkCredentials(pid, [seen({ accessKeyId: 'ASIAMISSING000000001' })], [], '2026-11-01T00:00:00Z');
    expect(missing).toMatchObject({ link: 'none', assumption: null, reason: expect.stringContaining('not ingested') });
    const [early] = linkCredentials(pid, [seen({ accessKeyId: 'ASIAMISSING000000001', creationDate: '2026-10-31T23:00:00Z' })], [], '2026-11-01T00:00:00Z');
    expect(early?.reason).toContain('before the data starts');
    const [otherSession] = linkCredentials('AROAOPS00000000000001:bob', [seen({ accessKeyId: 'ASIAX00000000000000X' })], mergeCopies([row({})]), null);
    expect(otherSession?.link).toBe('none');
  });
});

describe('parseStsExpiration', () => {
  it('reads CloudTrail’s US-style expiration and ISO, as UTC', () => {
    expect(parseStsExpiration('Nov 19, 2026, 1:30:37 AM')).toBe('2026-11-19T01:30:37Z');
    expect(parseStsExpiration('Nov 19, 2026, 12:05:00 PM')).toBe('2026-11-19T12:05:00Z');
    expect(parseStsExpiration('Nov 19, 2026, 12:05:00 AM')).toBe('2026-11-19T00:05:00Z');
    expect(parseStsExpiration('2026-11-19T01:30:37Z')).toBe('2026-11-19T01:30:37Z');
    expect(parseStsExpiration('soon')).toBeNull();
    expect(parseStsExpiration(null)).toBeNull();
  });

  it('refuses a day or hour that does not exist rather than rolling it over', () => {
    expect(parseStsExpiration('Feb 30, 2026, 1:30:37 AM')).toBeNull();
    expect(parseStsExpiration('Nov 19, 2026, 13:30:37 PM')).toBeNull();
    expect(parseStsExpiration('2026-02-30T01:30:37Z')).toBeNull();
  });
});

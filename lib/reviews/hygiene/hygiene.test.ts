import { describe, expect, it } from 'vitest';
import type { SessionNameUsageRow } from '@/lib/reviews/queries/session-name-usage';
import { analyseHygiene } from './analyse';
import { buildRecommendation } from './recommendation';
import type { HygieneAssumer } from './assumers';

const P = '123456789012';
const role = `arn:aws:iam::${P}:role/MyBucketRole`;

function row(over: Partial<SessionNameUsageRow>): SessionNameUsageRow {
  return {
    roleArn: role,
    sessionName: 'x',
    callerKey: 'AIDAEXAMPLE',
    callerType: 'IAMUser',
    callerArn: null,
    callerAccount: P,
    callerUserName: null,
    eventName: 'AssumeRole',
    assumptions: 1,
    withSourceIdentity: 0,
    first: '2026-11-01T00:00:00Z',
    last: '2026-11-02T00:00:00Z',
    ...over,
  };
}
const user = (name: string, sessionName: string, assumptions = 1) =>
  row({ sessionName, callerKey: `AIDA${name.toUpperCase().replace(/\W/g, '')}`, callerArn: `arn:aws:iam::${P}:user/${name}`, callerUserName: name, assumptions });

describe('session-name hygiene per role', () => {
  it('flags a generic name shared by two people, and an SDK default; recommends the user-name condition', () => {
    const [r] = analyseHygiene([
      user('support_user', 'session1', 14),
      user('data_analyst', 'session1', 16),
      user('backup-sync', 'botocore-session-1789265258'),
      user('backup-sync', 'botocore-session-1789783295'),
    ]);
    expect(r?.verdict).toBe('does-not-identify');
    expect(r?.sessions).toBe(32);
    expect(r?.assumers).toBe(3);
    expect(r?.sharedSessionNames.map((s) => [s.sessionName, s.assumers.map((a) => a.name).sort()])).toEqual([['session1', ['data_analyst', 'support_user']]]);
    expect(r?.genericSessionNames.map((g) => [g.label, g.distinctNames, g.sessions])).toEqual([
      ['session1', 1, 30],
      ['botocore-session-…', 2, 2],
    ]);
    expect(r?.mismatchedSessionNames).toEqual([]);
    expect(r?.recommendation.kind).toBe('session-name-equals-user-name');
    const statement = JSON.parse(r?.recommendation.snippet ?? '{}');
    expect(statement.Condition).toEqual({ StringEquals: { 'sts:RoleSessionName': '${aws:username}' } });
    expect(statement.Principal.AWS).toEqual([`arn:aws:iam::${P}:user/backup-sync`, `arn:aws:iam::${P}:user/data_analyst`, `arn:aws:iam::${P}:user/support_user`]);
  });

  it('accepts names that are the people’s own, and a source identity on every session', () => {
    expect(analyseHygiene([user('alice', 'alice'), user('bob', 'bob')])[0]?.verdict).toBe('identifies');
    const [r] = analyseHygiene([row({ sessionName: 'session1', withSourceIdentity: 2, assumptions: 2, callerType: 'AssumedRole', callerKey: 'AROAX:alice' })]);
    expect(r?.sourceIdentityShare).toBe(1);
    expect(r?.verdict).toBe('identifies');
    expect(r?.recommendation.kind).toBe('none');
  });

  it('reports a name that is not the assumer’s, and leaves AWS services alone', () => {
    expect(analyseHygiene([user('alice', 'bobs-session')])[0]?.mismatchedSessionNames).toEqual([{ sessionName: 'bobs-session', assumer: 'alice', sessions: 1 }]);
    const [svc] = analyseHygiene([row({ sessionName: 'i-0a1b2c3d4e5f67890', callerType: 'AWSService', callerKey: 'ec2.amazonaws.com', callerAccount: null })]);
    expect(svc?.verdict).toBe('not-applicable');
    expect(svc?.issues).toBe(0);
  });

  it('folds the role account’s copy of a cross-account call into the caller’s own view', () => {
    const [r] = analyseHygiene([
      row({ sessionName: 'AcmeMonitoring', callerKey: 'AIDAVENDOR', callerType: 'IAMUser', callerAccount: '444455556666', callerArn: 'arn:aws:iam::444455556666:user/acme-collector', callerUserName: 'acme-collector' }),
    ]);
    expect(r?.assumerList.map((a) => [a.kind, a.name])).toEqual([['iam-user', 'acme-collector']]);
  });
});

describe('recommendation', () => {
  const a = (kind: HygieneAssumer['kind'], trustPrincipal: string | null): HygieneAssumer => ({ key: `${kind}:${trustPrincipal}`, kind, name: kind, personName: 'x', trustPrincipal, accountId: P });

  it('requires a source identity when callers are role sessions or other accounts', () => {
    const r = buildRecommendation({ verdict: 'does-not-identify', assumers: [a('role-session', `arn:aws:iam::${P}:role/Ops`), a('iam-user', `arn:aws:iam::${P}:user/alice`)] });
    expect(r.kind).toBe('require-source-identity');
    const statement = JSON.parse(r.snippet ?? '{}');
    expect(statement.Action).toEqual(['sts:AssumeRole', 'sts:SetSourceIdentity']);
    expect(statement.Condition).toEqual({ StringLike: { 'sts:SourceIdentity': '*' } });
    expect(statement.Principal.AWS).toEqual([`arn:aws:iam::${P}:role/Ops`, `arn:aws:iam::${P}:user/alice`]);
  });

  it('mentions the SAML attribute for federated users, and says nothing is needed when names identify people', () => {
    expect(buildRecommendation({ verdict: 'does-not-identify', assumers: [a('saml-user', null)] }).summary).toMatch(/SAML\/Attributes\/SourceIdentity/);
    expect(buildRecommendation({ verdict: 'identifies', assumers: [a('iam-user', 'x')] })).toMatchObject({ kind: 'none', snippet: null });
  });
});

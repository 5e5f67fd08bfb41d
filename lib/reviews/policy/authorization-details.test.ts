import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { grantsOf } from '@/lib/reviews/access/granted-services';
import { findPrincipal, parseAuthorizationDetails } from './authorization-details';
import { trustedPrincipals } from './trust-policy';

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures', name), 'utf8');
const P = '123456789012';

describe('get-account-authorization-details', () => {
  const parsed = parseAuthorizationDetails(fixture('authorization-details-production.json'));
  if (!parsed.ok) throw new Error(parsed.message);
  const details = parsed.details;

  it('reads the account, the principals and the managed policies’ default versions', () => {
    expect(details.accountId).toBe(P);
    expect(details.counts).toEqual({ roles: 4, users: 4, groups: 2, policies: 2 });
    // v3 is the default version of GitlabRunnerScaling; v2 (ec2:*) is not what is in force.
    expect(details.managedPolicies[`arn:aws:iam::${P}:policy/GitlabRunnerScaling`]?.statements.flatMap((s) => s.actions)).not.toContain('ec2:*');
  });

  it('grants GitlabRunnerRole EC2, ECR, IAM PassRole and S3; AWS managed policies not in the file are named', () => {
    const found = findPrincipal([details], `arn:aws:iam::${P}:role/GitlabRunnerRole`);
    expect(found?.principal.lastUsed).toBe('2026-11-19T23:41:09Z');
    const grants = grantsOf(details, found!.principal);
    expect(grants.services.map((s) => s.service)).toEqual(['ec2', 'ecr', 'iam', 's3']);
    expect(grants.services.find((s) => s.service === 's3')?.actions).toEqual(['s3:DeleteObject', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:PutObject']);
    expect(grants.unresolvedPolicies).toEqual(['AmazonSSMManagedInstanceCore']);
  });

  it('follows a user’s groups', () => {
    const support = findPrincipal([details], `arn:aws:iam::${P}:user/support_user`);
    const grants = grantsOf(details, support!.principal);
    expect(grants.services.map((s) => s.service)).toEqual(['cloudwatch', 'sts', 'support']);
    expect(grants.services.find((s) => s.service === 'support')?.policies).toEqual(['SupportRead (group Support)']);
  });

  it('keeps each role’s trust policy', () => {
    const vendor = findPrincipal([details], `arn:aws:iam::${P}:role/VendorReadOnly`);
    expect(trustedPrincipals(vendor?.principal.trustPolicy)?.map((t) => [t.principal, t.kind, t.externalIdRequired])).toEqual([
      ['arn:aws:iam::444455556666:root', 'account', true],
      ['arn:aws:iam::777788889999:role/ExampleAuditCollector', 'role', false],
    ]);
  });

  it('decodes URL-encoded documents as the raw IAM API returns them', () => {
    const raw = JSON.parse(fixture('authorization-details-production.json'));
    for (const r of raw.RoleDetailList) r.AssumeRolePolicyDocument = encodeURIComponent(JSON.stringify(r.AssumeRolePolicyDocument));
    const again = parseAuthorizationDetails(JSON.stringify(raw));
    expect(again.ok && trustedPrincipals(findPrincipal([again.details], `arn:aws:iam::${P}:role/GitlabRunnerRole`)?.principal.trustPolicy)?.[0]?.principal).toBe('ec2.amazonaws.com');
  });

  it('refuses a malformed file with a message naming what is wrong', () => {
    expect(parseAuthorizationDetails(fixture('authorization-details-malformed.json'))).toEqual({ ok: false, message: expect.stringMatching(/^RoleDetailList\.0\.Arn: /) });
    expect(parseAuthorizationDetails('{"RoleDetailList": [')).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(parseAuthorizationDetails('{"Records": []}')).toMatchObject({ ok: false, message: expect.stringMatching(/not get-account-authorization-details/) });
    expect(parseAuthorizationDetails('[]')).toMatchObject({ ok: false });
    const mixed = JSON.parse(fixture('authorization-details-production.json'));
    mixed.UserDetailList[0].Arn = 'arn:aws:iam::210987654321:user/pchen';
    expect(parseAuthorizationDetails(JSON.stringify(mixed))).toMatchObject({ ok: false, message: expect.stringMatching(/mixes accounts/) });
    const badDoc = JSON.parse(fixture('authorization-details-production.json'));
    badDoc.RoleDetailList[0].RolePolicyList[0].PolicyDocument = '{"Statement": "nope"}';
    expect(parseAuthorizationDetails(JSON.stringify(badDoc))).toMatchObject({ ok: false, message: expect.stringMatching(/gitlab-runner-cache is not a policy document/) });
  });

  it('refuses a document nested deeper than any IAM policy, whole or URL-encoded, with a message and no stack overflow', () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const document = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":${deep}}]}`;
    const raw = JSON.parse(fixture('authorization-details-production.json'));
    const withDocument = (doc: unknown) => {
      raw.RoleDetailList[0].RolePolicyList[0].PolicyDocument = doc;
      return JSON.stringify(raw).replace('"__DOC__"', typeof doc === 'string' && doc === '__DOC__' ? document : JSON.stringify(doc));
    };
    const nested = parseAuthorizationDetails(withDocument('__DOC__'));
    expect(nested).toEqual({ ok: false, message: expect.stringMatching(/nested deeper than 64 levels/) });
    const encoded = parseAuthorizationDetails(withDocument(encodeURIComponent(document)));
    expect(encoded).toEqual({ ok: false, message: expect.stringMatching(/gitlab-runner-cache is not a policy document/) });
  });
});

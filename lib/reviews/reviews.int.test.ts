import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_IDS, GENERIC_SESSION, GITLAB_RUNNER, ORGANIZATION_ACCOUNT_IDS, SENSITIVE_FIRST_USE, VENDOR } from '@/lib/generator/scenarios';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { getAccessReview } from './access/review';
import { getHygieneReview } from './hygiene/review';
import { parseAuthorizationDetails, type AuthorizationDetails } from './policy/authorization-details';
import { defaultExpectedActions } from './state/expected-actions-store';
import { getVendorInventory } from './vendors/inventory';
import { getVendorRoleReview } from './vendors/role-review';

/** The three reviews through the real embedded engine, on the generator's truths. Scope: all of the data. */
const connection = scenarioConnection();
const scope = { from: '2026-09-01T00:00:00Z', to: '2026-11-21T00:00:00Z' };
const organisation = { accounts: [...ORGANIZATION_ACCOUNT_IDS].sort(), source: 'inferred' as const };

function fixtureDetails(): AuthorizationDetails {
  const parsed = parseAuthorizationDetails(fs.readFileSync(path.resolve(__dirname, '../../test/fixtures/authorization-details-production.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.details;
}

describe('vendor roles', () => {
  it('the inventory lists VendorReadOnly, assumed from the vendor’s account with an ExternalId, and nothing inside the organisation', async () => {
    const inv = await getVendorInventory(connection(), scope, { organisation, vendorNames: { [ACCOUNT_IDS.vendor]: VENDOR.name }, uploads: [] });
    // Generator scenario 10 opens AuditReadOnlyRole to an outside account (UpdateAssumeRolePolicy); nobody assumes it.
    const backdoored = `arn:aws:iam::${ACCOUNT_IDS.production}:role/${SENSITIVE_FIRST_USE.backdooredRoleName}`;
    expect(inv.roles.map((r) => r.roleArn).sort()).toEqual([VENDOR.role.arn, backdoored].sort());
    const vendor = inv.roles.find((r) => r.roleArn === VENDOR.role.arn);
    expect(vendor).toMatchObject({ externalAccounts: [ACCOUNT_IDS.vendor], vendorName: VENDOR.name, trust: null, denied: 0 });
    expect(vendor?.sessions).toBeGreaterThan(10);
    expect(vendor?.withExternalId).toBe(vendor?.sessions);
    expect(vendor?.externalPrincipals).toEqual([expect.objectContaining({ accountId: ACCOUNT_IDS.vendor, arn: VENDOR.callerUser.arn })]);
    expect(vendor?.calls).toBeGreaterThan(vendor?.sessions ?? 0);
  });

  it('with the uploaded trust policy: ExternalId required, and the former vendor’s trust never used', async () => {
    const inv = await getVendorInventory(connection(), scope, { organisation, vendorNames: {}, uploads: [fixtureDetails()] });
    const vendor = inv.roles.find((r) => r.roleArn === VENDOR.role.arn);
    expect(vendor?.trust?.source).toBe('authorization-details');
    expect(vendor?.trust?.external.map((e) => [e.principal, e.externalIdRequired, e.use])).toEqual([
      ['arn:aws:iam::444455556666:root', true, 'used'],
      ['arn:aws:iam::777788889999:role/ExampleAuditCollector', false, 'never'],
    ]);
    expect(vendor?.trust?.unusedTrusts).toEqual(['arn:aws:iam::777788889999:role/ExampleAuditCollector']);
    expect(vendor?.trust?.externalIdRequired).toBe(false);
  });

  it('the vendor role: GenerateCredentialReport is unexpected, EC2 throttles it, and its cost calls are counted per day', async () => {
    const review = await getVendorRoleReview(connection(), VENDOR.role.arn, scope, {
      expected: defaultExpectedActions(VENDOR.role.arn),
      call: { eventSource: 'iam.amazonaws.com', eventName: 'GenerateCredentialReport' },
    });
    expect(review.unexpected.map((u) => [u.action, u.count, u.rule])).toEqual([
      ['iam:GenerateCredentialReport', 1, '!iam:Generate*'],
      ['iam:GetCredentialReport', 1, '!iam:Get*CredentialReport'],
    ]);

    expect(review.throttled.total).toBeGreaterThan(10);
    expect(review.throttled.rows.every((r) => r.eventName === 'DescribeInstances' && r.errorCode === 'Client.RequestLimitExceeded')).toBe(true);
    expect(review.calls.find((c) => c.eventName === 'DescribeInstances')?.throttled).toBe(review.throttled.total);
    expect(review.rate.perMinute.reduce((n, b) => n + b.throttled, 0)).toBe(review.throttled.total);
    expect(review.rate.peak?.perMinute).toBeGreaterThan(1);
    expect(review.rate.totalCalls).toBe(review.calls.reduce((n, c) => n + c.success + c.failed, 0));

    const cost = Object.fromEntries(review.costCalls.summary.map((c) => [c.eventName, c]));
    expect(Object.keys(cost).sort()).toEqual(['GetCostAndUsage', 'GetMetricData']);
    expect(cost.GetCostAndUsage?.calls).toBe(cost.GetCostAndUsage?.days);
    expect(cost.GetMetricData?.calls).toBeGreaterThan(cost.GetMetricData?.days ?? 0);
    expect(review.costCalls.perDay.every((d) => /^\d{4}-\d{2}-\d{2}T00:00:00Z$/.test(d.day))).toBe(true);

    expect(review.assumeRoleCallers.map((c) => [c.userArn, c.crossAccount])).toEqual([[VENDOR.callerUser.arn, true]]);
    expect(review.sharedSessionNames).toEqual([]);
    // Who generated the credential report: the vendor's collector, through the key its AssumeRole issued.
    expect(review.identities?.rows.map((i) => [i.assumer?.arn, i.calls])).toEqual([[VENDOR.callerUser.arn, 1]]);
  });
});

describe('session-name hygiene', () => {
  it('flags MyBucketRole for session1, generic and shared by two people, and recommends the user-name condition', async () => {
    const review = await getHygieneReview(connection(), scope);
    const role = review.roles.find((r) => r.roleArn === GENERIC_SESSION.role.arn);
    expect(role?.verdict).toBe('does-not-identify');
    const shared = role?.sharedSessionNames.find((s) => s.sessionName === GENERIC_SESSION.sessionName);
    expect(shared?.assumers.map((a) => a.name).sort()).toEqual([GENERIC_SESSION.otherUser.name, GENERIC_SESSION.supportUser.name].sort());
    expect(role?.genericSessionNames.map((g) => g.label)).toEqual(expect.arrayContaining([GENERIC_SESSION.sessionName, 'botocore-session-…']));
    expect(role?.genericSessionNames.find((g) => g.label === 'botocore-session-…')?.assumers).toEqual([GENERIC_SESSION.nightlyJobUser.name]);
    expect(role?.sourceIdentityShare).toBe(0);
    expect(role?.recommendation.kind).toBe('session-name-equals-user-name');
    // The vendor's sessions are named after the vendor, not a person: not the user name either.
    const vendor = review.roles.find((r) => r.roleArn === VENDOR.role.arn);
    expect(vendor?.mismatchedSessionNames.map((m) => m.sessionName)).toEqual([VENDOR.sessionName]);
    // The runner's instance profile is AWS's business.
    expect(review.roles.find((r) => r.roleArn === GITLAB_RUNNER.role.arn)?.verdict).toBe('not-applicable');
  });
});

describe('unused access', () => {
  it('GitlabRunnerRole with the authorization-details fixture: S3 granted and never used, EC2 and ECR used', async () => {
    const review = await getAccessReview(connection(), GITLAB_RUNNER.role.arn, scope, { days: 90, uploads: [fixtureDetails()] });
    const status = Object.fromEntries((review.granted ?? []).map((g) => [g.service, g.status]));
    expect(status).toMatchObject({ s3: 'never-used', ec2: 'used', ecr: 'used' });
    expect(review.used.map((u) => u.service)).not.toContain('s3');
    expect(review.unused).toContain('s3');
    expect(review.denyUnused?.Statement[0]?.Action).toContain('s3:*');
    expect(review.suggestedPolicy?.Statement.flatMap((s) => s.Action)).toEqual(expect.arrayContaining(['ec2:DescribeInstances', 'ecr:GetAuthorizationToken']));
    expect(review.suggestedPolicy?.Statement.flatMap((s) => s.Action).some((a) => a.startsWith('s3:'))).toBe(false);
    expect(review.unresolvedPolicies).toEqual(['AmazonSSMManagedInstanceCore']);
  });

  it('without an upload, still lists what was used', async () => {
    const review = await getAccessReview(connection(), GITLAB_RUNNER.role.arn, scope, { days: 30, uploads: [] });
    expect(review.granted).toBeNull();
    expect(review.used.map((u) => u.service).sort()).toEqual(['ec2', 'ecr', 'iam', 'sts']);
    // The attacker's denied ListAttachedRolePolicies used no permission.
    expect(review.used.find((u) => u.service === 'iam')?.lastUsed).toBeNull();
  });
});

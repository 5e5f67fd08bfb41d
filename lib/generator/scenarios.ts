import { labelledTempAccessKeyId, stableInstanceId, stableNameQualifier, stableUuid } from './ids';
import { IP_TABLE, type IpLocation } from './ip-table';
import type { Variant } from './options';
import { DAY, HOUR, MINUTE, SECOND } from './time';
import { ACCOUNTS, iamRole, iamUser } from './world';

/**
 * The truths the generator plants, for tests to assert against instead of
 * magic strings: who the principals are, which ids they carry, where they
 * connect from and when each scenario's incident happens. The scenario modules
 * build their events from these same values.
 *
 * Identities and ids are the same for every seed. Times depend only on --end;
 * the few keys tests need in advance depend on --seed (see scenarioTruths).
 */

export const ACCOUNT_IDS = {
  management: ACCOUNTS.management.id,
  production: ACCOUNTS.production.id,
  sandbox: ACCOUNTS.sandbox.id,
  vendor: ACCOUNTS.vendor.id,
} as const;

export const ORGANIZATION_ACCOUNT_IDS = [ACCOUNT_IDS.management, ACCOUNT_IDS.production, ACCOUNT_IDS.sandbox] as const;

// ---------------------------------------------------------------------------
// 1. IAM Identity Center user sara → SSO admin role → StopLogging → DemoRole1
// ---------------------------------------------------------------------------

const SARA_SSO_ROLE = iamRole(
  ACCOUNT_IDS.production,
  'AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5',
  '/aws-reserved/sso.amazonaws.com/',
);

export const SARA = {
  userName: 'sara',
  email: 'sara@example.com',
  /** Identity Center uses the user name as the role session name. */
  sessionName: 'sara',
  identityCenterUserId: '906757a4-9041-70b4-0f39-6d5a9b8e7c2a',
  identityStoreArn: `arn:aws:identitystore::${ACCOUNT_IDS.management}:identitystore/d-9067642ac7`,
  /** Identity Center's home region and account. */
  identityCenterRegion: 'us-east-1',
  identityCenterAccountId: ACCOUNT_IDS.management,
  permissionSetName: 'AdministratorAccess',
  ssoRole: SARA_SSO_ROLE,
  samlProviderArn: `arn:aws:iam::${ACCOUNT_IDS.production}:saml-provider/AWSSSO_3c1a2b9d8e7f6a5b_DO_NOT_DELETE`,
  samlIssuer: 'https://portal.sso.us-east-1.amazonaws.com/saml/assertion/MTExMTIyMjIzMzMzX2lucy0zYzFhMmI5ZDhlN2Y2YTVi',
  nameQualifier: stableNameQualifier(`saml-${ACCOUNT_IDS.production}-AWSSSO_3c1a2b9d8e7f6a5b_DO_NOT_DELETE`),
  demoRole: iamRole(ACCOUNT_IDS.production, 'DemoRole1'),
  trailName: 'demo-trail-2',
  trailArn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT_IDS.production}:trail/demo-trail-2`,
  /** Where her weeks of normal activity come from: home in Bellevue, the VPN in Ashburn. */
  homeIps: [IP_TABLE.bellevueHome1, IP_TABLE.bellevueHome2, IP_TABLE.bellevueHome3] as readonly IpLocation[],
  vpnIps: [IP_TABLE.ashburnVpn1, IP_TABLE.ashburnVpn2] as readonly IpLocation[],
  /** Identity Center calls AssumeRoleWithSAML from its own fleet, not from her machine. */
  ssoServiceIp: IP_TABLE.ssoServiceUsEast1,
  /** The policies DemoRole1 tries to attach during the incident. */
  attachedPolicy: { roleName: 'ci-build-role', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
  deniedAttach: { roleName: 'OrganizationAccountAccessRole', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
} as const;

export const SARA_BASELINE_IPS: readonly IpLocation[] = [...SARA.homeIps, ...SARA.vpnIps];

/** Where the incident comes from: her VPN normally; a country she never used in the variant. */
export function saraIncidentIp(variant: Variant): IpLocation {
  return variant === 'sara-new-country' ? IP_TABLE.bucharest1 : IP_TABLE.ashburnVpn2;
}

// ---------------------------------------------------------------------------
// 2. Third-party vendor (outside the organisation) with an ExternalId
// ---------------------------------------------------------------------------

export const VENDOR = {
  accountId: ACCOUNT_IDS.vendor,
  name: 'Acme Monitoring',
  role: iamRole(ACCOUNT_IDS.production, 'VendorReadOnly'),
  externalId: 'acme-7f3k29x-123456789012',
  sessionName: 'AcmeMonitoring',
  /** The vendor-side principal that calls AssumeRole with its long-term key. */
  callerUser: iamUser(ACCOUNT_IDS.vendor, 'acme-collector'),
  ips: [IP_TABLE.frankfurtVendor1, IP_TABLE.frankfurtVendor2] as readonly IpLocation[],
  pollEveryHours: 6,
  /** The vendor's own copy of each AssumeRole is written under AWSLogs/<vendor account>. */
  callerSideLogsIncluded: true,
} as const;

// ---------------------------------------------------------------------------
// 3. A generic session name shared by two people
// ---------------------------------------------------------------------------

export const GENERIC_SESSION = {
  role: iamRole(ACCOUNT_IDS.production, 'MyBucketRole'),
  /** A legacy us-east-1 bucket, from when names could contain capitals. */
  bucket: 'MySensitiveBucket',
  bucketRegion: 'us-east-1',
  sessionName: 'session1',
  /** Uses `session1`; the incident is hers. */
  supportUser: iamUser(ACCOUNT_IDS.production, 'support_user'),
  /** Also uses `session1`, on other days only. */
  otherUser: iamUser(ACCOUNT_IDS.production, 'data_analyst'),
  /** A nightly job whose SDK names sessions botocore-session-<epoch seconds>. */
  nightlyJobUser: iamUser(ACCOUNT_IDS.production, 'backup-sync'),
  supportUserIps: [IP_TABLE.carrollton1, IP_TABLE.carrollton2] as readonly IpLocation[],
  otherUserIps: [IP_TABLE.newYork1, IP_TABLE.newYork2] as readonly IpLocation[],
} as const;

// ---------------------------------------------------------------------------
// 4. EC2 instance role of a GitLab runner: EC2 and ECR, never S3
// ---------------------------------------------------------------------------

export const GITLAB_RUNNER = {
  role: iamRole(ACCOUNT_IDS.production, 'GitlabRunnerRole'),
  instanceProfileName: 'GitlabRunnerProfile',
  region: 'us-east-1',
  /** The runner instance is replaced once, ~5 weeks before --end. */
  instanceIds: [stableInstanceId('gitlab-runner-1'), stableInstanceId('gitlab-runner-2')] as readonly string[],
  instanceIps: [IP_TABLE.ec2UsEast1a, IP_TABLE.ec2UsEast1b] as readonly IpLocation[],
  refreshEveryHours: 6,
  /** Its credentials, lifted from the instance, are used from here during the incident. */
  incidentIp: IP_TABLE.lagos1,
  neverCalls: ['s3.amazonaws.com'] as readonly string[],
} as const;

// ---------------------------------------------------------------------------
// 5. Cross-account chain A → B → C, GitHub Actions, source identity, a broken hop
// ---------------------------------------------------------------------------

const CHAIN_USER = iamUser(ACCOUNT_IDS.sandbox, 'alice');
const CHAIN_ROLE_B = iamRole(ACCOUNT_IDS.management, 'CrossAccountOps');
const CHAIN_ROLE_C = iamRole(ACCOUNT_IDS.production, 'ProdDeployRole');

export const CHAIN = {
  /** A, B, C in hop order. */
  accounts: [ACCOUNT_IDS.sandbox, ACCOUNT_IDS.management, ACCOUNT_IDS.production] as const,
  user: CHAIN_USER,
  roleB: CHAIN_ROLE_B,
  roleC: CHAIN_ROLE_C,
  /** alice sets SourceIdentity on the first hop; it persists into the second. */
  sourceIdentity: 'alice',
  sessionNameB: 'alice',
  sessionNameC: 'alice-deploy',
  userIps: [IP_TABLE.seattle1, IP_TABLE.seattle2] as readonly IpLocation[],
  github: {
    role: iamRole(ACCOUNT_IDS.sandbox, 'GitHubActionsDeploy'),
    providerArn: `arn:aws:iam::${ACCOUNT_IDS.sandbox}:oidc-provider/token.actions.githubusercontent.com`,
    identityProvider: 'token.actions.githubusercontent.com',
    audience: 'sts.amazonaws.com',
    subject: 'repo:example-org/payments-service:ref:refs/heads/main',
    sessionName: 'GitHubActions',
    /** Deploy jobs chain from the web-identity session into ProdDeployRole. */
    deploySessionName: 'GitHubActions-deploy',
    ips: [IP_TABLE.githubRunner1, IP_TABLE.githubRunner2, IP_TABLE.githubRunner3] as readonly IpLocation[],
  },
  /** A ProdDeployRole session whose AssumeRole is deliberately missing from the logs. */
  brokenHop: {
    role: CHAIN_ROLE_C,
    sessionName: 'hotfix-1763407800',
    sourceIdentity: 'alice',
    ip: IP_TABLE.boardman1,
    /** The role the missing AssumeRole would have come from. */
    expectedUpstreamRole: CHAIN_ROLE_B,
  },
} as const;

// ---------------------------------------------------------------------------
// When things happen, and the keys tests need to know in advance
// ---------------------------------------------------------------------------

/** Incident instants relative to --end (which defaults to a midnight). */
export function incidentTimes(endMs: number) {
  const dayBefore = (days: number, h: number, m: number, s: number) =>
    endMs - days * DAY + h * HOUR + m * MINUTE + s * SECOND;
  return {
    /** sara's SSO sign-in that starts the incident session. */
    saraSignIn: dayBefore(2, 9, 38, 10),
    saraStopLogging: dayBefore(2, 9, 41, 23),
    saraAssumeDemoRole: dayBefore(2, 9, 43, 5),
    saraDeniedAttach: dayBefore(2, 9, 47, 11),
    vendorCredentialReport: dayBefore(1, 3, 27, 41),
    genericSessionExfiltration: dayBefore(2, 22, 5, 13),
    gitlabCredentialsMisused: dayBefore(1, 11, 2, 44),
    brokenHopFirstSeen: dayBefore(3, 19, 30, 0),
  } as const;
}

export interface ScenarioTruthsInput {
  readonly seed: string;
  readonly end: number;
  readonly variant: Variant;
}

/** Everything above plus the seed-dependent keys of the incident sessions. */
export function scenarioTruths(input: ScenarioTruthsInput) {
  const times = incidentTimes(input.end);
  return {
    times,
    sara: {
      incidentIp: saraIncidentIp(input.variant),
      incidentSsoAccessKeyId: labelledTempAccessKeyId(input.seed, 'sara-incident-sso'),
      incidentDemoRoleAccessKeyId: labelledTempAccessKeyId(input.seed, 'sara-incident-demorole'),
    },
    genericSession: {
      incidentAccessKeyId: labelledTempAccessKeyId(input.seed, 'generic-session-incident'),
    },
    gitlabRunner: {
      /** The runner session whose key is misused from outside. */
      misusedAccessKeyId: labelledTempAccessKeyId(input.seed, 'gitlab-misused'),
    },
    chain: {
      brokenHopAccessKeyId: labelledTempAccessKeyId(input.seed, 'chain-broken-hop'),
      /** When the missing AssumeRole would have issued the broken hop's credentials. */
      brokenHopIssuedAt: times.brokenHopFirstSeen - 2 * MINUTE - 9 * SECOND,
    },
  } as const;
}

export type ScenarioTruths = ReturnType<typeof scenarioTruths>;

/** Identity Center's credential id for sara's sign-ins (opaque, stable). */
export const SARA_CREDENTIAL_ID_PREFIX = `AAAAA${stableUuid('sara-credential').replace(/-/g, '')}`;

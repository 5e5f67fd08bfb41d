import { trailArn } from './api-catalog';
import {
  labelledEventId,
  labelledTempAccessKeyId,
  stableAccessKeyId,
  stableHex,
  stableInstanceId,
  stableNameQualifier,
  stableUuid,
} from './ids';
import { IP_TABLE, type IpLocation } from './ip-table';
import type { Variant } from './options';
import { DAY, HOUR, MINUTE, SECOND } from './time';
import { ACCOUNTS, type IamRole, iamRole, iamUser } from './world';

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
// 7. EC2 instance credentials used outside AWS
// ---------------------------------------------------------------------------

const storefrontEndpoint = (service: string) => `vpce-0${stableHex(`storefront-vpce-${service}`, 16)}`;

export const INSTANCE_CREDENTIALS = {
  role: iamRole(ACCOUNT_IDS.production, 'storefront-web-role'),
  instanceProfileName: 'storefront-web-profile',
  region: 'us-east-1',
  /**
   * Two web servers: calls without an endpoint come from their own EC2 address (Amazon's ASN),
   * S3 and Secrets Manager go through the VPC's endpoints from their private address. The
   * credentials of the first are stolen; the second is never misused.
   */
  webInstances: [
    { name: 'storefront-web-1', instanceId: stableInstanceId('storefront-web-1'), publicIp: IP_TABLE.storefrontWeb1, privateIp: '10.20.1.37' },
    { name: 'storefront-web-2', instanceId: stableInstanceId('storefront-web-2'), publicIp: IP_TABLE.storefrontWeb2, privateIp: '10.20.2.84' },
  ],
  /** A private-subnet worker with its own role: it reaches AWS only through the VPC endpoints. */
  worker: {
    name: 'storefront-worker-1',
    role: iamRole(ACCOUNT_IDS.production, 'storefront-worker-role'),
    instanceProfileName: 'storefront-worker-profile',
    instanceId: stableInstanceId('storefront-worker-1'),
    privateIp: '10.20.11.19',
  },
  vpcEndpoints: { s3: storefrontEndpoint('s3'), secretsManager: storefrontEndpoint('secretsmanager') },
  bucket: 'example-storefront-private',
  secretArn: `arn:aws:secretsmanager:us-east-1:${ACCOUNT_IDS.production}:secret:storefront/db-credentials-${stableHex('storefront-secret', 6)}`,
  /** The instances went into service this many days before --end: a three-week baseline. */
  launchedDaysBeforeEnd: 21,
  credentialHours: 6,
  /** Where storefront-web-1's credentials are used from once lifted: a VPS, not Amazon. */
  attackerIp: IP_TABLE.amsterdamVps1,
  /** The objects the attacker downloads. */
  exfiltratedKeys: ['exports/customers-2026-11.csv.gz', 'exports/orders-2026-10.csv.gz', 'config/app.json', 'backups/storefront-db.sql.gz'],
} as const;

// ---------------------------------------------------------------------------
// 8. Role juggling: a chain of role sessions kept alive past the one-hour limit
// ---------------------------------------------------------------------------

export const ROLE_JUGGLING = {
  /** A CI user whose long-term key normally runs deploys from Jenkins. */
  user: iamUser(ACCOUNT_IDS.production, 'ci-legacy'),
  /** The two roles trust each other: deploys chain A → B to publish artifacts. */
  roleA: iamRole(ACCOUNT_IDS.production, 'LegacyDeployRole'),
  roleB: iamRole(ACCOUNT_IDS.production, 'ArtifactPublisherRole'),
  sessionNameA: 'ci-legacy',
  sessionNameB: 'ci-legacy-publish',
  userIp: IP_TABLE.jenkinsUsEast1,
  artifactBucket: 'example-ci-artifacts',
  /** The stolen key starts the chain from here; every hop after it is a chained AssumeRole. */
  attackerIp: IP_TABLE.roubaixVps1,
  /** Seconds from the chain's origin at which each session is issued (hop 0 by the user), and its last call. */
  hopOffsetsSeconds: [0, 2832, 5898, 8845, 11976] as readonly number[],
  lastCallOffsetSeconds: 14231,
  /**
   * Not juggling: a job that assumes MetricsReaderRole from its own IAM user every hour, around
   * the clock, for the last two weeks. Long-lived, but every session comes from the base identity.
   */
  hourlyWorkload: {
    user: iamUser(ACCOUNT_IDS.production, 'metrics-sync'),
    role: iamRole(ACCOUNT_IDS.production, 'MetricsReaderRole'),
    sessionName: 'metrics-sync',
    ip: IP_TABLE.metricsSyncUsEast1,
    days: 14,
  },
} as const;

// ---------------------------------------------------------------------------
// 9. Impossible travel: one access key in Frankfurt and, 25 minutes later, São Paulo
// ---------------------------------------------------------------------------

export const IMPOSSIBLE_TRAVEL = {
  /** Works from home (Offenbach) and the office (Frankfurt), 6 km apart, often both in a day. */
  user: iamUser(ACCOUNT_IDS.production, 'nbauer'),
  homeIp: IP_TABLE.offenbachHome1,
  officeIp: IP_TABLE.frankfurtOffice1,
  /** Central European time. */
  utcOffset: 1,
  /** The same AKIA key, used by someone else. */
  attackerIp: IP_TABLE.saoPauloVivo1,
  secretArn: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT_IDS.production}:secret:search/api-key-${stableHex('search-secret', 6)}`,
} as const;

// ---------------------------------------------------------------------------
// 10. First use of sensitive APIs by a principal with weeks of baseline
// ---------------------------------------------------------------------------

export const SENSITIVE_FIRST_USE = {
  /** dkim assumes PlatformOpsRole on workdays from home in Denver and reads; never anything sensitive. */
  user: iamUser(ACCOUNT_IDS.production, 'dkim'),
  role: iamRole(ACCOUNT_IDS.production, 'PlatformOpsRole'),
  sessionName: 'dkim',
  ip: IP_TABLE.denverHome1,
  /** Mountain standard time. */
  utcOffset: -7,
  /** The account the incident shares snapshots, images, a bucket, a key and a role with. */
  externalAccountId: '999988887777',
  secretArn: `arn:aws:secretsmanager:us-east-1:${ACCOUNT_IDS.production}:secret:prod/rds/master-${stableHex('rds-master-secret', 6)}`,
  windowsInstanceId: stableInstanceId('bastion-windows-1'),
  /** CreateAccessKey is for another user. */
  newKeyFor: iamUser(ACCOUNT_IDS.production, 'svc-backup'),
  /** The key it creates (AKIA…, like every key here derived from a name). */
  newKeyId: stableAccessKeyId(`arn:aws:iam::${ACCOUNT_IDS.production}:user/svc-backup#2`),
  backdooredRoleName: 'AuditReadOnlyRole',
  bucket: 'example-prod-backups',
  snapshotId: `snap-0${stableHex('prod-db-snapshot', 16)}`,
  imageId: `ami-0${stableHex('storefront-golden-ami', 16)}`,
  /** In the order the incident calls them; LeaveOrganization is denied by a service control policy. */
  apis: [
    { eventSource: 'secretsmanager.amazonaws.com', eventName: 'GetSecretValue' },
    { eventSource: 'ec2.amazonaws.com', eventName: 'GetPasswordData' },
    { eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey' },
    { eventSource: 'iam.amazonaws.com', eventName: 'UpdateAssumeRolePolicy' },
    { eventSource: 's3.amazonaws.com', eventName: 'PutBucketPolicy' },
    { eventSource: 'kms.amazonaws.com', eventName: 'PutKeyPolicy' },
    { eventSource: 'ec2.amazonaws.com', eventName: 'ModifySnapshotAttribute' },
    { eventSource: 'ec2.amazonaws.com', eventName: 'ModifyImageAttribute' },
    { eventSource: 'organizations.amazonaws.com', eventName: 'LeaveOrganization' },
  ] as readonly { eventSource: string; eventName: string }[],
  /** Roles that call GetSecretValue every day, baseline and scope alike: not a first use. */
  dailySecretReaders: [INSTANCE_CREDENTIALS.role, INSTANCE_CREDENTIALS.worker.role] as readonly IamRole[],
} as const;

// ---------------------------------------------------------------------------
// 11. Logging gaps (variant logging-gap only)
// ---------------------------------------------------------------------------

export const LOGGING_GAP = {
  /**
   * Production's single-region trail for us-east-1 (the busiest account × region, with hourly
   * activity in the fixed core, so the gap is visible at any --events): stopping it silences
   * production × us-east-1 and nothing else.
   */
  trail: {
    name: 'prod-audit-us-east-1',
    accountId: ACCOUNT_IDS.production,
    region: 'us-east-1',
    arn: trailArn(ACCOUNT_IDS.production, 'us-east-1', 'prod-audit-us-east-1'),
  },
  /** pchen, an administrator in the background, stops the trail, works unlogged, and starts it again. */
  actor: iamUser(ACCOUNT_IDS.production, 'pchen'),
  actorIp: IP_TABLE.seattle1,
  /** Another account × region whose logs are simply not delivered for six hours the same day. */
  outage: { accountId: ACCOUNT_IDS.production, region: 'eu-west-1' },
} as const;

export const LOGGING_GAP_REASONS = ['trail-stopped', 'delivery-outage'] as const;
export type LoggingGapReason = (typeof LOGGING_GAP_REASONS)[number];

/** No event of this account × region is delivered strictly between `from` and `to` (epoch ms). */
export interface LoggingGap {
  readonly accountId: string;
  readonly region: string;
  readonly from: number;
  readonly to: number;
  readonly reason: LoggingGapReason;
}

/** The gaps a variant plants; the default world has none. */
export function loggingGaps(variant: Variant, endMs: number): readonly LoggingGap[] {
  if (variant !== 'logging-gap') return [];
  const t = incidentTimes(endMs);
  return [
    { accountId: LOGGING_GAP.trail.accountId, region: LOGGING_GAP.trail.region, from: t.trailStopped, to: t.trailStarted, reason: 'trail-stopped' },
    { accountId: LOGGING_GAP.outage.accountId, region: LOGGING_GAP.outage.region, from: t.deliveryOutageFrom, to: t.deliveryOutageTo, reason: 'delivery-outage' },
  ];
}

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
    /** The attacker's first call with storefront-web-1's credentials. */
    instanceCredentialsMisused: dayBefore(1, 20, 37, 12),
    /** ci-legacy's key assumes LegacyDeployRole from outside: the origin of the juggling chain. */
    roleJugglingStart: dayBefore(1, 0, 52, 18),
    /** nbauer at the office in Frankfurt, then his key in São Paulo 25 min 28 s later. */
    travelFrankfurt: dayBefore(1, 7, 41, 5),
    travelSaoPaulo: dayBefore(1, 8, 6, 33),
    /** PlatformOpsRole's first sensitive call (GetSecretValue). */
    sensitiveFirstUse: dayBefore(1, 16, 10, 2),
    /** Variant logging-gap: StopLogging and StartLogging on the sandbox trail, and a delivery outage. */
    trailStopped: dayBefore(4, 17, 12, 7),
    trailStarted: dayBefore(4, 20, 51, 44),
    deliveryOutageFrom: dayBefore(4, 8, 0, 0),
    deliveryOutageTo: dayBefore(4, 14, 0, 0),
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
    instanceCredentials: {
      /** The storefront-web-1 session whose key is used from the attacker's address. */
      stolenAccessKeyId: labelledTempAccessKeyId(input.seed, 'storefront-web-1-stolen'),
      /** The attacker's first call (GetCallerIdentity). */
      firstMisuseEventId: labelledEventId(input.seed, 'storefront-misuse-first'),
    },
    roleJuggling: jugglingTruths(input.seed, times.roleJugglingStart),
    impossibleTravel: {
      accessKeyId: IMPOSSIBLE_TRAVEL.user.accessKeyId,
      from: { ip: IMPOSSIBLE_TRAVEL.officeIp, time: times.travelFrankfurt, eventId: labelledEventId(input.seed, 'travel-frankfurt') },
      to: { ip: IMPOSSIBLE_TRAVEL.attackerIp, time: times.travelSaoPaulo, eventId: labelledEventId(input.seed, 'travel-sao-paulo') },
    },
    sensitiveFirstUse: {
      /** The PlatformOpsRole session of the incident. */
      accessKeyId: labelledTempAccessKeyId(input.seed, 'sensitive-first-use'),
      assumedAt: times.sensitiveFirstUse - 3 * MINUTE - 22 * SECOND,
      /** eventID of each first sensitive call, by eventName. */
      eventIds: Object.fromEntries(
        SENSITIVE_FIRST_USE.apis.map((a) => [a.eventName, labelledEventId(input.seed, `sensitive-${a.eventName}`)]),
      ) as Readonly<Record<string, string>>,
    },
    loggingGaps: loggingGaps(input.variant, input.end),
    loggingGap: {
      stopLoggingEventId: labelledEventId(input.seed, 'logging-gap-stop'),
      startLoggingEventId: labelledEventId(input.seed, 'logging-gap-start'),
    },
  } as const;
}

export type ScenarioTruths = ReturnType<typeof scenarioTruths>;

export interface JugglingHop {
  readonly role: IamRole;
  readonly sessionName: string;
  readonly accessKeyId: string;
  readonly issuedAt: number;
  /** The AssumeRole that issued it: by ci-legacy for hop 0, by the previous hop's session after. */
  readonly assumeRoleEventId: string;
}

function jugglingTruths(seed: string, start: number): { hops: readonly JugglingHop[]; lastCallAt: number } {
  const j = ROLE_JUGGLING;
  const hops = j.hopOffsetsSeconds.map((offset, i): JugglingHop => {
    const even = i % 2 === 0;
    return {
      role: even ? j.roleA : j.roleB,
      sessionName: even ? j.sessionNameA : j.sessionNameB,
      accessKeyId: labelledTempAccessKeyId(seed, `juggling-hop-${i}`),
      issuedAt: start + offset * SECOND,
      assumeRoleEventId: labelledEventId(seed, `juggling-hop-${i}`),
    };
  });
  return { hops, lastCallAt: start + j.lastCallOffsetSeconds * SECOND };
}

/** Identity Center's credential id for sara's sign-ins (opaque, stable). */
export const SARA_CREDENTIAL_ID_PREFIX = `AAAAA${stableUuid('sara-credential').replace(/-/g, '')}`;

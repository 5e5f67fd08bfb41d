/**
 * Trailscope's built-in detections, documented once: what each matches, exactly, and how severe a
 * match is. The Findings page lists these; the queries in ./queries implement them and the tests
 * hold them to these words.
 */

export const DETECTION_RULE_IDS = [
  'cloudtrail-logging-stopped',
  'cloudtrail-trail-deleted',
  'cloudtrail-trail-modified',
  'iam-policy-changed-by-role-session',
  'iam-access-key-for-other-user',
  'console-login-without-mfa',
  'root-console-login',
  'access-denied-burst',
  'role-assumed-from-external-account',
  'new-country-for-principal',
  'ec2-instance-credentials-outside-aws',
  'role-juggling',
  'impossible-travel',
  'sensitive-api-first-use',
] as const;
export type DetectionRuleId = (typeof DETECTION_RULE_IDS)[number];

export interface DetectionRule {
  id: DetectionRuleId;
  /** The finding type written on every finding of the rule (`Trailscope:<area>/<what>`). */
  type: string;
  title: string;
  /** Exactly what the rule matches and what one finding groups. */
  description: string;
  /** On GuardDuty's scale (1–10), so imported and detected findings sort together. */
  severity: number;
  /**
   * How much earlier than the new data a run must start for the rule to see a whole match: a
   * sliding window's length, a session's lifetime. Baselines are not look-back: the rules that
   * compare with one read it themselves, before the scope.
   */
  lookbackSeconds: number;
}

/** A burst of denials: at least this many denied calls by one principal within the window. */
export const ACCESS_DENIED_BURST = { threshold: 10, windowSeconds: 600 } as const;

/**
 * Error codes that mean "not authorised" across services: IAM/S3/STS (AccessDenied), JSON-protocol
 * services (AccessDeniedException), EC2 (Client.UnauthorizedOperation, also logged without the
 * prefix), and SNS (AuthorizationError). Throttling and validation errors are not denials.
 */
export const ACCESS_DENIED_CODES = ['AccessDenied', 'AccessDeniedException', 'Client.UnauthorizedOperation', 'UnauthorizedOperation', 'AuthorizationError'] as const;

/**
 * Autonomous systems that are Amazon's (AS16509 AMAZON-02, AS14618 AMAZON-AES, and Amazon's regional
 * ones): an address in them is EC2, a Lambda function, or another AWS service's egress. The bundled
 * ASN data names the holder too; an organisation starting "AMAZON" counts as well.
 */
export const AMAZON_ASNS = [16509, 14618, 8987, 7224, 10124, 17493, 38895, 39111, 58588, 62785, 9059, 19047] as const;

/** Impossible travel: faster than a commercial flight after the geolocation's own error is taken off. */
export const IMPOSSIBLE_TRAVEL = {
  /** Great-circle speed above which no person travels between two calls. */
  speedKmh: 1000,
  /** How far from its placed location an address may really be, at each end (city-level IP geolocation). */
  accuracyKm: 100,
  /** Places closer than this (after the accuracy is taken off both ends) are never judged. */
  minDistanceKm: 500,
} as const;

/** Chained role sessions last at most an hour: a chain re-assuming past this is being kept alive. */
export const CHAINED_SESSION_LIMIT_SECONDS = 3600;

/** Instance-profile credentials are valid for hours (up to 6 by default): the look-back that finds the AssumeRole that issued them. */
export const INSTANCE_CREDENTIAL_LOOKBACK_SECONDS = 12 * 3600;

/** The sensitive APIs the first-use rule watches, by what they expose. */
export const SENSITIVE_APIS: readonly { eventSource: string; eventName: string; what: string }[] = [
  ...['GetSecretValue', 'BatchGetSecretValue'].map((eventName) => ({ eventSource: 'secretsmanager.amazonaws.com', eventName, what: 'secrets' })),
  { eventSource: 'ec2.amazonaws.com', eventName: 'GetPasswordData', what: 'Windows password data' },
  ...['CreateAccessKey', 'CreateLoginProfile', 'UpdateLoginProfile'].map((eventName) => ({ eventSource: 'iam.amazonaws.com', eventName, what: 'credentials' })),
  { eventSource: 'iam.amazonaws.com', eventName: 'UpdateAssumeRolePolicy', what: 'a role trust policy' },
  ...['PutBucketPolicy', 'PutBucketAcl'].map((eventName) => ({ eventSource: 's3.amazonaws.com', eventName, what: 'a bucket policy' })),
  { eventSource: 'kms.amazonaws.com', eventName: 'PutKeyPolicy', what: 'a KMS key policy' },
  ...['ModifySnapshotAttribute', 'ModifyImageAttribute'].map((eventName) => ({ eventSource: 'ec2.amazonaws.com', eventName, what: 'snapshot or AMI sharing' })),
  ...['ModifyDBSnapshotAttribute', 'ModifyDBClusterSnapshotAttribute'].map((eventName) => ({ eventSource: 'rds.amazonaws.com', eventName, what: 'snapshot sharing' })),
  ...['LeaveOrganization', 'DeleteOrganization', 'RemoveAccountFromOrganization', 'CreatePolicy', 'UpdatePolicy', 'DeletePolicy', 'AttachPolicy', 'DetachPolicy', 'DisablePolicyType'].map(
    (eventName) => ({ eventSource: 'organizations.amazonaws.com', eventName, what: 'the organisation' }),
  ),
];

export const TRAIL_MODIFYING_EVENTS = ['UpdateTrail', 'PutEventSelectors'] as const;
export const IAM_POLICY_EVENTS = ['AttachRolePolicy', 'PutRolePolicy', 'AttachUserPolicy', 'PutUserPolicy'] as const;

const perActor = 'One finding per account, acting principal';

export const DETECTION_RULES: readonly DetectionRule[] = [
  {
    id: 'cloudtrail-logging-stopped',
    type: 'Trailscope:CloudTrail/LoggingDisabled',
    title: 'CloudTrail logging disabled',
    description: `A successful StopLogging call (cloudtrail.amazonaws.com, no error code). While a trail is stopped, nothing it covers is recorded. ${perActor} and trail; the trail is the finding's resource.`,
    lookbackSeconds: 0,
    severity: 8,
  },
  {
    id: 'cloudtrail-trail-deleted',
    type: 'Trailscope:CloudTrail/TrailDeleted',
    title: 'CloudTrail trail deleted',
    description: `A successful DeleteTrail call. ${perActor} and trail; the trail is the finding's resource.`,
    lookbackSeconds: 0,
    severity: 8,
  },
  {
    id: 'cloudtrail-trail-modified',
    type: 'Trailscope:CloudTrail/TrailModified',
    title: 'CloudTrail trail configuration changed',
    description: `A successful UpdateTrail or PutEventSelectors call: either can narrow what a trail records (another bucket, no management events) without stopping it. ${perActor} and trail; the trail is the finding's resource.`,
    lookbackSeconds: 0,
    severity: 5,
  },
  {
    id: 'iam-policy-changed-by-role-session',
    type: 'Trailscope:IAM/PolicyChangedByRoleSession',
    title: 'IAM policy attached or put by a role session',
    description: `A successful AttachRolePolicy, PutRolePolicy, AttachUserPolicy or PutUserPolicy call made by a role session (userIdentity.type AssumedRole): temporary credentials granting permissions, the usual privilege-escalation step. ${perActor} session and target role or user; the target and the policies are resources.`,
    lookbackSeconds: 0,
    severity: 6,
  },
  {
    id: 'iam-access-key-for-other-user',
    type: 'Trailscope:IAM/AccessKeyCreatedForOtherUser',
    title: 'Access key created for another user',
    description: `A successful CreateAccessKey whose user (requestParameters.userName, else responseElements.accessKey.userName) is not the caller: any caller that is not an IAM user, or an IAM user creating a key for someone else. Long-term keys for another identity are a classic persistence step. ${perActor} and target user; the user and the new key are resources.`,
    lookbackSeconds: 0,
    severity: 6,
  },
  {
    id: 'console-login-without-mfa',
    type: 'Trailscope:Signin/ConsoleLoginWithoutMfa',
    title: 'Console sign-in without MFA',
    description: `A successful ConsoleLogin (responseElements.ConsoleLogin = Success) by an IAM user (userIdentity.type IAMUser) whose additionalEventData.MFAUsed is not "Yes". Federated and Identity Center sign-ins (AssumedRole) are not matched: their MFA happens at the identity provider and CloudTrail always records MFAUsed "No" for them. One finding per IAM user.`,
    lookbackSeconds: 0,
    severity: 5,
  },
  {
    id: 'root-console-login',
    type: 'Trailscope:Signin/RootConsoleLogin',
    title: 'Root user console sign-in',
    description: 'A successful ConsoleLogin by the root user (userIdentity.type Root), with or without MFA: root should sign in only for the few tasks that need it. One finding per account.',
    lookbackSeconds: 0,
    severity: 7,
  },
  {
    id: 'access-denied-burst',
    type: 'Trailscope:IAM/AccessDeniedBurst',
    title: 'Burst of access-denied errors',
    description: `At least ${ACCESS_DENIED_BURST.threshold} calls by one principal denied within ${ACCESS_DENIED_BURST.windowSeconds / 60} minutes (error code ${ACCESS_DENIED_CODES.join(', ')}): someone probing what stolen or new credentials can do. The window slides: any ${ACCESS_DENIED_BURST.windowSeconds / 60}-minute span counts, not fixed clock buckets. One finding per principal; its events are the denials inside such windows.`,
    lookbackSeconds: ACCESS_DENIED_BURST.windowSeconds,
    severity: 5,
  },
  {
    id: 'role-assumed-from-external-account',
    type: 'Trailscope:STS/RoleAssumedFromExternalAccount',
    title: 'Role assumed from an account outside the organisation',
    description: 'A successful AssumeRole logged in an organisation account whose caller (userIdentity.accountId) is not an organisation account. Organisation accounts are TRAILSCOPE_ORG_ACCOUNTS, else inferred from the accounts whose trails are ingested; with neither, the rule does not run. One finding per role, calling account and calling principal; the role and the calling account are resources.',
    lookbackSeconds: 0,
    severity: 4,
  },
  {
    id: 'new-country-for-principal',
    type: 'Trailscope:Geo/NewCountry',
    title: 'Principal active from a newly observed country',
    description: "Calls in the scope from a public IP in a country none of the principal's IPs in the baseline (the 45 days before the scope) was in, as the New behavior panel decides it. A principal is an IAM user, root, or a role session by its principal id (role id and session name). No finding without a baseline: a principal with no calls before the scope, or a store that starts in the scope, is never called new. One finding per principal and country; the IPs are resources.",
    lookbackSeconds: 0,
    severity: 5,
  },
  {
    id: 'ec2-instance-credentials-outside-aws',
    type: 'Trailscope:EC2/InstanceCredentialsOutsideAWS',
    title: 'EC2 instance credentials used outside AWS',
    description: `Calls made with an instance profile's credentials (a role session that ec2.amazonaws.com assumed for an instance: its access key was issued by that AssumeRole in the ${INSTANCE_CREDENTIAL_LOOKBACK_SECONDS / 3600} hours before, or the call carries sessionContext.ec2RoleDelivery, or the session is named like an instance id) from a public address that is not Amazon's (not in Amazon's autonomous systems in the bundled ASN data) and not through a VPC endpoint. Credentials taken from the instance metadata service (SSRF, a compromised host) and used from the attacker's own network look exactly like this. False positives: an address the ASN data does not know as Amazon's (a new range), credentials deliberately copied to a developer's machine, a proxy in front of the instance that is not on AWS. One finding per instance session; the outside addresses are its resources.`,
    lookbackSeconds: 0,
    severity: 8,
  },
  {
    id: 'role-juggling',
    type: 'Trailscope:STS/RoleJuggling',
    title: 'Role chain kept alive past the one-hour limit',
    description: `A chain of role sessions where each session assumes the next (AssumeRole called by an AssumedRole session: role chaining, which AWS limits to one hour per session) and the chain keeps going: a chained AssumeRole more than ${CHAINED_SESSION_LIMIT_SECONDS / 60} minutes after the chain's first one. Someone holding short-lived credentials renews them by juggling roles instead of going back to their own identity. Chains are followed by access key (the caller's key is the key the previous hop issued), within 12 hours of look-back. False positives: long pipelines that deliberately chain (deploy → publish → notify) for more than an hour. One finding per chain, keyed on the session that started it; the hops' AssumeRole events are the evidence and the roles are resources.`,
    lookbackSeconds: 12 * 3600,
    severity: 7,
  },
  {
    id: 'impossible-travel',
    type: 'Trailscope:Geo/ImpossibleTravel',
    title: 'Impossible travel',
    description: `Two consecutive calls by one principal (IAM user, root, role session or federated user) from public addresses placed too far apart for the time between them: the great-circle distance between the two places, less ${IMPOSSIBLE_TRAVEL.accuracyKm} km at each end for the geolocation's error, is at least ${IMPOSSIBLE_TRAVEL.minDistanceKm} km and was covered faster than ${IMPOSSIBLE_TRAVEL.speedKmh} km/h (faster than an airliner). Places come from the bundled city database; addresses it cannot place, private ones, AWS service names and Amazon's own addresses (the principal's code on AWS, not a person) are never judged. False positives: VPNs and proxies that exit elsewhere, mobile carriers that egress far from the phone, one access key shared by two people or a person and a server. One finding per principal and pair of places; the two addresses are resources.`,
    lookbackSeconds: 24 * 3600,
    severity: 6,
  },
  {
    id: 'sensitive-api-first-use',
    type: 'Trailscope:IAM/SensitiveApiFirstUse',
    title: 'First use of a sensitive API',
    description: `A call (successful or denied: an attempt counts) to one of ${SENSITIVE_APIS.length} sensitive APIs (secrets, Windows password data, access keys and login profiles, role trust and bucket policies, KMS key policies, snapshot and AMI sharing, organisation changes) by a principal that made none in its baseline (the 45 days before the scope), as New behavior judges first-seen APIs. A principal is an IAM user, root, or a role session by its principal id (role id and session name). No finding without a baseline: a principal with no calls before the scope, or a store that starts in the scope, is not judged. False positives: a new duty, a rotation that happens less often than the baseline is long (a quarterly key rotation). One finding per principal and API; the API is its resource, and its ATT&CK techniques are the API's.`,
    lookbackSeconds: 0,
    severity: 6,
  },
];

export function ruleById(id: DetectionRuleId): DetectionRule {
  const rule = DETECTION_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`Unknown detection rule ${id}`);
  return rule;
}

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
];

/** The longest look-back of these rules: how far before new data a run over them starts. */
export function lookbackSeconds(rules: readonly DetectionRuleId[] = DETECTION_RULE_IDS): number {
  return Math.max(0, ...rules.map((id) => ruleById(id).lookbackSeconds));
}

export function ruleById(id: DetectionRuleId): DetectionRule {
  const rule = DETECTION_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`Unknown detection rule ${id}`);
  return rule;
}

/**
 * Pure: query rows → Findings. Each rule says what a finding is keyed on; the id is a hash of the
 * rule and that key only (never the run time or the scope), so running twice over the same data
 * yields the same ids and the store merges re-detections into one finding.
 */
import crypto from 'node:crypto';
import { severityLabel, type Finding, type FindingActor, type FindingResource } from '@/lib/findings/types';
import type { GroupedRow } from './grouped-sql';
import type { AccessDeniedBurstRow } from './queries/access-denied-burst';
import type { ConsoleLoginRow } from './queries/console-logins';
import type { ExternalAssumeRoleRow } from './queries/external-assume-role';
import type { AccessKeyRow, PolicyChangeRow } from './queries/iam-changes';
import type { TrailChangeRow } from './queries/trail-changes';
import { ACCESS_DENIED_BURST, ruleById, type DetectionRuleId } from './rules';

/** `det-` + the first 24 hex digits (96 bits) of SHA-256 over the rule id and the key parts. */
export function detectionFindingId(rule: DetectionRuleId, key: readonly (string | null)[]): string {
  const hash = crypto.createHash('sha256').update(rule);
  // A separator that cannot occur in the parts keeps ["a:b", "c"] and ["a", "b:c"] apart.
  for (const part of key) hash.update('\u0000').update(part ?? '');
  return `det-${hash.digest('hex').slice(0, 24)}`;
}

const ROLE_SESSION = /^AROA[A-Z0-9]+:.+$/;

/** The actor as CloudTrail's userIdentity names it; a role session's principal id is its session id. */
export function actorOf(r: {
  actor_type: string | null;
  actor_principal_id?: string | null;
  principal_key?: string;
  actor_arn: string | null;
  actor_user_name: string | null;
  actor_access_key_id: string | null;
}): FindingActor {
  const principalId = r.actor_principal_id ?? null;
  return {
    accessKeyId: r.actor_access_key_id,
    principalId,
    arn: r.actor_arn,
    userName: r.actor_user_name,
    userType: r.actor_type,
    sessionId: r.actor_type === 'AssumedRole' && principalId && ROLE_SESSION.test(principalId) ? principalId : null,
  };
}

/** How descriptions name the actor: its ARN, else whatever identified it. */
const who = (r: GroupedRow) => r.actor_arn ?? r.actor_principal_id ?? r.principal_key;

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

const span = (r: { first_seen: string; last_seen: string }) =>
  r.first_seen === r.last_seen ? `at ${r.first_seen}` : `between ${r.first_seen} and ${r.last_seen}`;

interface Parts {
  key: readonly (string | null)[];
  title: string;
  description: string;
  resources: FindingResource[];
}

function finding(ruleId: DetectionRuleId, r: GroupedRow, parts: Parts): Finding {
  const rule = ruleById(ruleId);
  return {
    id: detectionFindingId(ruleId, parts.key),
    source: 'detection',
    type: rule.type,
    severity: rule.severity,
    severityLabel: severityLabel(rule.severity),
    title: parts.title,
    description: parts.description,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    accountId: r.account_id,
    region: r.aws_region,
    actor: actorOf(r),
    resources: parts.resources,
    evidenceEventIds: r.event_ids,
    rule: ruleId,
    count: r.events,
  };
}

/** A successful StopLogging/DeleteTrail/UpdateTrail on a trail that did not name its home region can only have run in it. */
function trailArn(r: TrailChangeRow): string {
  return r.trail_arn ?? `arn:aws:cloudtrail:${r.aws_region ?? 'unknown'}:${r.account_id ?? 'unknown'}:trail/${r.trail_name}`;
}

const TRAIL_VERBS: Partial<Record<DetectionRuleId, { title: string; verb: string }>> = {
  'cloudtrail-logging-stopped': { title: 'CloudTrail logging disabled', verb: 'stopped logging on' },
  'cloudtrail-trail-deleted': { title: 'CloudTrail trail deleted', verb: 'deleted' },
  'cloudtrail-trail-modified': { title: 'CloudTrail trail configuration changed', verb: 'changed the configuration of' },
};

export function trailFinding(rule: 'cloudtrail-logging-stopped' | 'cloudtrail-trail-deleted' | 'cloudtrail-trail-modified', r: TrailChangeRow): Finding {
  const words = TRAIL_VERBS[rule] ?? { title: rule, verb: 'changed' };
  return finding(rule, r, {
    key: [r.account_id, r.trail_name, r.principal_key],
    title: `${words.title}: ${r.trail_name}`,
    description: `${who(r)} ${words.verb} trail ${r.trail_name} in account ${r.account_id ?? 'unknown'} (${r.event_names.join(', ')}, ${times(r.events)} ${span(r)}).`,
    resources: [{ type: 'Trail', id: trailArn(r) }],
  });
}

export function policyChangeFinding(r: PolicyChangeRow): Finding {
  const kind = r.target_type === 'IAMRole' ? 'role' : 'user';
  return finding('iam-policy-changed-by-role-session', r, {
    key: [r.account_id, r.principal_key, r.target_type, r.target_name],
    title: `IAM policy attached by a role session to ${kind} ${r.target_name}`,
    description: `Role session ${who(r)} changed the permissions of ${kind} ${r.target_name} in account ${r.account_id ?? 'unknown'}: ${r.event_names.join(', ')} of ${r.policies.join(', ') || 'a policy'} (${times(r.events)} ${span(r)}).`,
    resources: [{ type: r.target_type, id: r.target_name }, ...r.policies.map((p) => ({ type: 'IAMPolicy', id: p }))],
  });
}

export function accessKeyFinding(r: AccessKeyRow): Finding {
  return finding('iam-access-key-for-other-user', r, {
    key: [r.account_id, r.principal_key, r.target_name],
    title: `Access key created for another user: ${r.target_name}`,
    description: `${who(r)} created ${r.access_keys.length === 1 ? 'an access key' : `${r.access_keys.length || r.events} access keys`} for IAM user ${r.target_name} in account ${r.account_id ?? 'unknown'} (${span(r)}).`,
    resources: [{ type: 'IAMUser', id: r.target_name }, ...r.access_keys.map((k) => ({ type: 'AccessKey', id: k }))],
  });
}

export function consoleLoginFinding(rule: 'console-login-without-mfa' | 'root-console-login', r: ConsoleLoginRow): Finding {
  const from = r.source_ips.length ? ` from ${r.source_ips.join(', ')}` : '';
  if (rule === 'root-console-login') {
    return finding(rule, r, {
      key: [r.account_id],
      title: `Root user console sign-in: account ${r.account_id ?? 'unknown'}`,
      description: `The root user of account ${r.account_id ?? 'unknown'} signed in to the console ${times(r.events)}${from} ${span(r)}, ${r.with_mfa === r.events ? 'with MFA' : `${r.events - r.with_mfa} without MFA`}.`,
      resources: [{ type: 'Account', id: r.account_id ?? 'unknown' }],
    });
  }
  const name = r.actor_user_name ?? who(r);
  return finding(rule, r, {
    key: [r.account_id, r.principal_key],
    title: `Console sign-in without MFA: ${name}`,
    description: `IAM user ${who(r)} signed in to the console without MFA ${times(r.events)}${from} ${span(r)}.`,
    resources: [{ type: 'IAMUser', id: r.actor_arn ?? name }],
  });
}

export function accessDeniedBurstFinding(r: AccessDeniedBurstRow): Finding {
  const minutes = ACCESS_DENIED_BURST.windowSeconds / 60;
  return finding('access-denied-burst', r, {
    key: [r.account_id, r.principal_key],
    title: `Burst of access-denied errors: ${r.actor_arn ?? r.principal_key}`,
    description: `${who(r)} was denied ${r.events} times in bursts of at least ${ACCESS_DENIED_BURST.threshold} within ${minutes} minutes (at most ${r.peak} in ${minutes} minutes) ${span(r)}: ${r.error_codes.join(', ')} on ${r.event_names.slice(0, 10).join(', ')}${r.event_names.length > 10 ? ', …' : ''}.`,
    resources: [],
  });
}

export function externalAssumeRoleFinding(r: ExternalAssumeRoleRow): Finding {
  const role = r.role_arn.split('/').pop() ?? r.role_arn;
  const externalId = r.with_external_id === r.events ? 'always with an ExternalId' : r.with_external_id === 0 ? 'without an ExternalId' : `${r.with_external_id} of them with an ExternalId`;
  return finding('role-assumed-from-external-account', r, {
    key: [r.account_id, r.role_arn, r.caller_account, r.principal_key],
    title: `Role ${role} assumed from outside the organisation by account ${r.caller_account}`,
    description: `${r.actor_principal_id ?? r.principal_key} in account ${r.caller_account}, which is not an organisation account, assumed ${r.role_arn} ${times(r.events)} ${span(r)}, ${externalId}${r.source_ips.length ? `, from ${r.source_ips.join(', ')}` : ''}.`,
    resources: [
      { type: 'IAMRole', id: r.role_arn },
      { type: 'Account', id: r.caller_account },
    ],
  });
}

import { API, type ApiSpec, KMS_KEY_ID } from '../api-catalog';
import type { CallError } from '../event-builders';
import { type Caller, sessionCaller, userCaller } from '../identity';
import { Rng } from '../prng';
import { SENSITIVE_FIRST_USE } from '../scenarios';
import { assumeRole } from '../sts-events';
import { uuid } from '../ids';
import { credentialExpiration, DAY } from '../time';
import type { JsonObject, TrailResource } from '../types';
import { agentOf, CLI_MAC } from '../user-agents';
import { after, Out, randomLocal, readSecret, type ScenarioContext, workdays } from './kit';

/**
 * Scenario 10. First use of sensitive APIs. dkim assumes PlatformOpsRole on workdays from home
 * in Denver and looks around: EC2, IAM, S3, CloudWatch, never anything that reads a secret,
 * mints a key or shares data. The day before --end, from the same address and client, the
 * session reads the RDS master secret and a Windows password, creates a key for another user,
 * opens a role, a bucket and a KMS key to an outside account, shares a snapshot and an AMI with
 * it, and tries to take the account out of the organisation (a service control policy denies it).
 */

const S = SENSITIVE_FIRST_USE;
const region = 'us-east-1';
const cli = agentOf.cli(CLI_MAC);
const ACCOUNT = S.role.accountId;

const BASELINE: readonly ApiSpec[] = [
  API.describeInstances,
  API.describeInstances,
  API.describeSecurityGroups,
  API.describeVolumes,
  API.describeSnapshots,
  API.describeImages,
  API.listRoles,
  API.getRole,
  API.listAttachedRolePolicies,
  API.listBuckets,
  API.describeAlarms,
  API.describeStacks,
  API.getAccountSummary,
  API.listAccessKeys,
];

function session(out: Out, start: number, accessKeyId?: string): Caller {
  const issued = assumeRole(out.ids, {
    time: start,
    caller: userCaller(S.user, S.ip.ip, cli),
    role: S.role,
    sessionName: S.sessionName,
    durationSeconds: 3600,
    accessKeyId,
  });
  out.records(start, issued.records);
  return sessionCaller(issued.session, S.ip.ip, cli);
}

function workSession(out: Out, rng: Rng, start: number): void {
  const caller = session(out, start);
  let t = start;
  for (let i = rng.int(4, 9); i > 0; i--) {
    t = after(rng, t, 10, 240);
    out.call({ time: t, caller, spec: rng.pick(BASELINE), region: rng.chance(0.85) ? region : 'eu-west-1' });
  }
}

const trustOutsider = (action: string, extra: JsonObject = {}): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${S.externalAccountId}:root` }, Action: action, ...extra }],
  });

const shareWith = { add: { items: [{ userId: S.externalAccountId }] } };

interface SensitiveCall {
  readonly spec: ApiSpec;
  readonly requestParameters?: JsonObject | null;
  readonly responseElements?: JsonObject | null;
  readonly error?: CallError;
  readonly resources?: TrailResource[];
}

/** The calls after GetSecretValue, by eventName; `t` is when each is made. */
function sensitiveCall(eventName: string, caller: Caller, t: number, rng: Rng): SensitiveCall | undefined {
  const requestId = () => uuid(rng);
  const calls: Record<string, () => SensitiveCall> = {
    GetPasswordData: () => ({ spec: API.getPasswordData, requestParameters: { instanceId: S.windowsInstanceId }, responseElements: null }),
    CreateAccessKey: () => ({
      spec: API.createAccessKey,
      requestParameters: { userName: S.newKeyFor.name },
      responseElements: { accessKey: { userName: S.newKeyFor.name, accessKeyId: S.newKeyId, status: 'Active', createDate: credentialExpiration(t) } },
    }),
    UpdateAssumeRolePolicy: () => ({
      spec: API.updateAssumeRolePolicy,
      requestParameters: { roleName: S.backdooredRoleName, policyDocument: trustOutsider('sts:AssumeRole') },
      responseElements: null,
    }),
    PutBucketPolicy: () => ({
      spec: API.putBucketPolicy,
      requestParameters: {
        bucketPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'ReplicaRead',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${S.externalAccountId}:root` },
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: [`arn:aws:s3:::${S.bucket}`, `arn:aws:s3:::${S.bucket}/*`],
            },
          ],
        },
        bucketName: S.bucket,
        Host: `${S.bucket}.s3.amazonaws.com`,
        policy: '',
      },
      responseElements: null,
      resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${S.bucket}` }],
    }),
    PutKeyPolicy: () => ({
      spec: API.putKeyPolicy,
      requestParameters: {
        keyId: KMS_KEY_ID(ACCOUNT, region),
        policyName: 'default',
        policy: trustOutsider('kms:*', { Resource: '*' }),
        bypassPolicyLockoutSafetyCheck: false,
      },
      responseElements: null,
    }),
    ModifySnapshotAttribute: () => ({
      spec: API.modifySnapshotAttribute,
      requestParameters: { snapshotId: S.snapshotId, createVolumePermission: shareWith, attributeType: 'CREATE_VOLUME_PERMISSION' },
      responseElements: { requestId: requestId(), _return: true },
    }),
    ModifyImageAttribute: () => ({
      spec: API.modifyImageAttribute,
      requestParameters: { imageId: S.imageId, launchPermission: shareWith, attributeType: 'launchPermission' },
      responseElements: { requestId: requestId(), _return: true },
    }),
    LeaveOrganization: () => ({
      spec: API.leaveOrganization,
      error: {
        code: 'AccessDeniedException',
        message: `User: ${caller.identity.arn ?? ''} is not authorized to perform: organizations:LeaveOrganization with an explicit deny in a service control policy`,
      },
    }),
  };
  return calls[eventName]?.();
}

function incident(out: Out, ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'sensitive-first-use', 'incident');
  const truths = ctx.truths.sensitiveFirstUse;
  const caller = session(out, truths.assumedAt, truths.accessKeyId);
  let t = truths.assumedAt;
  for (const spec of [API.getCallerIdentity, API.listSecrets, API.describeSnapshots, API.describeImages]) {
    t = after(rng, t, 15, 45);
    out.call({ time: t, caller, spec, region });
  }
  t = ctx.truths.times.sensitiveFirstUse;
  for (const { eventName } of S.apis) {
    const eventID = truths.eventIds[eventName];
    if (eventName === 'GetSecretValue') {
      readSecret(out, { time: t, caller, secretArn: S.secretArn, region, eventID });
    } else {
      const c = sensitiveCall(eventName, caller, t, rng);
      if (!c) throw new Error(`sensitive-first-use: no call for ${eventName}`);
      out.call({ time: t, caller, region, eventID, ...c });
    }
    t = after(rng, t, 20, 90);
  }
  out.call({ time: t, caller, spec: API.describeInstances, region });
}

export function sensitiveFirstUseScenario(ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'sensitive-first-use', 'plan');
  const out = new Out(ctx.emitter, Rng.from(ctx.seed, 'sensitive-first-use', 'ids'));
  const incidentDay = Math.floor(ctx.truths.times.sensitiveFirstUse / DAY) * DAY;
  for (const day of workdays(rng, ctx.startMs, incidentDay, 0.8)) {
    const starts = [randomLocal(rng, day, S.utcOffset, 8.5, 11)];
    if (rng.chance(0.3)) starts.push(randomLocal(rng, day, S.utcOffset, 13, 16.5));
    for (const start of starts) if (start >= ctx.startMs && start < incidentDay) workSession(out, rng, start);
  }
  if (ctx.truths.sensitiveFirstUse.assumedAt >= ctx.startMs && ctx.truths.times.sensitiveFirstUse < ctx.endMs) incident(out, ctx);
}

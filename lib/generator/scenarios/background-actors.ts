import { type ApiSpec, GET_BUCKET_ACL } from '../api-catalog';
import { accessDenied, apiCall, type ApiCallInput, consoleLogin, serviceEvent, throttled } from '../event-builders';
import { hex, stableNameQualifier, tempAccessKeyId } from '../ids';
import {
  assumedRoleIdentity,
  awsServiceIdentity,
  type Caller,
  consoleUserIdentity,
  type ConsoleUserSession,
  identityCenterUserIdentity,
  type RoleSession,
  sessionCaller,
  signInUserIdentity,
  userCaller,
} from '../identity';
import { IP_TABLE } from '../ip-table';
import { Rng } from '../prng';
import { SARA } from '../scenarios';
import { assumeRole, assumeRoleByService, assumeRoleWithSaml } from '../sts-events';
import { DAY, HOUR, SECOND } from '../time';
import type { Emitter, JsonObject } from '../types';
import {
  type AgentFn,
  agentOf,
  boto3,
  BROWSER_CHROME_MAC,
  BROWSER_EDGE_WINDOWS,
  BROWSER_FIREFOX_LINUX,
  CLI_LINUX,
  CLI_MAC,
  javaSdk,
  SSM_AGENT,
  SSO_SERVICE_AGENT,
} from '../user-agents';
import {
  ADMIN_PALETTE,
  type CliPerson,
  CONSOLE_PALETTE,
  type ConsolePerson,
  type LinkedRoleUse,
  LOG_BUCKET,
  READ_PALETTE,
  type RoleUser,
  type SsoPerson,
  type Workload,
} from './background-cast';

/**
 * The background's actors. Each keeps its own sessions and emits a burst of
 * calls when the scheduler in background.ts picks it. Bursts within an hour
 * come in random order, so an actor reuses its session only for a burst that
 * starts after the session was issued and before it expires, and otherwise
 * issues a new one: no call ever precedes the event that issued its key. A
 * burst that would need to issue a session but has no room left in the hour's
 * quota declines, and the scheduler falls back to an actor that can always
 * emit one record.
 */

/** Counts what an actor emits so the hour's quota is met exactly. */
export class Sink {
  count = 0;
  constructor(
    private readonly emitter: Emitter,
    readonly ids: Rng,
  ) {}

  call(input: ApiCallInput): void {
    this.emit(input.time, apiCall(this.ids, input));
  }

  emit(time: number, record: Parameters<Emitter['emit']>[1]): void {
    this.emitter.emit(time, record);
    this.count++;
  }
}

export interface Burst {
  readonly rng: Rng;
  readonly sink: Sink;
  /** Exclusive end of the hour being filled: no event may reach it. */
  readonly limit: number;
  /** The most records this burst may emit. */
  readonly max: number;
}

export interface Actor {
  /** How active this actor is in a given UTC hour; zero means it sleeps. */
  weight(utcHour: number, weekend: boolean): number;
  /** Emits between 1 and burst.max records in [t0, burst.limit); returns 0 if it cannot start. */
  burst(t0: number, b: Burst): number;
}

/** People work 8:00–18:30 local, a little in the evening, rarely at weekends. */
function workdayWeight(utcHour: number, weekend: boolean, utcOffset: number): number {
  const local = (((utcHour + utcOffset) % 24) + 24) % 24;
  const base = local >= 8 && local < 18.5 ? 1 : local >= 18.5 && local < 22 ? 0.25 : 0.03;
  return base * (weekend ? 0.12 : 1);
}

function regionFor(rng: Rng, euShare: number): 'us-east-1' | 'eu-west-1' {
  return rng.chance(euShare) ? 'eu-west-1' : 'us-east-1';
}

/** Runs up to n calls separated by random gaps, stopping at the hour's end or the quota. */
function callSeries(
  b: Burst,
  t0: number,
  n: number,
  gaps: readonly [number, number],
  make: (t: number) => ApiCallInput,
): number {
  let t = t0;
  let emitted = 0;
  for (let i = 0; i < n && emitted < b.max && t < b.limit; i++) {
    b.sink.call(make(t));
    emitted++;
    t += b.rng.int(gaps[0], gaps[1]) * SECOND;
  }
  return emitted;
}

function withMistakes(b: Burst, input: ApiCallInput, deniedRate: number, throttleRate = 0): ApiCallInput {
  if (b.rng.chance(deniedRate)) {
    const resource = input.spec.eventSource === 'ec2.amazonaws.com' ? `arn:aws:ec2:${input.region}:${input.caller.identity.accountId}:*` : '*';
    return { ...input, error: accessDenied(input.caller.identity, input.spec, resource) };
  }
  if (throttleRate > 0 && b.rng.chance(throttleRate)) return { ...input, error: throttled(input.spec) };
  return input;
}

export class CliPersonActor implements Actor {
  private readonly agent: AgentFn;
  constructor(private readonly p: CliPerson) {
    this.agent = agentOf.cli(p.persona);
  }
  weight(h: number, weekend: boolean): number {
    return 1.2 * workdayWeight(h, weekend, this.p.utcOffset);
  }
  burst(t0: number, b: Burst): number {
    const caller = userCaller(this.p.user, b.rng.pick(this.p.ips).ip, this.agent);
    const palette = this.p.admin && b.rng.chance(0.3) ? ADMIN_PALETTE : READ_PALETTE;
    return callSeries(b, t0, b.rng.int(2, 20), [2, 45], (t) =>
      withMistakes(b, { time: t, caller, spec: b.rng.pick(palette), region: regionFor(b.rng, this.p.euShare) }, 0.02),
    );
  }
}

const BROWSERS = { 'chrome-mac': BROWSER_CHROME_MAC, 'edge-windows': BROWSER_EDGE_WINDOWS, 'firefox-linux': BROWSER_FIREFOX_LINUX } as const;

export class ConsolePersonActor implements Actor {
  private session: (ConsoleUserSession & { expiresAt: number; ip: string; day: number }) | undefined;
  constructor(private readonly p: ConsolePerson) {}
  weight(h: number, weekend: boolean): number {
    return 1.0 * workdayWeight(h, weekend, this.p.utcOffset);
  }
  burst(t0: number, b: Burst): number {
    let emitted = 0;
    let t = t0;
    const day = Math.floor(t0 / DAY);
    if (!this.session || t0 < this.session.issuedAt || t0 >= this.session.expiresAt || this.session.day !== day) {
      if (b.max < 2) return 0;
      const ip = b.rng.pick(this.p.ips).ip;
      b.sink.emit(
        t,
        consoleLogin(b.sink.ids, {
          time: t,
          identity: signInUserIdentity(this.p.user),
          recipientAccountId: this.p.user.accountId,
          sourceIPAddress: ip,
          userAgent: BROWSERS[this.p.browser],
          mfaUsed: this.p.mfa,
          region: regionFor(b.rng, this.p.euShare),
        }),
      );
      emitted++;
      this.session = {
        user: this.p.user,
        accessKeyId: tempAccessKeyId(b.sink.ids),
        issuedAt: t,
        mfaAuthenticated: this.p.mfa,
        expiresAt: t + 12 * HOUR,
        ip,
        day,
      };
      t += b.rng.int(3, 20) * SECOND;
    }
    const s = this.session;
    const caller: Caller = { identity: consoleUserIdentity(s), sourceIPAddress: s.ip, agent: agentOf.console(), fromConsole: true };
    return (
      emitted +
      callSeries({ ...b, max: b.max - emitted }, t, b.rng.int(2, 14), [3, 90], (time) =>
        withMistakes(b, { time, caller, spec: b.rng.pick(CONSOLE_PALETTE), region: regionFor(b.rng, this.p.euShare) }, 0.015),
      )
    );
  }
}

function agentForRoleUser(kind: RoleUser['agent']): AgentFn {
  switch (kind) {
    case 'cli-mac':
      return agentOf.cli(CLI_MAC);
    case 'cli-linux':
      return agentOf.cli(CLI_LINUX);
    case 'terraform':
      return agentOf.terraform();
    case 'boto3':
      return agentOf.boto3();
  }
}

export class RoleUserActor implements Actor {
  private session: { session: RoleSession; ip: string } | undefined;
  private readonly agent: AgentFn;
  constructor(private readonly r: RoleUser) {
    this.agent = agentForRoleUser(r.agent);
  }
  weight(h: number, weekend: boolean): number {
    if (this.r.utcOffset === null) return weekend ? 0.3 : 0.9;
    return 1.3 * workdayWeight(h, weekend, this.r.utcOffset);
  }
  private sessionName(t: number, b: Burst): string {
    switch (this.r.naming) {
      case 'user-name':
        return this.r.user.name;
      case 'botocore':
        return `botocore-session-${Math.floor(t / SECOND)}`;
      case 'go-sdk':
        return `aws-go-sdk-${Math.floor(t / SECOND)}${String(b.rng.int(0, 999999999)).padStart(9, '0')}`;
    }
  }
  burst(t0: number, b: Burst): number {
    let emitted = 0;
    let t = t0;
    if (!this.session || t0 < this.session.session.issuedAt || t0 >= this.session.session.expiresAt - 60 * SECOND) {
      const copies = this.r.user.accountId === this.r.role.accountId ? 1 : 2;
      if (b.max < copies + 1) return 0;
      const ip = b.rng.pick(this.r.ips).ip;
      const issued = assumeRole(b.sink.ids, {
        time: t,
        caller: userCaller(this.r.user, ip, this.agent),
        role: this.r.role,
        sessionName: this.sessionName(t, b),
        durationSeconds: 3600,
      });
      for (const rec of issued.records) b.sink.emit(t, rec);
      emitted += issued.records.length;
      this.session = { session: issued.session, ip };
      t += b.rng.int(1, 5) * SECOND;
    }
    const caller = sessionCaller(this.session.session, this.session.ip, this.agent);
    const n = this.r.agent === 'terraform' ? b.rng.int(10, 40) : b.rng.int(2, 15);
    return (
      emitted +
      callSeries({ ...b, max: b.max - emitted }, t, n, this.r.agent === 'terraform' ? [1, 3] : [2, 60], (time) =>
        withMistakes(b, { time, caller, spec: b.rng.pick(this.r.palette), region: regionFor(b.rng, this.r.euShare) }, 0.015),
      )
    );
  }
}

export class SsoPersonActor implements Actor {
  private session: { session: RoleSession; ip: string } | undefined;
  private readonly agent = agentOf.cli(CLI_MAC);
  constructor(private readonly p: SsoPerson) {}
  weight(h: number, weekend: boolean): number {
    return 0.6 * workdayWeight(h, weekend, this.p.utcOffset);
  }
  burst(t0: number, b: Burst): number {
    let emitted = 0;
    let t = t0;
    if (!this.session || t0 < this.session.session.issuedAt || t0 >= this.session.session.expiresAt - 60 * SECOND) {
      if (b.max < 3) return 0;
      const ip = b.rng.pick(this.p.ips).ip;
      b.sink.emit(
        t,
        serviceEvent(b.sink.ids, {
          time: t,
          accountId: SARA.identityCenterAccountId,
          region: SARA.identityCenterRegion,
          eventSource: 'sso.amazonaws.com',
          eventName: 'GetRoleCredentials',
          identity: identityCenterUserIdentity(
            { userName: this.p.userName, userId: this.p.userId, identityStoreArn: SARA.identityStoreArn, homeAccountId: SARA.identityCenterAccountId },
            `AAAAA${hex(b.sink.ids, 40)}`,
          ),
          readOnly: true,
          serviceEventDetails: { role_name: this.p.permissionSet, account_id: this.p.role.accountId },
          sourceIPAddress: ip,
          userAgent: this.agent('sso.amazonaws.com', 'GetRoleCredentials', 'sso', 'sso#1.24.3'),
          withRequestId: true,
        }),
      );
      const samlTime = t + SECOND;
      const providerName = this.p.samlProviderArn.slice(this.p.samlProviderArn.indexOf('/') + 1);
      const issued = assumeRoleWithSaml(b.sink.ids, {
        time: samlTime,
        role: this.p.role,
        sessionName: this.p.userName,
        samlProviderArn: this.p.samlProviderArn,
        nameQualifier: stableNameQualifier(`saml-${this.p.role.accountId}-${providerName}`),
        subject: this.p.userName,
        issuer: SARA.samlIssuer,
        sourceIPAddress: IP_TABLE.ssoServiceUsEast1.ip,
        userAgent: SSO_SERVICE_AGENT,
        durationSeconds: 28800,
        region: 'us-east-1',
      });
      for (const rec of issued.records) b.sink.emit(samlTime, rec);
      emitted += 1 + issued.records.length;
      this.session = { session: issued.session, ip };
      t = samlTime + b.rng.int(2, 30) * SECOND;
    }
    const caller = sessionCaller(this.session.session, this.session.ip, this.agent);
    return (
      emitted +
      callSeries({ ...b, max: b.max - emitted }, t, b.rng.int(2, 12), [3, 80], (time) =>
        withMistakes(b, { time, caller, spec: b.rng.pick(READ_PALETTE), region: regionFor(b.rng, 0.2) }, 0.01),
      )
    );
  }
}

function workloadAgent(kind: Workload['agent']): AgentFn {
  switch (kind) {
    case 'ssm-agent':
      return agentOf.fixed(SSM_AGENT);
    case 'lambda-python':
      return agentOf.fixed(boto3('AWS_Lambda_python3.12'));
    case 'lambda-java':
      return agentOf.fixed(javaSdk('AWS_Lambda_java21'));
    case 'ecs-java':
      return agentOf.fixed(javaSdk('AWS_ECS_FARGATE'));
    case 'boto3':
      return agentOf.boto3();
  }
}

export class WorkloadActor implements Actor {
  private session: RoleSession | undefined;
  private refreshAt = 0;
  private readonly agent: AgentFn;
  constructor(private readonly w: Workload) {
    this.agent = workloadAgent(w.agent);
  }
  weight(h: number, weekend: boolean): number {
    if (this.w.activeUtcHours) return h >= this.w.activeUtcHours[0] && h < this.w.activeUtcHours[1] ? this.w.weight * 4 : 0;
    const dayBump = this.w.service === 'lambda.amazonaws.com' && h >= 13 && h < 23 ? 1.6 : 1;
    return this.w.weight * dayBump * (weekend ? 0.8 : 1);
  }
  burst(t0: number, b: Burst): number {
    let emitted = 0;
    let t = t0;
    if (!this.session || t0 < this.session.issuedAt || t0 >= this.refreshAt || t0 >= this.session.expiresAt) {
      if (b.max < 2) return 0;
      const [lo, hi] = this.w.refreshHours;
      const refreshSeconds = Math.round((lo + b.rng.next() * (hi - lo)) * 3600);
      const issued = assumeRoleByService(b.sink.ids, {
        time: t,
        service: this.w.service,
        role: this.w.role,
        sessionName: this.w.sessionName ?? hex(b.sink.ids, 32),
        durationSeconds: this.w.service === 'ec2.amazonaws.com' ? 6 * 3600 : 12 * 3600,
        withAssumedRoleUser: this.w.service !== 'ec2.amazonaws.com' || b.rng.chance(0.3),
        ec2RoleDelivery: this.w.service === 'ec2.amazonaws.com' ? '2.0' : undefined,
        region: this.w.region,
      });
      for (const rec of issued.records) b.sink.emit(t, rec);
      emitted += issued.records.length;
      this.session = issued.session;
      this.refreshAt = t + refreshSeconds * SECOND;
      t += b.rng.int(1, 20) * SECOND;
    }
    const caller = sessionCaller(this.session, this.w.ip.ip, this.agent);
    const self = this.session.sessionName;
    return (
      emitted +
      callSeries({ ...b, max: b.max - emitted }, t, b.rng.int(1, 6), [1, 30], (time) => {
        const spec = b.rng.pick(this.w.palette);
        return withMistakes(b, { time, caller, spec, region: this.w.region, requestParameters: this.ownRequest(spec, b, self) }, 0.002, 0.004);
      })
    );
  }

  /** The SSM agent reports its own instance, and a function logs to its own group. */
  private ownRequest(spec: ApiSpec, b: Burst, self: string): JsonObject | undefined {
    const base = () => spec.request?.({ rng: b.rng, region: this.w.region, accountId: this.w.role.accountId }) ?? {};
    if (this.w.service === 'ec2.amazonaws.com' && spec.eventSource === 'ssm.amazonaws.com' && spec.eventName !== 'GetParameter') {
      return { ...base(), instanceId: self };
    }
    if (this.w.service === 'lambda.amazonaws.com' && spec.eventName === 'CreateLogStream') {
      return { ...base(), logGroupName: `/aws/lambda/${self}` };
    }
    return undefined;
  }
}

/** Service-linked roles are assumed inside AWS: their sessions appear without an AssumeRole. */
export class LinkedRoleActor implements Actor {
  private session: RoleSession | undefined;
  constructor(private readonly l: LinkedRoleUse) {}
  weight(): number {
    return this.l.weight;
  }
  burst(t0: number, b: Burst): number {
    if (!this.session || t0 < this.session.issuedAt || t0 >= this.session.expiresAt) {
      const issuedAt = t0 - b.rng.int(0, 600) * SECOND;
      this.session = {
        role: this.l.role,
        sessionName: this.l.sessionName,
        accessKeyId: tempAccessKeyId(b.sink.ids),
        issuedAt,
        expiresAt: issuedAt + HOUR,
        mfaAuthenticated: false,
        invokedBy: this.l.service,
      };
    }
    const caller: Caller = {
      identity: assumedRoleIdentity(this.session),
      sourceIPAddress: this.l.service,
      agent: agentOf.fixed(this.l.service),
      noTls: true,
    };
    return callSeries(b, t0, b.rng.int(1, 8), [0, 3], (time) => ({
      time,
      caller,
      spec: b.rng.pick(this.l.palette),
      region: b.rng.chance(0.3) ? 'eu-west-1' : 'us-east-1',
    }));
  }
}

/** CloudTrail itself reads the log bucket's ACL before deliveries. It can always emit one record. */
export class LogBucketAclActor implements Actor {
  weight(): number {
    return 2.5;
  }
  burst(t0: number, b: Burst): number {
    const caller: Caller = {
      identity: awsServiceIdentity('cloudtrail.amazonaws.com'),
      sourceIPAddress: 'cloudtrail.amazonaws.com',
      agent: agentOf.fixed('cloudtrail.amazonaws.com'),
      noTls: true,
    };
    return callSeries(b, t0, b.rng.int(1, 3), [0, 40], (time) => ({
      time,
      caller,
      spec: GET_BUCKET_ACL,
      region: LOG_BUCKET.region,
      recipientAccountId: LOG_BUCKET.accountId,
      requestParameters: { bucketName: LOG_BUCKET.name, Host: `${LOG_BUCKET.name}.s3.amazonaws.com`, acl: '' },
      responseElements: null,
      resources: [{ ARN: `arn:aws:s3:::${LOG_BUCKET.name}`, accountId: LOG_BUCKET.accountId, type: 'AWS::S3::Bucket' }],
    }));
  }
}

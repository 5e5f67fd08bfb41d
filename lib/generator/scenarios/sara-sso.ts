import { API, type ApiSpec, STOP_LOGGING } from '../api-catalog';
import { accessDenied, consoleLogin, serviceEvent } from '../event-builders';
import { instanceId } from '../ids';
import {
  assumedRoleIdentity,
  identityCenterUserIdentity,
  type IdentityCenterUser,
  type RoleSession,
  sessionCaller,
} from '../identity';
import type { IpLocation } from '../ip-table';
import { Rng } from '../prng';
import { SARA, SARA_CREDENTIAL_ID_PREFIX } from '../scenarios';
import { assumeRole, assumeRoleWithSaml } from '../sts-events';
import { HOUR, SECOND } from '../time';
import { agentOf, BROWSER_CHROME_MAC, CLI_MAC, SSO_SERVICE_AGENT } from '../user-agents';
import { after, dayStarts, isWeekendDay, Out, randomLocal, type ScenarioContext } from './kit';

/**
 * Scenario 1. sara signs in through IAM Identity Center and works in production
 * through AWSReservedSSO_AdministratorAccess_…, from home (Bellevue) or the VPN
 * (Ashburn), for weeks. Two days before --end her session stops a trail, chains
 * into DemoRole1 and tries to grant itself more: one AttachRolePolicy succeeds,
 * one is denied.
 */

const PACIFIC = -8;
const SSO_SESSION_SECONDS = 43200;

const CONSOLE_CALLS: readonly ApiSpec[] = [
  API.describeInstances,
  API.describeInstances,
  API.describeSecurityGroups,
  API.describeVpcs,
  API.describeInstanceStatus,
  API.describeAlarms,
  API.listBuckets,
  API.listRoles,
  API.listUsers,
  API.getAccountSummary,
  API.describeTrails,
  API.lookupEvents,
];

const CLI_CALLS: readonly ApiSpec[] = [
  API.getCallerIdentity,
  API.describeInstances,
  API.describeInstances,
  API.describeServices,
  API.listTasks,
  API.describeLogGroups,
  API.describeStacks,
  API.listFunctions,
  API.describeInstanceStatus,
];

const SARA_IC_USER: IdentityCenterUser = {
  userName: SARA.userName,
  userId: SARA.identityCenterUserId,
  identityStoreArn: SARA.identityStoreArn,
  homeAccountId: SARA.identityCenterAccountId,
};

const cliAgent = agentOf.cli(CLI_MAC);

interface SignIn {
  readonly time: number;
  readonly ip: IpLocation;
  readonly console: boolean;
  readonly accessKeyId?: string;
}

/** The Identity Center side (management account) and the SAML session it yields in production. */
function signIn(out: Out, rng: Rng, s: SignIn): RoleSession {
  const icIdentity = identityCenterUserIdentity(SARA_IC_USER, `${SARA_CREDENTIAL_ID_PREFIX}${rng.int(100000, 999999)}`);
  const details = { role_name: SARA.permissionSetName, account_id: SARA.ssoRole.accountId };
  const portalEvent = (time: number, eventName: string, serviceEventDetails?: Record<string, string>) =>
    out.record(
      time,
      serviceEvent(out.ids, {
        time,
        accountId: SARA.identityCenterAccountId,
        region: SARA.identityCenterRegion,
        eventSource: 'sso.amazonaws.com',
        eventName,
        identity: icIdentity,
        readOnly: true,
        serviceEventDetails,
        sourceIPAddress: s.ip.ip,
        userAgent: s.console ? BROWSER_CHROME_MAC : cliAgent('sso.amazonaws.com', eventName, 'sso', 'sso#1.24.3'),
        withRequestId: true,
      }),
    );
  if (s.console) {
    portalEvent(s.time, 'Federate', details);
  } else {
    portalEvent(s.time, 'ListAccountRoles', { account_id: SARA.ssoRole.accountId });
    portalEvent(s.time + SECOND, 'GetRoleCredentials', details);
  }
  const samlTime = s.time + 2 * SECOND;
  const issued = assumeRoleWithSaml(out.ids, {
    time: samlTime,
    role: SARA.ssoRole,
    sessionName: SARA.sessionName,
    samlProviderArn: SARA.samlProviderArn,
    nameQualifier: SARA.nameQualifier,
    subject: SARA.userName,
    issuer: SARA.samlIssuer,
    sourceIPAddress: SARA.ssoServiceIp.ip,
    userAgent: SSO_SERVICE_AGENT,
    durationSeconds: SSO_SESSION_SECONDS,
    region: SARA.identityCenterRegion,
    accessKeyId: s.accessKeyId,
  });
  out.records(samlTime, issued.records);
  if (s.console) {
    const { accessKeyId: _omit, ...withoutKey } = assumedRoleIdentity(issued.session);
    const loginTime = samlTime + SECOND;
    out.record(
      loginTime,
      consoleLogin(out.ids, {
        time: loginTime,
        identity: withoutKey,
        recipientAccountId: SARA.ssoRole.accountId,
        sourceIPAddress: s.ip.ip,
        userAgent: BROWSER_CHROME_MAC,
        mfaUsed: false,
        loginTo: 'https://console.aws.amazon.com/console/home?region=us-east-1',
      }),
    );
  }
  return issued.session;
}

function baselineSession(out: Out, rng: Rng, start: number, ip: IpLocation, isConsole: boolean, endLimit: number): void {
  const session = signIn(out, rng, { time: start, ip, console: isConsole });
  const caller = sessionCaller(session, ip.ip, isConsole ? agentOf.console() : cliAgent, { fromConsole: isConsole });
  const palette = isConsole ? CONSOLE_CALLS : CLI_CALLS;
  let t = start + rng.int(8, 40) * SECOND;
  const calls = rng.int(4, 18);
  for (let i = 0; i < calls && t < endLimit; i++) {
    out.call({ time: t, caller, spec: rng.pick(palette), region: rng.chance(0.85) ? 'us-east-1' : 'eu-west-1' });
    t = after(rng, t, 5, rng.chance(0.2) ? 900 : 120);
  }
}

function incident(out: Out, ctx: ScenarioContext): void {
  const times = ctx.truths.times;
  const ip = ctx.truths.sara.incidentIp;
  const sso = signIn(out, Rng.from(ctx.seed, 'sara', 'incident-sign-in'), {
    time: times.saraSignIn,
    ip,
    console: false,
    accessKeyId: ctx.truths.sara.incidentSsoAccessKeyId,
  });
  const ssoCaller = sessionCaller(sso, ip.ip, cliAgent);
  out.call({ time: times.saraSignIn + 41 * SECOND, caller: ssoCaller, spec: API.getCallerIdentity, region: 'us-east-1' });
  out.call({ time: times.saraSignIn + 95 * SECOND, caller: ssoCaller, spec: API.describeTrails, region: 'us-east-1' });
  out.call({
    time: times.saraStopLogging,
    caller: ssoCaller,
    spec: STOP_LOGGING,
    region: 'us-east-1',
    requestParameters: { name: SARA.trailArn },
    responseElements: null,
  });

  const chained = assumeRole(out.ids, {
    time: times.saraAssumeDemoRole,
    caller: ssoCaller,
    role: SARA.demoRole,
    sessionName: SARA.sessionName,
    durationSeconds: 3600,
    accessKeyId: ctx.truths.sara.incidentDemoRoleAccessKeyId,
  });
  out.records(times.saraAssumeDemoRole, chained.records);

  const demo = sessionCaller(chained.session, ip.ip, cliAgent);
  let t = times.saraAssumeDemoRole + 35 * SECOND;
  out.call({ time: t, caller: demo, spec: API.describeInstances, region: 'us-east-1' });
  t += 82 * SECOND;
  const newInstance = instanceId(out.ids);
  out.call({
    time: t,
    caller: demo,
    spec: API.runInstances,
    region: 'us-east-1',
    requestParameters: {
      instancesSet: { items: [{ imageId: 'ami-0a3c3a20c09d6f377', minCount: 1, maxCount: 1 }] },
      instanceType: 'c5.4xlarge',
      blockDeviceMapping: {},
      monitoring: { enabled: false },
      disableApiTermination: false,
      disableApiStop: false,
      clientToken: 'f1d5c1f4-1b2e-4c61-9d55-6f1e3b9a2c77',
    },
    responseElements: {
      reservationId: 'r-0f3a9c1d2b4e5a6c7',
      ownerId: SARA.demoRole.accountId,
      groupSet: {},
      instancesSet: {
        items: [
          {
            instanceId: newInstance,
            imageId: 'ami-0a3c3a20c09d6f377',
            instanceState: { code: 0, name: 'pending' },
            instanceType: 'c5.4xlarge',
            placement: { availabilityZone: 'us-east-1a', tenancy: 'default' },
            monitoring: { state: 'disabled' },
          },
        ],
      },
    },
  });
  t += 88 * SECOND;
  out.call({
    time: t,
    caller: demo,
    spec: API.attachRolePolicy,
    region: 'us-east-1',
    requestParameters: { ...SARA.attachedPolicy },
    responseElements: null,
  });
  out.call({
    time: times.saraDeniedAttach,
    caller: demo,
    spec: API.attachRolePolicy,
    region: 'us-east-1',
    error: accessDenied(demo.identity, API.attachRolePolicy, `role ${SARA.deniedAttach.roleName}`),
  });
}

export function saraScenario(ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'sara', 'plan');
  const out = new Out(ctx.emitter, Rng.from(ctx.seed, 'sara', 'ids'));
  // The baseline stops half a day before the incident so the incident is the last thing she does.
  const baselineEnd = Math.min(ctx.endMs, ctx.truths.times.saraSignIn - 12 * HOUR);
  for (const day of dayStarts(ctx.startMs, baselineEnd)) {
    const weekend = isWeekendDay(day);
    if (!rng.chance(weekend ? 0.15 : 0.88)) continue;
    const sessions = !weekend && rng.chance(0.3) ? 2 : 1;
    for (let i = 0; i < sessions; i++) {
      const start = randomLocal(rng, day, PACIFIC, i === 0 ? 8.5 : 13, i === 0 ? 12.5 : 17.5);
      const localHour = (((start / HOUR + PACIFIC) % 24) + 24) % 24;
      const atHome = localHour < 9.5 || localHour > 17 || rng.chance(0.4);
      const ip = rng.pick(atHome ? SARA.homeIps : SARA.vpnIps);
      if (start < ctx.startMs || start >= baselineEnd) continue;
      baselineSession(out, rng, start, ip, rng.chance(0.5), Math.min(baselineEnd, start + 3 * HOUR));
    }
  }
  incident(out, ctx);
}

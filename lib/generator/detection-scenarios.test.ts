import { beforeAll, describe, expect, it } from 'vitest';
import { createEnricher } from '@/lib/enrichment/enricher';
import type { SourceInfo } from '@/lib/enrichment/types';
import { generate } from './generate';
import { parseGenerateOptions, type Variant } from './options';
import { allRecords, readMemoryFiles } from './read-logs';
import {
  IMPOSSIBLE_TRAVEL,
  INSTANCE_CREDENTIALS,
  LOGGING_GAP,
  ROLE_JUGGLING,
  SARA,
  scenarioTruths,
  SENSITIVE_FIRST_USE,
} from './scenarios';
import { DAY, HOUR, MINUTE } from './time';
import type { CloudTrailRecord, JsonObject } from './types';
import { MemoryFileSink } from './writer';

/**
 * Scenarios 7–11, planted for detections written against them: each incident's shape, and the
 * look-alikes that must not fire.
 */

function run(variant: Variant, events = 25_000) {
  const options = parseGenerateOptions({ outDir: 'memory', events, variant });
  const sink = new MemoryFileSink();
  const summary = generate(options, sink);
  const records = allRecords(readMemoryFiles(sink.files)).sort((a, b) => a.eventTime.localeCompare(b.eventTime));
  return { options, summary, records, truths: scenarioTruths({ seed: options.seed, end: options.end, variant }) };
}

const { options, records, truths } = run('default');
const times = truths.times;
const at = (r: CloudTrailRecord) => Date.parse(r.eventTime);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const byKey = (key: string) => records.filter((r) => r.userIdentity.accessKeyId === key);
const issuerArn = (r: CloudTrailRecord) => r.userIdentity.sessionContext?.sessionIssuer?.arn;
const requested = (r: CloudTrailRecord) => (r.requestParameters ?? {}) as { roleArn?: string; roleSessionName?: string; durationSeconds?: number };
const issuedKey = (r: CloudTrailRecord) => (r.responseElements as { credentials?: { accessKeyId?: string } } | null)?.credentials?.accessKeyId;
const isPrivate = (ip: string) => /^10\./.test(ip);
const isService = (ip: string) => ip.endsWith('.amazonaws.com') || ip === 'AWS Internal';
const AMAZON_ASNS = [16509, 14618];

const enriched = new Map<string, SourceInfo>();
beforeAll(async () => {
  const ips = [...new Set(records.map((r) => r.sourceIPAddress))];
  for (const [ip, info] of await createEnricher().enrich(ips)) enriched.set(ip, info);
});
const asnOf = (ip: string) => enriched.get(ip)?.asn?.asn;

/** Great-circle distance between two looked-up addresses, in km. */
function distanceKm(a: string, b: string): number {
  const ga = enriched.get(a)?.geo;
  const gb = enriched.get(b)?.geo;
  if (ga?.latitude == null || ga.longitude == null || gb?.latitude == null || gb.longitude == null) throw new Error(`no location for ${a} or ${b}`);
  const rad = Math.PI / 180;
  const dLat = (gb.latitude - ga.latitude) * rad;
  const dLon = (gb.longitude - ga.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(ga.latitude * rad) * Math.cos(gb.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('scenario 7: EC2 instance credentials used outside AWS', () => {
  const C = INSTANCE_CREDENTIALS;
  const [web1, web2] = C.webInstances;
  const stolenKey = truths.instanceCredentials.stolenAccessKeyId;
  const webCalls = records.filter((r) => issuerArn(r) === C.role.arn);
  const workerCalls = records.filter((r) => issuerArn(r) === C.worker.role.arn);
  const fromAttacker = records.filter((r) => r.sourceIPAddress === C.attackerIp.ip);

  it('issues the stolen key to storefront-web-1 through ec2.amazonaws.com, named for the instance', () => {
    const delivery = records.find((r) => r.eventName === 'AssumeRole' && issuedKey(r) === stolenKey);
    expect(delivery?.userIdentity).toEqual({ type: 'AWSService', invokedBy: 'ec2.amazonaws.com' });
    expect(delivery?.sourceIPAddress).toBe('ec2.amazonaws.com');
    expect(requested(delivery as CloudTrailRecord)).toMatchObject({ roleArn: C.role.arn, roleSessionName: web1?.instanceId });
    expect(at(delivery as CloudTrailRecord)).toBeLessThan(times.instanceCredentialsMisused);
    expect(at(delivery as CloudTrailRecord)).toBeGreaterThan(times.instanceCredentialsMisused - C.credentialHours * HOUR);
  });

  it('uses that key from the attacker: discovery, then the private bucket, never through an endpoint', () => {
    expect(fromAttacker.length).toBeGreaterThanOrEqual(8);
    for (const r of fromAttacker) {
      expect(r.userIdentity.accessKeyId).toBe(stolenKey);
      expect(r.userIdentity.principalId).toBe(`${C.role.roleId}:${web1?.instanceId}`);
      expect(r.userIdentity.arn).toBe(`arn:aws:sts::${C.role.accountId}:assumed-role/${C.role.name}/${web1?.instanceId}`);
      expect(r.userIdentity.sessionContext).toMatchObject({ webIdFederationData: {}, ec2RoleDelivery: '2.0' });
      expect(r.vpcEndpointId).toBeUndefined();
    }
    const first = fromAttacker[0];
    expect([first?.eventID, first?.eventName, first?.eventTime]).toEqual([
      truths.instanceCredentials.firstMisuseEventId,
      'GetCallerIdentity',
      iso(times.instanceCredentialsMisused),
    ]);
    const taken = fromAttacker.filter((r) => r.eventName === 'GetObject').map((r) => (r.requestParameters as { key: string }).key);
    expect(taken).toEqual([...C.exfiltratedKeys]);
    expect(asnOf(C.attackerIp.ip)).toBeDefined();
    expect(AMAZON_ASNS).not.toContain(asnOf(C.attackerIp.ip));
  });

  it('otherwise calls only from its own Amazon address, through the VPC endpoints, or as a service on its behalf', () => {
    const ownPublic = new Set(C.webInstances.map((w) => w.publicIp.ip));
    const kinds = new Set<string>();
    for (const r of [...webCalls, ...workerCalls]) {
      if (r.sourceIPAddress === C.attackerIp.ip) continue;
      const ip = r.sourceIPAddress;
      if (isPrivate(ip)) {
        expect(Object.values(C.vpcEndpoints)).toContain(r.vpcEndpointId);
        kinds.add('endpoint');
      } else if (isService(ip)) {
        expect(r.userIdentity.invokedBy).toBe(ip);
        kinds.add('service');
      } else {
        expect(ownPublic.has(ip), `${r.eventName} from ${ip}`).toBe(true);
        expect(AMAZON_ASNS).toContain(asnOf(ip));
        expect(r.vpcEndpointId).toBeUndefined();
        kinds.add('amazon');
      }
    }
    expect(kinds).toEqual(new Set(['amazon', 'endpoint', 'service']));
    expect(webCalls.filter((r) => r.sourceIPAddress === C.attackerIp.ip).length).toBe(fromAttacker.length);
  });

  it('has a worker that only ever reaches AWS through the endpoints, and a second web server never misused', () => {
    expect(workerCalls.length).toBeGreaterThan(50);
    for (const r of workerCalls) expect(isPrivate(r.sourceIPAddress) || isService(r.sourceIPAddress)).toBe(true);
    const web2Calls = webCalls.filter((r) => r.userIdentity.principalId?.endsWith(`:${web2?.instanceId}`));
    expect(new Set(web2Calls.map((r) => r.sourceIPAddress))).toEqual(new Set([web2?.publicIp.ip, web2?.privateIp, 'secretsmanager.amazonaws.com']));
  });

  it('has three weeks of baseline before the incident', () => {
    const first = Math.min(...webCalls.map(at));
    expect(times.instanceCredentialsMisused - first).toBeGreaterThan(14 * DAY);
  });
});

describe('scenario 8: role juggling', () => {
  const J = ROLE_JUGGLING;
  const { hops, lastCallAt } = truths.roleJuggling;
  const assumes = new Map(records.filter((r) => r.eventName === 'AssumeRole').map((r) => [issuedKey(r), r]));

  it('chains five hops, each AssumeRole made by the session before it', () => {
    expect(hops.length).toBe(5);
    hops.forEach((hop, i) => {
      const a = assumes.get(hop.accessKeyId);
      expect(a?.eventID).toBe(hop.assumeRoleEventId);
      expect(a?.eventTime).toBe(iso(hop.issuedAt));
      expect(requested(a as CloudTrailRecord)).toMatchObject({ roleArn: hop.role.arn, roleSessionName: hop.sessionName, durationSeconds: 3600 });
      expect(a?.sourceIPAddress).toBe(J.attackerIp.ip);
      const prev = hops[i - 1];
      if (!prev) {
        expect(a?.userIdentity).toMatchObject({ type: 'IAMUser', arn: J.user.arn, accessKeyId: J.user.accessKeyId });
      } else {
        expect(a?.userIdentity).toMatchObject({ type: 'AssumedRole', accessKeyId: prev.accessKeyId, principalId: `${prev.role.roleId}:${prev.sessionName}` });
        expect(hop.role.arn).not.toBe(prev.role.arn);
      }
    });
  });

  it('keeps every session under an hour while the chain calls for more than three', () => {
    const allCalls = hops.flatMap((hop) => byKey(hop.accessKeyId));
    hops.forEach((hop, i) => {
      const calls = byKey(hop.accessKeyId);
      expect(calls.length).toBeGreaterThanOrEqual(4);
      const end = hops[i + 1]?.issuedAt ?? lastCallAt;
      for (const r of calls) {
        expect(at(r)).toBeGreaterThanOrEqual(hop.issuedAt);
        expect(at(r)).toBeLessThanOrEqual(end);
        expect(r.userIdentity.sessionContext?.attributes.creationDate).toBe(iso(hop.issuedAt));
      }
      expect(Math.max(...calls.map(at)) - hop.issuedAt).toBeLessThan(HOUR);
    });
    const span = Math.max(...allCalls.map(at)) - hops[0]!.issuedAt;
    expect(span).toBeGreaterThan(3 * HOUR);
    expect(span).toBeLessThan(4 * HOUR);
    expect(Math.max(...allCalls.map(at))).toBe(lastCallAt);
  });

  it('never uses the user key again after the chain starts', () => {
    const userAfter = records.filter((r) => r.userIdentity.accessKeyId === J.user.accessKeyId && at(r) > hops[0]!.issuedAt);
    expect(userAfter).toEqual([]);
  });

  it('has a baseline of short deploy chains through the same two roles', () => {
    const baselineHops = records.filter((r) => r.eventName === 'AssumeRole' && requested(r).roleArn === J.roleB.arn && at(r) < times.roleJugglingStart);
    expect(baselineHops.length).toBeGreaterThan(3);
    for (const r of baselineHops) expect(r.userIdentity.type).toBe('AssumedRole');
  });

  it('has an hourly workload that re-assumes its role from its IAM user, never chained', () => {
    const w = J.hourlyWorkload;
    const into = records.filter((r) => r.eventName === 'AssumeRole' && requested(r).roleArn === w.role.arn).map((r) => {
      expect(r.userIdentity).toMatchObject({ type: 'IAMUser', arn: w.user.arn });
      return at(r);
    });
    expect(into.length).toBeGreaterThanOrEqual(w.days * 24 - 1);
    for (let i = 1; i < into.length; i++) expect(into[i]! - into[i - 1]!).toBeLessThan(HOUR + 2 * MINUTE);
    const sessionKeys = new Set(records.filter((r) => issuerArn(r) === w.role.arn).map((r) => r.userIdentity.accessKeyId));
    const chainedFrom = records.filter((r) => r.eventName === 'AssumeRole' && sessionKeys.has(r.userIdentity.accessKeyId));
    expect(chainedFrom).toEqual([]);
  });

  it('leaves sara’s chain short', () => {
    const demo = byKey(truths.sara.incidentDemoRoleAccessKeyId);
    expect(Math.max(...demo.map(at)) - Math.min(...demo.map(at))).toBeLessThan(HOUR);
  });
});

describe('scenario 9: impossible travel', () => {
  const T = IMPOSSIBLE_TRAVEL;
  const { from, to, accessKeyId } = truths.impossibleTravel;
  const mine = byKey(accessKeyId);

  it('uses one AKIA key in Frankfurt and, 25 minutes later, in São Paulo', () => {
    expect(accessKeyId).toBe(T.user.accessKeyId);
    const a = records.find((r) => r.eventID === from.eventId);
    const b = records.find((r) => r.eventID === to.eventId);
    expect([a?.sourceIPAddress, a?.eventTime, a?.userIdentity.accessKeyId]).toEqual([T.officeIp.ip, iso(from.time), accessKeyId]);
    expect([b?.sourceIPAddress, b?.eventTime, b?.userIdentity.accessKeyId]).toEqual([T.attackerIp.ip, iso(to.time), accessKeyId]);
    expect(a?.userIdentity.type).toBe('IAMUser');
    expect(enriched.get(T.officeIp.ip)?.geo?.city).toBe('Frankfurt am Main');
    expect(enriched.get(T.attackerIp.ip)?.geo).toMatchObject({ countryCode: 'BR', city: 'Sao Paulo' });
    const km = distanceKm(T.officeIp.ip, T.attackerIp.ip);
    const hours = (to.time - from.time) / HOUR;
    expect(km).toBeGreaterThan(9000);
    expect(hours).toBeLessThan(0.5);
    expect(km / hours).toBeGreaterThan(15_000);
    for (const ip of [T.officeIp.ip, T.attackerIp.ip, T.homeIp.ip]) expect(AMAZON_ASNS).not.toContain(asnOf(ip));
    // The two places keep alternating after the first jump.
    const after = mine.filter((r) => at(r) >= from.time && at(r) < to.time + HOUR && !isService(r.sourceIPAddress)).map((r) => r.sourceIPAddress);
    const switches = after.filter((ip, i) => i > 0 && ip !== after[i - 1]).length;
    expect(switches).toBeGreaterThanOrEqual(3);
  });

  it('has weeks of home and office in one metro, within the hour of each other, and service-address calls', () => {
    const baseline = mine.filter((r) => at(r) < from.time - 2 * HOUR);
    expect(new Set(baseline.filter((r) => !isService(r.sourceIPAddress)).map((r) => r.sourceIPAddress))).toEqual(new Set([T.homeIp.ip, T.officeIp.ip]));
    expect(from.time - Math.min(...baseline.map(at))).toBeGreaterThan(14 * DAY);
    expect(distanceKm(T.homeIp.ip, T.officeIp.ip)).toBeLessThan(10);
    const people = baseline.filter((r) => !isService(r.sourceIPAddress));
    const quickSwitches = people.filter((r, i) => i > 0 && r.sourceIPAddress !== people[i - 1]!.sourceIPAddress && at(r) - at(people[i - 1]!) < HOUR);
    expect(quickSwitches.length).toBeGreaterThan(0);
    const viaService = mine.filter((r) => r.sourceIPAddress === 'secretsmanager.amazonaws.com');
    expect(viaService.length).toBeGreaterThan(0);
    for (const r of viaService) expect(r.userIdentity).toMatchObject({ type: 'IAMUser', accessKeyId, invokedBy: 'secretsmanager.amazonaws.com' });
    expect(viaService.some((r) => at(r) > from.time && at(r) < to.time)).toBe(true);
  });

  it('leaves sara’s home and VPN as they were: the VPN egress is Amazon’s, not a place she travels to', () => {
    for (const l of SARA.vpnIps) expect(AMAZON_ASNS).toContain(asnOf(l.ip));
    for (const l of SARA.homeIps) expect(AMAZON_ASNS).not.toContain(asnOf(l.ip));
  });
});

describe('scenario 10: first use of sensitive APIs', () => {
  const S = SENSITIVE_FIRST_USE;
  const t = truths.sensitiveFirstUse;
  const roleCalls = records.filter((r) => issuerArn(r) === S.role.arn);
  const incidentDay = Math.floor(times.sensitiveFirstUse / DAY) * DAY;
  const baseline = roleCalls.filter((r) => at(r) < incidentDay);
  const scope = roleCalls.filter((r) => at(r) >= incidentDay);
  const sensitive = (r: CloudTrailRecord) => S.apis.some((a) => a.eventSource === r.eventSource && a.eventName === r.eventName);

  it('has weeks of baseline without any of the sensitive APIs', () => {
    expect(baseline.length).toBeGreaterThan(100);
    expect(new Set(baseline.map((r) => r.eventTime.slice(0, 10))).size).toBeGreaterThan(20);
    expect(incidentDay - Math.min(...baseline.map(at))).toBeGreaterThan(14 * DAY);
    expect(baseline.filter(sensitive)).toEqual([]);
    expect(new Set(roleCalls.filter((r) => !isService(r.sourceIPAddress)).map((r) => r.sourceIPAddress))).toEqual(new Set([S.ip.ip]));
  });

  it('calls each of them for the first time in the incident, with the eventIDs the truths name', () => {
    const first = scope.filter(sensitive);
    expect(first.map((r) => r.eventName)).toEqual(S.apis.map((a) => a.eventName));
    for (const r of first) {
      expect(r.eventID).toBe(t.eventIds[r.eventName]);
      expect(r.userIdentity.accessKeyId).toBe(t.accessKeyId);
      expect(r.userIdentity.principalId).toBe(`${S.role.roleId}:${S.sessionName}`);
    }
    expect(first[0]?.eventTime).toBe(iso(times.sensitiveFirstUse));
    const byName = new Map(first.map((r) => [r.eventName, r]));
    expect(byName.get('LeaveOrganization')?.errorCode).toBe('AccessDeniedException');
    expect(first.filter((r) => r.errorCode).map((r) => r.eventName)).toEqual(['LeaveOrganization']);
    expect((byName.get('ModifySnapshotAttribute')?.requestParameters as JsonObject).createVolumePermission).toEqual({
      add: { items: [{ userId: S.externalAccountId }] },
    });
    expect((byName.get('ModifyImageAttribute')?.requestParameters as JsonObject).launchPermission).toEqual({ add: { items: [{ userId: S.externalAccountId }] } });
    expect(byName.get('CreateAccessKey')?.requestParameters).toEqual({ userName: S.newKeyFor.name });
    expect(JSON.stringify(byName.get('PutBucketPolicy')?.requestParameters)).toContain(S.externalAccountId);
    const assume = records.find((r) => r.eventName === 'AssumeRole' && issuedKey(r) === t.accessKeyId);
    expect(assume?.userIdentity.arn).toBe(S.user.arn);
    expect(assume?.eventTime).toBe(iso(t.assumedAt));
  });

  it('leaves the application roles that read their secret every day alone', () => {
    const launched = options.end - INSTANCE_CREDENTIALS.launchedDaysBeforeEnd * DAY;
    for (const role of S.dailySecretReaders) {
      const days = new Set(
        records.filter((r) => issuerArn(r) === role.arn && r.eventName === 'GetSecretValue').map((r) => r.eventTime.slice(0, 10)),
      );
      const expected = Math.round((options.end - launched) / DAY);
      expect(days.size).toBeGreaterThanOrEqual(expected - 1);
      expect(days.has(new Date(incidentDay).toISOString().slice(0, 10))).toBe(true);
    }
  });
});

describe('scenario 11: logging gaps (variant logging-gap)', () => {
  const variant = run('logging-gap');
  const gaps = variant.truths.loggingGaps;
  const inGap = (all: readonly CloudTrailRecord[], g: (typeof gaps)[number]) =>
    all.filter((r) => r.recipientAccountId === g.accountId && r.awsRegion === g.region && at(r) > g.from && at(r) < g.to);

  it('has no gaps in the default world', () => {
    expect(truths.loggingGaps).toEqual([]);
    expect(records.some((r) => r.eventName === 'StartLogging')).toBe(false);
  });

  it('delivers nothing from the account × region between StopLogging and StartLogging, nor in the outage', () => {
    expect(gaps.map((g) => [g.accountId, g.region, g.reason])).toEqual([
      [LOGGING_GAP.trail.accountId, LOGGING_GAP.trail.region, 'trail-stopped'],
      [LOGGING_GAP.outage.accountId, LOGGING_GAP.outage.region, 'delivery-outage'],
    ]);
    for (const g of gaps) {
      expect(inGap(variant.records, g)).toEqual([]);
      expect(inGap(records, g).length).toBeGreaterThan(5);
      expect(g.to - g.from).toBeGreaterThan(3 * HOUR);
      const around = (from: number, to: number) =>
        variant.records.filter((r) => r.recipientAccountId === g.accountId && r.awsRegion === g.region && at(r) >= from && at(r) < to).length;
      expect(around(g.from - 3 * HOUR, g.from)).toBeGreaterThan(3);
      expect(around(g.to, g.to + 3 * HOUR)).toBeGreaterThan(3);
    }
    expect(variant.summary.droppedEvents).toBeGreaterThan(0);
    expect(variant.summary.events).toBe(variant.records.length);
  });

  it('logs StopLogging and StartLogging on the trail, by the same principal', () => {
    const [stopped] = gaps;
    const stop = variant.records.find((r) => r.eventID === variant.truths.loggingGap.stopLoggingEventId);
    const start = variant.records.find((r) => r.eventID === variant.truths.loggingGap.startLoggingEventId);
    for (const [r, name, time] of [
      [stop, 'StopLogging', stopped?.from],
      [start, 'StartLogging', stopped?.to],
    ] as const) {
      expect(r?.eventName).toBe(name);
      expect(r?.eventTime).toBe(iso(time ?? 0));
      expect(r?.requestParameters).toEqual({ name: LOGGING_GAP.trail.arn });
      expect([r?.recipientAccountId, r?.awsRegion]).toEqual([LOGGING_GAP.trail.accountId, LOGGING_GAP.trail.region]);
      expect(r?.userIdentity.arn).toBe(LOGGING_GAP.actor.arn);
    }
  });

  it('changes nothing else: every default record outside the gaps is in the variant', () => {
    const dropped = new Set(gaps.flatMap((g) => inGap(records, g)).map((r) => r.eventID));
    const variantIds = new Set(variant.records.map((r) => r.eventID));
    const missing = records.filter((r) => !dropped.has(r.eventID) && !variantIds.has(r.eventID));
    expect(missing).toEqual([]);
    const defaultIds = new Set(records.map((r) => r.eventID));
    const extra = variant.records.filter((r) => !defaultIds.has(r.eventID));
    expect(extra.length).toBeGreaterThan(0);
    for (const r of extra) expect(r.userIdentity.arn).toBe(LOGGING_GAP.actor.arn);
  });
});

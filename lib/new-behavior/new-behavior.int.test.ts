import { describe, expect, it } from 'vitest';
import { getEnricher } from '@/lib/enrichment/enricher';
import { dataRange } from '@/lib/data-range/queries/data-range';
import { runPanel } from '@/lib/engine/panel';
import { incidentTimes, SARA, VENDOR } from '@/lib/generator/scenarios';
import type { Subject } from '@/lib/subjects/subject';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { getNewBehavior, type NewBehavior } from './get-new-behavior';
import { fakeEnricher } from './test-enricher';

/**
 * The New behavior analytics through DuckDB on the generator's store (seed 7, 20k events), checked
 * against the truths it planted: sara's incident is new in what it called, not where it came from;
 * in the sara-new-country variant, Romania is the one new place; the vendor's credential report is new.
 */
const times = incidentTimes(Date.parse('2026-11-20T00:00:00Z'));
const HOUR = 3_600_000;
const hour = (ms: number) => Math.floor(ms / HOUR) * HOUR;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const saraScope = { from: iso(hour(times.saraSignIn) - HOUR), to: iso(hour(times.saraDeniedAttach) + 2 * HOUR) };
const vendorScope = { from: iso(hour(times.vendorCredentialReport) - HOUR), to: iso(hour(times.vendorCredentialReport) + 2 * HOUR) };

const ssoSession: Subject = { kind: 'role-session', principalId: `${SARA.ssoRole.roleId}:${SARA.sessionName}` };
const demoSession: Subject = { kind: 'role-session', principalId: `${SARA.demoRole.roleId}:${SARA.sessionName}` };
const apiNames = (r: NewBehavior) => r.newApiCalls.map((c) => `${c.eventSource}:${c.eventName}`);

describe('default scenarios', () => {
  const conn = scenarioConnection();

  it("sara's SSO session: the incident APIs are new, her Ashburn VPN is not a new place", async () => {
    const r = await getNewBehavior(conn(), ssoSession, saraScope, { enricher: fakeEnricher() });
    expect(r.baseline.reason).toBeUndefined();
    expect(r.baseline.coverageStart).not.toBeNull();
    expect(apiNames(r)).toEqual(expect.arrayContaining(['cloudtrail.amazonaws.com:StopLogging', 'sts.amazonaws.com:AssumeRole']));
    expect(apiNames(r)).not.toContain('sts.amazonaws.com:GetCallerIdentity');
    const stop = r.newApiCalls.find((c) => c.eventName === 'StopLogging');
    expect(stop).toMatchObject({ success: 1, failed: 0, firstSeen: iso(times.saraStopLogging), filter: { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging' } });
    expect(r.newGeolocations).toEqual([]);
    expect(r.newAsns).toEqual([]);
    expect(r.knownGeolocations.map((l) => l.label).sort()).toEqual(['Ashburn, Virginia, United States', 'Bellevue, Washington, United States']);
    expect(r.knownGeolocations.find((l) => l.label.startsWith('Ashburn'))?.scope.success).toBeGreaterThan(0);
    // Same CLI, new subcommands: new raw agents in a known family, never a new family.
    expect(r.newUserAgents.map((f) => [f.family, f.familyNew])).toEqual([['aws-cli-v2', false]]);
    expect(r.newUserAgents[0]?.agents.map((a) => a.userAgent)).toEqual(
      expect.arrayContaining([expect.stringContaining('md/command#cloudtrail.stop-logging')]),
    );
    expect(r.increasedVolume).toEqual([]);
    expect(r.queries).toHaveLength(1);
  });

  it("sara's DemoRole1 session (and the role) has no history: no new items, an explicit reason", async () => {
    for (const subject of [demoSession, { kind: 'role', arn: SARA.demoRole.arn } as Subject]) {
      const r = await getNewBehavior(conn(), subject, saraScope, { enricher: fakeEnricher() });
      expect(r.baseline).toMatchObject({ reason: 'no-history', coverageStart: null });
      expect([r.newApiCalls, r.newGeolocations, r.newAsns, r.newUserAgents, r.increasedVolume]).toEqual([[], [], [], [], []]);
    }
  });

  it('a subject with no activity at all in the window: an empty answer, not a row-shape failure', async () => {
    const subjects: Subject[] = [
      { kind: 'role-session', principalId: 'AROANOSUCHROLE000000:nobody' },
      { kind: 'role', arn: 'arn:aws:iam::123456789012:role/NeverUsed' },
    ];
    for (const subject of subjects) {
      const r = await getNewBehavior(conn(), subject, saraScope, { enricher: fakeEnricher() });
      expect(r.baseline).toMatchObject({ reason: 'no-history', coverageStart: null });
      expect([r.newApiCalls, r.newGeolocations, r.knownGeolocations, r.newAsns, r.newUserAgents, r.increasedVolume, r.nonIpSources]).toEqual([[], [], [], [], [], [], []]);
    }
  });

  it('VendorReadOnly: GenerateCredentialReport is a newly observed API call', async () => {
    const role: Subject = { kind: 'role', arn: VENDOR.role.arn };
    const r = await getNewBehavior(conn(), role, vendorScope, { enricher: fakeEnricher() });
    expect(r.baseline.reason).toBeUndefined();
    expect(apiNames(r)).toContain('iam.amazonaws.com:GenerateCredentialReport');
    expect(r.newApiCalls.find((c) => c.eventName === 'GenerateCredentialReport')?.firstSeen).toBe(iso(times.vendorCredentialReport));
    expect(r.newGeolocations).toEqual([]);
  });

  it('a store that starts late shortens the baseline; one that starts in the scope has none', async () => {
    const range = (await runPanel(conn(), dataRange, {})).rows[0];
    const late = iso(Date.parse(saraScope.from) - 10 * 86_400_000);
    const shortened = await getNewBehavior(conn(), ssoSession, saraScope, { enricher: fakeEnricher(), storeFirstEvent: late });
    expect(shortened.baseline).toMatchObject({ shortened: true, coverageStart: late });
    const none = await getNewBehavior(conn(), ssoSession, saraScope, { enricher: fakeEnricher(), storeFirstEvent: saraScope.from });
    expect(none.baseline.reason).toBe('store-starts-in-scope');
    expect(none.newApiCalls).toEqual([]);
    // The generator's 70 days cover a 45-day baseline in full.
    const full = await getNewBehavior(conn(), ssoSession, saraScope, { enricher: fakeEnricher(), storeFirstEvent: range?.first });
    expect(full.baseline.shortened).toBe(false);
  });

  it('enriches each distinct IP once, in one batch', async () => {
    const enricher = fakeEnricher();
    await getNewBehavior(conn(), ssoSession, saraScope, { enricher });
    expect(enricher.calls).toHaveLength(1);
    expect(new Set(enricher.calls[0]).size).toBe(enricher.calls[0]?.length);
  });

  it('with the real enricher (GeoLite2 / ASN data) sara still has no new location', async () => {
    const r = await getNewBehavior(conn(), ssoSession, saraScope, { enricher: getEnricher() });
    expect(r.newGeolocations).toEqual([]);
    expect(apiNames(r)).toContain('cloudtrail.amazonaws.com:StopLogging');
  });

  it('reports its cost on the 20k store', async () => {
    const subjects: [string, Subject, { from: string; to: string }][] = [
      ['sara sso session', ssoSession, saraScope],
      ['VendorReadOnly role', { kind: 'role', arn: VENDOR.role.arn }, vendorScope],
      ['sso role', { kind: 'role', arn: SARA.ssoRole.arn }, saraScope],
    ];
    const figures: Record<string, { totalMs: number; queryMs: number; enrichMs: number; rows: number }> = {};
    for (const [name, subject, scope] of subjects) {
      const started = performance.now();
      const r = await getNewBehavior(conn(), subject, scope, { enricher: fakeEnricher() });
      const q = r.queries[0];
      figures[name] = { totalMs: Math.round(performance.now() - started), queryMs: Math.round(q?.stats.elapsedMs ?? 0), enrichMs: Math.round(r.enrichMs), rows: q?.stats.rowCount ?? 0 };
    }
    console.log(`new-behavior times on 20k events: ${JSON.stringify(figures)}`);
    for (const f of Object.values(figures)) expect(f.totalMs).toBeLessThan(2000);
  });
});

describe('sara-new-country variant', () => {
  const conn = scenarioConnection({ variant: 'sara-new-country' });

  it('Romania is exactly the new location, with the incident IP and its calls', async () => {
    const r = await getNewBehavior(conn(), ssoSession, saraScope, { enricher: fakeEnricher() });
    expect(r.newGeolocations.map((l) => [l.location.countryCode, l.location.country, l.location.city])).toEqual([['RO', 'Romania', 'Bucharest']]);
    const bucharest = r.newGeolocations[0];
    expect(bucharest?.filter.ips).toEqual(['5.12.4.71']);
    expect(bucharest?.ips[0]).toMatchObject({ ip: '5.12.4.71', new: true, baselineCalls: 0 });
    expect(bucharest?.scope.success).toBeGreaterThan(0);
    expect(r.newAsns.map((a) => a.organization)).toEqual(['RCS & RDS']);
    expect(r.knownGeolocations.map((l) => l.location.countryCode)).toEqual(['US', 'US']);
    expect(apiNames(r)).toContain('cloudtrail.amazonaws.com:StopLogging');
  });

  it('with the real enricher, Romania is still exactly the new location', async () => {
    const r = await getNewBehavior(conn(), ssoSession, saraScope, { enricher: getEnricher() });
    expect(r.newGeolocations.map((l) => l.location.countryCode)).toEqual(['RO']);
    expect(r.newGeolocations[0]?.filter.ips).toEqual(['5.12.4.71']);
    expect(r.newAsns).toHaveLength(1);
  });
});

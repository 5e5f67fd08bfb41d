import { AthenaClient } from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveScope } from '@/lib/params/scope';
import { addIsoDays, isoDay } from '@/lib/time';
import { MB, openMockedAthena, simulateAthena, summarise, type SimulatedTrail } from '@/test/fixtures/athena-trail';
import { tableMetadata } from '@/test/fixtures/table-metadata';
import { maxProbes } from '@/lib/data-range/day-search';
import type { TableShape } from '@/lib/engine/table-shape';
import { getDataRange, PROBE_FANOUT, PROBE_PARTITION_BUDGET, probeMaxDays } from './get-data-range';
import { getOverview } from '@/lib/overview/get-overview';

/**
 * The data range on Athena (issue 12, defects 3 and 4), against a mocked Athena that answers like a
 * trail in S3 and counts the folder days and bytes every query reads.
 */
const athena = mockClient(AthenaClient);
afterAll(() => athena.restore());
beforeEach(() => athena.reset());
afterEach(() => vi.restoreAllMocks());

const today = isoDay(Date.now());
const ago = (days: number) => addIsoDays(today, -days);
const slash = (day: string) => day.replaceAll('-', '/');
const ACCOUNTS = ['111122223333', '444455556666'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const DAY_BYTES = 100 * MB;
// Every account and region folder of one day.
const ONE_DAY = DAY_BYTES * ACCOUNTS.length * REGIONS.length;

function trail(firstDay: string, lastDay: string, extra: Partial<SimulatedTrail> = {}): SimulatedTrail {
  return {
    firstDay,
    lastDay,
    bytesPerDay: DAY_BYTES,
    accounts: ACCOUNTS,
    regions: REGIONS,
    // Projected from two years ago, as `athena:setup --start` would have it.
    metadata: tableMetadata('project', 'projected-date', { startDate: slash(ago(730)), accounts: ACCOUNTS, regions: REGIONS }),
    ...extra,
  };
}

const open = openMockedAthena;

/** Moves Date.now forward, as hours passing would. */
function later(ms: number) {
  const now = Date.now();
  vi.spyOn(Date, 'now').mockReturnValue(now + ms);
}

describe('the data range on Athena', () => {
  it('finds the first and last events of a trail that ended more than 30 days ago', async () => {
    simulateAthena(athena, trail(ago(400), ago(40)));
    const range = await getDataRange(await open());
    expect(range.first).toBe(`${ago(400)}T00:00:00Z`);
    expect(range.last).toBe(`${ago(40)}T23:55:00Z`);
    // Counting every event would read the whole trail: unknown on Athena.
    expect(range.events).toBeNull();
  });

  it('reads at most the first and last days of a live trail, plus existence probes of one file each', async () => {
    const log = simulateAthena(athena, trail(ago(400), today));
    const range = await getDataRange(await open());
    expect(range.first).toBe(`${ago(400)}T00:00:00Z`);
    expect(range.last).toBe(`${today}T23:55:00Z`);
    const { bytes, panels } = summarise(log);
    expect(panels['data-range-extent']).toBe(1);
    expect(panels['data-range-probe'] ?? 0).toBeLessThanOrEqual(2 * maxProbes(731, PROBE_FANOUT));
    expect(bytes).toBeLessThan(2 * ONE_DAY + 50 * MB);
  });

  it('is read once per process, not per page view', async () => {
    const log = simulateAthena(athena, trail(ago(400), today));
    const conn = await open();
    const pageView = async () => {
      const range = await getDataRange(conn);
      await getOverview(conn, resolveScope({}, range.last));
    };
    await pageView();
    const first = summarise(log);
    await pageView();
    await pageView();
    const later = summarise(log.slice(first.queries));
    // Two more views: only the overview's five panels each, each reading the scope's day ± 1.
    expect(later.panels).toEqual({ 'scope-totals': 2, accounts: 2, regions: 2, 'top-principals': 2, 'top-event-names': 2 });
    expect(later.bytes).toBe(2 * 5 * 2 * ONE_DAY);
  });

  it('refreshes in the background after 15 minutes, probing only the last day, and the first day after a day', async () => {
    const log = simulateAthena(athena, trail(ago(400), today));
    const conn = await open();
    const first = await getDataRange(conn);
    const initial = log.length;

    later(16 * 60_000);
    // Served at once, stale; the refresh runs behind it.
    expect(await getDataRange(conn)).toBe(first);
    await vi.waitFor(() => expect(log.slice(initial).map((q) => q.panel)).toEqual(['data-range-probe', 'data-range-extent']));
    expect(log.at(-1)?.days).toEqual([{ first: today, last: today }]);
    const refreshed = await getDataRange(conn);
    expect(refreshed).not.toBe(first);
    expect(refreshed.first).toBe(first.first);

    const afterRefresh = log.length;
    later(25 * 3_600_000);
    await getDataRange(conn);
    // The first day is looked for again from where it was: one probe for nothing earlier, one for
    // that day (and the last end's search, now from tomorrow).
    await vi.waitFor(() => expect(log.at(-1)?.panel).toBe('data-range-extent'));
    const probes = log.slice(afterRefresh).filter((q) => q.panel === 'data-range-probe');
    expect(probes.map((q) => q.days)).toContainEqual([{ first: ago(730), last: ago(401) }]);
    expect(probes.map((q) => q.days)).toContainEqual([{ first: ago(400), last: ago(400) }]);
    expect(probes.length).toBeLessThan(initial - 1);
    expect(log.at(-1)?.days).toEqual([
      { first: ago(400), last: ago(400) },
      { first: today, last: today },
    ]);
  });

  it('on a table whose partitions are registered, takes the candidate days from the catalog', async () => {
    const metadata = tableMetadata('project', 'projected-date', { accounts: ACCOUNTS, regions: REGIONS });
    metadata.Parameters = Object.fromEntries(Object.entries(metadata.Parameters ?? {}).filter(([k]) => !k.startsWith('projection.')));
    const log = simulateAthena(athena, trail(ago(30), ago(2), { metadata }));
    const range = await getDataRange(await open());
    expect([range.first, range.last]).toEqual([`${ago(30)}T00:00:00Z`, `${ago(2)}T23:55:00Z`]);
    expect(log[0]?.panel).toBe('data-range-partitions');
    expect(log[0]?.sql).toContain('FROM "AwsDataCatalog"."trails"."cloudtrail_logs$partitions"');
    // Registered days are the candidates: both ends answer with one probe each.
    expect(summarise(log).panels['data-range-probe']).toBe(2);
  });

  it('on an unpartitioned table, counts the whole trail once (every query reads it all anyway) and keeps it', async () => {
    const log = simulateAthena(athena, trail(ago(10), today, { metadata: tableMetadata('aws', 'none') }));
    const conn = await open({ partitioning: 'none' });
    const range = await getDataRange(conn);
    expect(range.events).toBe(11 * 288 * ACCOUNTS.length * REGIONS.length);
    await getDataRange(conn);
    expect(log.map((q) => q.panel)).toEqual(['data-range']);
  });
});

describe('how many days one existence probe spans', () => {
  const shape = (accounts: number, regions: number): TableShape => ({
    name: 't',
    columns: new Set(),
    partitionKeys: ['account', 'region', 'timestamp'],
    projection: {
      keys: {
        account: { type: 'enum', values: Array.from({ length: accounts }, (_, i) => String(100000000000 + i)) },
        region: { type: 'enum', values: Array.from({ length: regions }, (_, i) => `r-${i}`) },
      },
    },
  });

  it("keeps a probe's partitions (days × accounts × regions) within the budget", () => {
    expect(probeMaxDays(shape(59, 55))).toBe(Math.floor(PROBE_PARTITION_BUDGET / (59 * 55)));
    expect(probeMaxDays(shape(59, 55)) * 59 * 55).toBeLessThanOrEqual(PROBE_PARTITION_BUDGET);
    expect(probeMaxDays(shape(2, 2))).toBe(PROBE_PARTITION_BUDGET / 4);
    expect(probeMaxDays(shape(5000, 40))).toBe(1);
    expect(probeMaxDays(undefined)).toBe(PROBE_PARTITION_BUDGET);
  });
});

import { describe, expect, it } from 'vitest';
import { addIsoDays } from '@/lib/time';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { dataRange, dataRangeExtent, dataRangeProbe } from './queries/data-range';
import { runPanel } from '@/lib/engine/panel';

/** The data-range queries on the scenario store (DuckDB runs the same SQL shapes Athena does). */
const connection = scenarioConnection();

describe('data range queries on the scenario store', () => {
  it('the extent of the first and last days agrees with the whole store, and names what the events name', async () => {
    const whole = (await runPanel(connection(), dataRange, {})).rows[0];
    expect(whole?.events).toBeGreaterThan(10_000);
    const days = [(whole?.first as string).slice(0, 10), (whole?.last as string).slice(0, 10)];
    const rows = (await runPanel(connection(), dataRangeExtent, { days })).rows;
    const total = rows.find((r) => r.kind === 'total');
    expect([total?.first, total?.last]).toEqual([whole?.first, whole?.last]);
    expect(rows[0]?.kind).toBe('total');
    expect(rows.filter((r) => r.kind === 'region' && r.value !== null).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.kind === 'recipient' && r.value !== null).every((r) => /^\d{12}$/.test(r.value as string))).toBe(true);
    // Each grouping set counts every event of the days once.
    const perKind = (kind: string) => rows.filter((r) => r.kind === kind).reduce((n, r) => n + r.events, 0);
    expect(perKind('region')).toBe(total?.events);
    expect(perKind('recipient')).toBe(total?.events);
  });

  it('a probe finds events on a day with data and none on a day without', async () => {
    const whole = (await runPanel(connection(), dataRange, {})).rows[0];
    const last = (whole?.last as string).slice(0, 10);
    expect((await runPanel(connection(), dataRangeProbe, { firstDay: last, lastDay: last })).rows).toEqual([{ found: 1 }]);
    const after = addIsoDays(last, 1);
    expect((await runPanel(connection(), dataRangeProbe, { firstDay: after, lastDay: addIsoDays(after, 30) })).rows).toEqual([]);
  });
});

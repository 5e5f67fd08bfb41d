import { describeGoldenSql, type GoldenCase } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { coverageCounts } from './queries/coverage-counts';
import { trailEventHours, trailEvents } from './queries/trail-events';

/** Golden SQL of the coverage queries, on both engines (see test/golden-sql.ts for what is checked). */
const window = { from: '2026-11-05T00:00:00Z', to: '2026-11-20T00:00:00Z' };
const m = (module: unknown) => module as QueryModule<never, unknown>;

const cases: GoldenCase[] = [
  ['coverage-counts (hours and daily files, one window)', m(coverageCounts), { ...window, days: window }],
  ['coverage-counts (hours around the days)', m(coverageCounts), { from: '2026-10-29T00:00:00Z', to: '2026-11-20T00:00:00Z', days: window }],
  ['coverage-counts (hours only)', m(coverageCounts), { ...window, days: null }],
  ['coverage-trail-events', m(trailEvents), window],
  [
    'coverage-trail-events (the hours the summary names)',
    m(trailEvents),
    { ...window, spans: [{ from: '2026-11-18T09:00:00Z', to: '2026-11-18T10:00:00Z' }, { from: '2026-11-19T22:00:00Z', to: '2026-11-20T00:00:00Z' }] },
  ],
  ['coverage-trail-event-hours', m(trailEventHours), window],
];

describeGoldenSql(cases);

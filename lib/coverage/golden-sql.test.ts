import { describeGoldenSql, type GoldenCase } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { coverageCounts } from './queries/coverage-counts';
import { trailEvents } from './queries/trail-events';

/** Golden SQL of the coverage queries, on both engines (see test/golden-sql.ts for what is checked). */
const window = { from: '2026-11-05T00:00:00Z', to: '2026-11-20T00:00:00Z' };
const m = (module: unknown) => module as QueryModule<never, unknown>;

const cases: GoldenCase[] = [
  ['coverage-counts (hours and daily files)', m(coverageCounts), { ...window, files: true }],
  ['coverage-counts (hours only)', m(coverageCounts), { ...window, files: false }],
  ['coverage-trail-events', m(trailEvents), window],
];

describeGoldenSql(cases);

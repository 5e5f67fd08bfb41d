import { describeGoldenSql } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { sessionTimeline } from './query';

/** Golden SQL of the session timeline, on both engines (see test/golden-sql.ts for what is checked). */
const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };

const cases: [string, QueryModule<never, unknown>, unknown][] = [
  ['session-timeline', sessionTimeline as QueryModule<never, unknown>, { ...scope, principalId: 'AROAEXAMPLE000000001:sara' }],
];

describeGoldenSql(cases);

import { describeGoldenSql } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { dataRangeExtent, dataRangeProbe } from './queries/data-range';

/** Golden SQL of the data range probes, on both engines (see test/golden-sql.ts for what is checked). */

const cases: [string, QueryModule<never, unknown>, unknown][] = [
  ['data-range-probe', dataRangeProbe as QueryModule<never, unknown>, { firstDay: '2024-01-30', lastDay: '2024-02-02' }],
  ['data-range-extent (first and last days)', dataRangeExtent as QueryModule<never, unknown>, { days: ['2024-01-31', '2026-11-19'] }],
];

describeGoldenSql(cases);

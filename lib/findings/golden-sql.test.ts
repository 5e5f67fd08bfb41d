import { describeGoldenSql } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { evidenceEventNames, keyOwner } from './resolve-actor';

/** Golden SQL of resolving a finding's actor, on both engines (see test/golden-sql.ts for what is checked). */
const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };

const cases: [string, QueryModule<never, unknown>, unknown][] = [
  ['finding-key-owner', keyOwner as QueryModule<never, unknown>, { ...scope, accessKeyId: 'ASIAEXAMPLEKEY000001' }],
  ['finding-evidence-names', evidenceEventNames as QueryModule<never, unknown>, { ...scope, eventIds: ['e-1', 'e-2'] }],
];

describeGoldenSql(cases);

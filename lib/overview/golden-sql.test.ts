import { describeGoldenSql } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { accountsInScope, regionsInScope, scopeTotals, topEventNames, topPrincipals } from './queries/overview';

/** Golden SQL of the overview panels, on both engines (see test/golden-sql.ts for what is checked). */
const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };

const cases: [string, QueryModule<never, unknown>, unknown][] = [
  ['scope-totals', scopeTotals as QueryModule<never, unknown>, scope],
  ['accounts', accountsInScope as QueryModule<never, unknown>, scope],
  ['regions', regionsInScope as QueryModule<never, unknown>, scope],
  ['top-principals', topPrincipals as QueryModule<never, unknown>, scope],
  ['top-event-names', topEventNames as QueryModule<never, unknown>, scope],
];

describeGoldenSql(cases);

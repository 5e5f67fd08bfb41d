import { describeGoldenSql } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { subjectExtent } from './queries/subject-extent';

/** Golden SQL of a subject's extent, on both engines (see test/golden-sql.ts for what is checked). */
const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };

const cases: [string, QueryModule<never, unknown>, unknown][] = [
  ['subject-extent (role session, windowed)', subjectExtent as QueryModule<never, unknown>, { subject: { kind: 'role-session', principalId: 'AROAEXAMPLE000000001:sara' }, window: scope }],
];

describeGoldenSql(cases);

import { describeGoldenSql } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { roleSessionList } from './queries/role-session-list';

/** Golden SQL of the role-session list, on both engines (see test/golden-sql.ts for what is checked). */
const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };

const cases: [string, QueryModule<never, unknown>, unknown][] = [
  [
    'role-sessions (all filters)',
    roleSessionList as QueryModule<never, unknown>,
    { ...scope, account: '123456789012', role: 'DemoRole1', sessionName: 'sara', assumer: 'arn:aws:iam::123456789012:user/alice', sort: 'events', order: 'desc', limit: 51, offset: 50 },
  ],
];

describeGoldenSql(cases);

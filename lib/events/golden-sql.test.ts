import { describeGoldenSql } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { eventSearch } from './queries/event-search';

/** Golden SQL of the event search, on both engines (see test/golden-sql.ts for what is checked). */
const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };

const cases: [string, QueryModule<never, unknown>, unknown][] = [
  [
    'event-search (all filters, second page)',
    eventSearch as QueryModule<never, unknown>,
    {
      ...scope,
      principal: 'arn:aws:iam::123456789012:role/DemoRole',
      accessKeyId: 'ASIAEXAMPLEKEY000001',
      sessionName: 'sara',
      ip: '198.51.100.7',
      eventName: 'StopLogging',
      errorCode: '*',
      account: '123456789012',
      region: 'us-east-1',
      limit: 51,
      after: { t: '2026-11-19T12:00:00Z', id: 'e-1' },
    },
  ],
];

describeGoldenSql(cases);

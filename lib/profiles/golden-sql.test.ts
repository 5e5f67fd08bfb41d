import { describeGoldenSql } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { ipPrincipals } from './queries/ip-principals';
import { userAccessKeys } from './queries/user-access-keys';

/**
 * Golden SQL of the profiles' own queries (the AssumeRole lookups are assume-role-events, pinned
 * in the other domains): the exact statement per engine, every Athena string valid Trino, values bound
 * only in WHERE, partitions pruned to the scope.
 */
const scope = { from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' };

type AnyModule = QueryModule<never, unknown>;
const cases: [string, AnyModule, unknown][] = [
  ['user-access-keys', userAccessKeys as AnyModule, { arn: 'arn:aws:iam::444455556666:user/acme-collector', ...scope }],
  ['ip-principals', ipPrincipals as AnyModule, { ip: '18.184.7.93', ...scope }],
];

describeGoldenSql(cases);

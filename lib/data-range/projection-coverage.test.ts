import { describe, expect, it } from 'vitest';
import type { TableShape } from '@/lib/engine/table-shape';
import type { ExtentRow } from '@/lib/data-range/queries/data-range';
import { namedInEvents, projectionWarnings } from './projection-coverage';

const shape: TableShape = {
  name: 'trails.cloudtrail_logs',
  columns: new Set(),
  partitionKeys: ['account', 'region', 'timestamp'],
  projection: {
    keys: {
      account: { type: 'enum', values: ['111122223333', '444455556666'] },
      region: { type: 'enum', values: ['us-east-1', 'eu-west-1'] },
      timestamp: { type: 'date', format: 'yyyy/MM/dd', range: ['2024/01/01', 'NOW'], interval: 1, unit: 'DAYS' },
    },
  },
};
const row = (kind: ExtentRow['kind'], value: string | null): ExtentRow => ({ kind, value, events: 1, first: null, last: null });
const named = namedInEvents(['2026-12-03'], [
  row('total', null),
  row('region', 'us-east-1'),
  row('region', 'eu-west-1'),
  row('enabled-region', 'ap-southeast-7'),
  row('recipient', '111122223333'),
  row('caller', '111122223333'),
  row('caller', '999900001111'),
  row('assumed', null),
  row('assumed', '444455556666'),
  row('assumed', '123412341234'),
]);

describe('accounts and regions the projection does not list', () => {
  it('nothing to say when every account and region named is listed', () => {
    expect(projectionWarnings(shape, namedInEvents(['2026-12-03'], [row('region', 'us-east-1'), row('assumed', '444455556666')]), ['111122223333'])).toEqual([]);
  });

  it('an organisation account from the settings, an assumed role’s account, an enabled region', () => {
    const w = projectionWarnings(shape, named, ['111122223333', '777788889999']);
    expect(w.map((x) => [x.key, x.values])).toEqual([
      ['account', ['777788889999']],
      ['account', ['123412341234']],
      ['region', ['ap-southeast-7']],
    ]);
    expect(w[2]?.message).toBe(
      "Events of 2026-12-03 name region ap-southeast-7, which the table's region projection does not list: events logged there are not read. ALTER TABLE trails.cloudtrail_logs SET TBLPROPERTIES ('projection.region.values'='us-east-1,eu-west-1,ap-southeast-7')",
    );
  });

  it('callers’ accounts only when the settings say they are the organisation’s (others may be vendors)', () => {
    expect(projectionWarnings(shape, named, []).flatMap((w) => w.values)).not.toContain('999900001111');
    expect(projectionWarnings(shape, named, ['999900001111']).flatMap((w) => w.values)).toContain('999900001111');
  });

  it('only for enum projections: a table without an account or region enum reads every folder it has', () => {
    const noEnums: TableShape = { ...shape, partitionKeys: ['timestamp'], projection: { keys: { timestamp: shape.projection?.keys.timestamp as never } } };
    expect(projectionWarnings(noEnums, named, ['777788889999'])).toEqual([]);
    expect(projectionWarnings({ ...shape, projection: null }, named, ['777788889999'])).toEqual([]);
  });
});

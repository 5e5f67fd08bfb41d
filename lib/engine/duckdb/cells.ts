import {
  createDuckDBValueConverter,
  DuckDBTimestampValue,
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  objectArrayFromMapValue,
  type DuckDBValueConverter,
} from '@duckdb/node-api';
import type { Cell } from '../types';

/**
 * DuckDB values as JSON-safe cells, the same shapes the Athena engine returns: counts and sums
 * (BIGINT, HUGEINT, DECIMAL) as numbers, timestamps as `YYYY-MM-DDTHH:MM:SSZ`, maps as objects.
 */
const asNumber: DuckDBValueConverter<Cell> = (value) => Number(String(value));

const asIsoTime: DuckDBValueConverter<Cell> = (value) => {
  if (!(value instanceof DuckDBTimestampValue)) return String(value);
  const ms = Number(value.micros / 1000n);
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
};

const asObject: DuckDBValueConverter<Cell> = (value, type, convert) => {
  const pairs = objectArrayFromMapValue(value, type, convert);
  return Object.fromEntries(pairs.map((p) => [String(p.key), p.value]));
};

export const cellConverter: DuckDBValueConverter<Cell> = createDuckDBValueConverter<Cell>({
  ...(Object.fromEntries(
    Object.values(DuckDBTypeId)
      .filter((id): id is DuckDBTypeId => typeof id === 'number')
      .map((id) => [id, JsonDuckDBValueConverter as DuckDBValueConverter<Cell>]),
  ) as Record<DuckDBTypeId, DuckDBValueConverter<Cell>>),
  [DuckDBTypeId.BIGINT]: asNumber,
  [DuckDBTypeId.UBIGINT]: asNumber,
  [DuckDBTypeId.HUGEINT]: asNumber,
  [DuckDBTypeId.UHUGEINT]: asNumber,
  [DuckDBTypeId.DECIMAL]: asNumber,
  [DuckDBTypeId.TIMESTAMP]: asIsoTime,
  [DuckDBTypeId.MAP]: asObject,
});

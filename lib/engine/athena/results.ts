/**
 * GetQueryResults pages → JSON-safe rows.
 *
 * Athena returns every value as text (`Datum.VarCharValue`, absent for NULL) and describes each
 * column in `ResultSetMetadata.ColumnInfo` with a Trino type name. The first row of the first page
 * of a SELECT is the header (column labels), not data. Conversions follow the `Cell` contract:
 * integers and decimals → number, booleans → boolean, timestamps → ISO-8601 UTC, JSON → parsed.
 * ARRAY/MAP/ROW arrive in Trino's display form (`[a, b]`, `{k=v}`), which is not JSON and cannot be
 * parsed back reliably, so they stay strings: select `json_format(CAST(x AS JSON))` to get data.
 */
import type { ColumnInfo, Datum, Row as AthenaRow } from '@aws-sdk/client-athena';
import type { Cell, Row } from '@/lib/engine/types';

export interface Column {
  name: string;
  type: string;
}

export function columnsOf(info: readonly ColumnInfo[] | undefined): Column[] {
  return (info ?? []).map((c, i) => ({
    name: c.Name ?? c.Label ?? `_col${i}`,
    // Parameterised names ("varchar(10)", "decimal(10,2)", "timestamp(3) with time zone") are
    // reduced to their base type; Precision/Scale are separate fields anyway.
    type: (c.Type ?? 'varchar').toLowerCase().replace(/\(.*?\)/g, '').replace(/\s+/g, ' ').trim(),
  }));
}

/** Converts one page's rows; `skipHeader` drops the label row that leads the first page. */
export function convertRows(columns: readonly Column[], rows: readonly AthenaRow[], skipHeader: boolean): Row[] {
  const data = skipHeader ? rows.slice(1) : rows;
  return data.map((r) => convertRow(columns, r.Data ?? []));
}

function convertRow(columns: readonly Column[], data: readonly Datum[]): Row {
  const row: Row = {};
  columns.forEach((col, i) => {
    row[col.name] = convertCell(col.type, data[i]?.VarCharValue);
  });
  return row;
}

const INTEGER_TYPES = new Set(['tinyint', 'smallint', 'integer', 'int', 'bigint']);
const FLOAT_TYPES = new Set(['double', 'real', 'float', 'decimal']);

export function convertCell(type: string, text: string | undefined): Cell {
  if (text === undefined) return null;
  if (INTEGER_TYPES.has(type)) {
    const n = Number(text);
    // Past 2^53 a JS number would silently change the value; keep the exact digits instead.
    return Number.isSafeInteger(n) ? n : text;
  }
  if (FLOAT_TYPES.has(type)) {
    const n = Number(text);
    // NaN/Infinity are not JSON: keep Trino's text for them.
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'boolean') return text === 'true';
  if (type === 'timestamp' || type === 'timestamp with time zone') return toIsoUtc(text);
  if (type === 'json') return parseJson(text);
  // varchar, char, date (already ISO YYYY-MM-DD), array, map, row, varbinary, time, interval...
  return text;
}

function parseJson(text: string): Cell {
  try {
    return JSON.parse(text) as Cell;
  } catch {
    return text;
  }
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(?: ?(UTC|Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * `2024-01-02 03:04:05.000` / `... UTC` / `...+02:00` → `2024-01-02T03:04:05Z`. A zero fraction is
 * dropped so values match CloudTrail's own `eventTime` format; a non-zero one is kept. Named zones
 * other than UTC (which our queries never produce) are returned unchanged rather than guessed.
 */
export function toIsoUtc(text: string): string {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return text;
  const [, date, time, fraction = '', zone = 'UTC'] = m;
  const frac = /^\.0*$/.test(fraction) ? '' : fraction;
  if (zone === 'UTC' || zone === 'Z') return `${date}T${time}${frac}Z`;
  const ms = Date.parse(`${date}T${time}${fraction.slice(0, 4)}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  if (Number.isNaN(ms)) return text;
  const iso = new Date(ms).toISOString();
  return frac === '' ? iso.replace(/\.\d{3}Z$/, 'Z') : iso;
}

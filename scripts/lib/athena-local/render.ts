/**
 * Trino's typed result values → the text Athena's GetQueryResults returns (`Datum.VarCharValue`).
 *
 * Athena returns every value as text and describes complex values in Trino's display form; that
 * form, and where each rendering comes from:
 * - NULL at the top level: no VarCharValue at all (Athena API: "Datum"); a NULL *inside* an
 *   array, map or row is the text `null` (Trino's display form, as the Trino CLI shows it).
 * - varchar, char, json, date, time, uuid, ipaddress: the text itself (json is its JSON text).
 * - boolean: `true` / `false`; integers: decimal digits; decimal: Trino's digits (`12.50`).
 *   (Integers past 2^53 would lose digits in this server's JSON.parse; no analysis produces them.)
 * - double / real: Java's `Double.toString` (`1.0`, `0.1`, `1.0E7`, `1.0E-4`, `NaN`, `Infinity`),
 *   since Trino renders them with Java.
 * - timestamp(p): `2025-01-05 10:05:00.000`; with time zone: `2025-01-05 10:05:00.000 UTC`
 *   (Trino's protocol text, cut to milliseconds for clients without PARAMETRIC_DATETIME, which
 *   matches Athena's timestamp(3)).
 * - array: `[a, b]`; map: `{k=v, k2=v2}`; row: `{f1=v1, f2=v2}` (REFERENCE.md, Athena's docs on
 *   querying arrays, maps and structs). Elements are rendered the same way, recursively, and
 *   strings are not quoted, which is why such text cannot be parsed back reliably.
 * - varbinary: Trino sends base64; rendered as space-separated hex bytes like the Trino CLI.
 */

export interface TypeSignature {
  rawType: string;
  arguments?: TypeArgument[];
}

export type TypeArgument =
  | { kind: 'TYPE'; value: TypeSignature }
  | { kind: 'NAMED_TYPE'; value: { fieldName?: { name: string } | null; typeSignature: TypeSignature } }
  | { kind: 'LONG'; value: number }
  | { kind: string; value: unknown };

function typeArgs(sig: TypeSignature): TypeSignature[] {
  return (sig.arguments ?? []).flatMap((a) => {
    if (a.kind === 'TYPE') return [a.value as TypeSignature];
    if (a.kind === 'NAMED_TYPE') return [(a.value as { typeSignature: TypeSignature }).typeSignature];
    return [];
  });
}

function fieldNames(sig: TypeSignature): string[] {
  return (sig.arguments ?? []).map((a, i) =>
    a.kind === 'NAMED_TYPE' ? ((a.value as { fieldName?: { name: string } | null }).fieldName?.name ?? `field${i}`) : `field${i}`,
  );
}

/** A top-level value: `undefined` (no VarCharValue) for NULL. */
export function renderCell(value: unknown, sig: TypeSignature): string | undefined {
  return value === null || value === undefined ? undefined : render(value, sig);
}

function render(value: unknown, sig: TypeSignature): string {
  if (value === null || value === undefined) return 'null';
  const type = sig.rawType.toLowerCase();
  switch (type) {
    case 'array': {
      const [of] = typeArgs(sig);
      return `[${(value as unknown[]).map((v) => render(v, of as TypeSignature)).join(', ')}]`;
    }
    case 'map': {
      const [keyType, valueType] = typeArgs(sig) as [TypeSignature, TypeSignature];
      // Trino's protocol sends a map as a JSON object: keys arrive as strings whatever their type.
      return `{${Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${render(keyType.rawType === 'varchar' ? k : parseKey(k), keyType)}=${render(v, valueType)}`)
        .join(', ')}}`;
    }
    case 'row': {
      const types = typeArgs(sig);
      const names = fieldNames(sig);
      return `{${(value as unknown[]).map((v, i) => `${names[i]}=${render(v, types[i] as TypeSignature)}`).join(', ')}}`;
    }
    case 'double':
    case 'real':
      return typeof value === 'number' ? javaDoubleString(value) : String(value);
    case 'varbinary':
      return [...Buffer.from(String(value), 'base64')].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    case 'boolean':
      return value === true || value === 'true' ? 'true' : 'false';
    default:
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function parseKey(k: string): unknown {
  const n = Number(k);
  return Number.isFinite(n) ? n : k;
}

/**
 * Java's `Double.toString`: plain notation with at least one fractional digit for 1e-3 ≤ |d| < 1e7,
 * else `d.dddE±n`. Digits are the shortest that round-trip, as JavaScript's (and Java 19+'s).
 */
export function javaDoubleString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const sign = d < 0 ? '-' : '';
  const abs = Math.abs(d);
  const [mantissa = '0', exp = '0'] = abs.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  if (abs >= 1e-3 && abs < 1e7) {
    if (e >= 0) {
      const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
      const frac = digits.slice(e + 1) || '0';
      return `${sign}${whole}.${frac}`;
    }
    return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${e}`;
}

/** ColumnInfo for a Trino column: Athena names the base type (`varchar`, `array`, `row`, `decimal` + Precision/Scale). */
export function columnInfo(name: string, sig: TypeSignature, catalog: string): {
  CatalogName: string;
  SchemaName: string;
  TableName: string;
  Name: string;
  Label: string;
  Type: string;
  Precision: number;
  Scale: number;
  Nullable: 'UNKNOWN';
  CaseSensitive: boolean;
} {
  const type = sig.rawType.toLowerCase();
  const longs = (sig.arguments ?? []).filter((a) => a.kind === 'LONG').map((a) => Number(a.value));
  const precision = type === 'decimal' ? (longs[0] ?? 38) : type === 'varchar' ? (longs[0] ?? 2147483647) : type.startsWith('timestamp') ? (longs[0] ?? 3) : 0;
  const scale = type === 'decimal' ? (longs[1] ?? 0) : 0;
  return {
    CatalogName: catalog,
    SchemaName: '',
    TableName: '',
    Name: name,
    Label: name,
    Type: type,
    Precision: precision,
    Scale: scale,
    Nullable: 'UNKNOWN',
    CaseSensitive: type === 'varchar' || type === 'char',
  };
}

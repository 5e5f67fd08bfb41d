/**
 * Trino's typed JSON → the `Cell` contract, so a query module's rows are the same on every engine.
 *
 * The client protocol sends each row as an array in column order, and each column's type as a
 * `typeSignature` tree (fixtures/ holds captured pages). What it sends, and what we make of it:
 * - integers: JSON numbers (BIGINT past 2^53 arrives as exact digits, see json-text.ts) → number,
 *   or the digits as a string when a number would change the value (as the Athena engine does);
 * - DECIMAL: a string (`"1.50"`) → number; DOUBLE/REAL: a number, or `"NaN"`/`"Infinity"` kept;
 * - TIMESTAMP [WITH TIME ZONE]: `2024-01-02 03:04:05.000[ UTC|+02:00]`, cut to milliseconds because
 *   we do not announce PARAMETRIC_DATETIME → `2024-01-02T03:04:05Z` (Athena's `toIsoUtc`);
 * - JSON: its text in a string → parsed;
 * - ARRAY: an array → converted element by element; MAP: an object with string keys → object;
 *   ROW: an array in field order → an object keyed by the field names of the signature;
 * - anything else (varchar, char, date, time, varbinary as base64, uuid, ipaddress…) as sent.
 */
import { toIsoUtc } from '@/lib/engine/athena/results';
import type { Cell, Row } from '@/lib/engine/types';

export interface TypeSignature {
  rawType: string;
  arguments?: readonly TypeArgument[];
}

export type TypeArgument =
  | { kind: 'TYPE'; value: TypeSignature }
  | { kind: 'NAMED_TYPE'; value: { fieldName?: { name: string } | null; typeSignature: TypeSignature } }
  | { kind: 'LONG'; value: number }
  | { kind: 'VARIABLE'; value: string };

export interface TrinoColumn {
  name: string;
  type: string;
  typeSignature?: TypeSignature;
}

type Convert = (value: unknown) => Cell;

const INTEGER_TYPES = new Set(['tinyint', 'smallint', 'integer', 'bigint']);

const asIs: Convert = (value) => value as Cell;

function integer(value: unknown): Cell {
  if (typeof value !== 'string') return value as Cell;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

function decimal(value: unknown): Cell {
  if (typeof value !== 'string') return value as Cell;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

function timestamp(value: unknown): Cell {
  return typeof value === 'string' ? toIsoUtc(value) : (value as Cell);
}

function json(value: unknown): Cell {
  if (typeof value !== 'string') return value as Cell;
  try {
    return JSON.parse(value) as Cell;
  } catch {
    return value;
  }
}

function typeArguments(signature: TypeSignature): TypeSignature[] {
  return (signature.arguments ?? []).flatMap((a) => (a.kind === 'TYPE' ? [a.value] : a.kind === 'NAMED_TYPE' ? [a.value.typeSignature] : []));
}

function converterFor(signature: TypeSignature): Convert {
  const raw = signature.rawType.toLowerCase();
  if (INTEGER_TYPES.has(raw)) return integer;
  if (raw === 'decimal') return decimal;
  if (raw === 'timestamp' || raw === 'timestamp with time zone') return timestamp;
  if (raw === 'json') return json;
  if (raw === 'array') {
    const [element] = typeArguments(signature);
    const convert = element ? nullable(converterFor(element)) : asIs;
    return (value) => (Array.isArray(value) ? value.map(convert) : (value as Cell));
  }
  if (raw === 'map') {
    const [keyType, valueType] = typeArguments(signature);
    const key = keyType ? converterFor(keyType) : asIs;
    const convert = valueType ? nullable(converterFor(valueType)) : asIs;
    return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value as Cell;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [String(key(k)), convert(v)]));
    };
  }
  if (raw === 'row') {
    const fields = (signature.arguments ?? []).map((a, i) => {
      const named = a.kind === 'NAMED_TYPE' ? a.value : undefined;
      // An anonymous field (ROW(1, 'x')) is named as Trino names an anonymous column.
      return { name: named?.fieldName?.name ?? `_col${i}`, convert: named ? nullable(converterFor(named.typeSignature)) : asIs };
    });
    return (value) => {
      if (!Array.isArray(value)) return value as Cell;
      return Object.fromEntries(fields.map((f, i) => [f.name, f.convert(value[i])]));
    };
  }
  // double, real (numbers, or "NaN"/"Infinity", which are not JSON numbers), boolean, varchar…
  return asIs;
}

function nullable(convert: Convert): Convert {
  return (value) => (value === null || value === undefined ? null : convert(value));
}

/** A converter per column, built once per result from the column's signature. */
export function rowConverter(columns: readonly TrinoColumn[]): (data: readonly unknown[]) => Row {
  const converters = columns.map((c) => ({ name: c.name, convert: nullable(converterFor(c.typeSignature ?? { rawType: c.type.replace(/\(.*?\)/g, '').trim() })) }));
  return (data) => {
    const row: Row = {};
    converters.forEach((c, i) => {
      row[c.name] = c.convert(data[i]);
    });
    return row;
  };
}

/**
 * Rebuilds a CloudTrail record, with CloudTrail's own key casing, from what Athena returns.
 *
 * Athena has no raw-record column. The Athena dialect's `rawRecord` serialises the declared columns
 * to JSON: keys are Athena's lower-case names, struct fields are lower-case too, and the columns that
 * hold JSON text (`requestparameters`, `responseelements`...) arrive as JSON *strings*. This module
 * walks `CLOUDTRAIL_COLUMNS` to restore `userIdentity.sessionContext.sessionIssuer.userName`-style
 * keys, parses the JSON-text columns back into objects, and leaves out fields Athena reports as
 * null, since CloudTrail omits absent fields rather than writing null.
 *
 * Exceptions kept on purpose:
 * - `requestParameters` and `responseElements` are always present in CloudTrail records, null when
 *   empty, so a null there is written back as null.
 * - `readOnly` is a JSON boolean in CloudTrail but a STRING column in the official DDL; it is turned
 *   back into a boolean. (Better declared in columns.ts as its own kind; see the engine README.)
 * Fields outside the DDL (e.g. `managementEvent`, `insightDetails`) cannot be recovered.
 */
import { CLOUDTRAIL_COLUMNS, type ColumnType, type Field } from './columns';
import type { Cell } from '@/lib/engine/types';

export type CloudTrailRecord = { [key: string]: Cell };

const ALWAYS_PRESENT = new Set(['requestParameters', 'responseElements']);
const BOOLEAN_STRINGS = new Set(['readOnly']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Finds a field's value whatever the case of its key (Athena's are lower-case; be lenient). */
function lookup(source: Record<string, unknown>, field: Field): unknown {
  if (field.name in source) return source[field.name];
  if (field.key in source) return source[field.key];
  const lower = field.name.toLowerCase();
  const key = Object.keys(source).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : source[key];
}

function parseJsonText(v: unknown): Cell {
  if (typeof v !== 'string') return toCell(v);
  try {
    return JSON.parse(v) as Cell;
  } catch {
    // Not JSON after all (CloudTrail sometimes writes plain text here): keep the text.
    return v;
  }
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toCell);
  if (isObject(v)) {
    const out: { [key: string]: Cell } = {};
    for (const [k, x] of Object.entries(v)) out[k] = toCell(x);
    return out;
  }
  return String(v);
}

function rebuildFields(fields: readonly Field[], value: unknown): { [key: string]: Cell } {
  const out: { [key: string]: Cell } = {};
  // A ROW cast to JSON is an object keyed by field name on Trino ≥ 357, but older engines wrote an
  // array in declaration order; accept both, the DDL order being columns.ts order.
  const byPosition = Array.isArray(value);
  fields.forEach((field, i) => {
    const raw = byPosition ? (value as unknown[])[i] : isObject(value) ? lookup(value, field) : undefined;
    const rebuilt = rebuildValue(field.type, raw);
    if (rebuilt !== null) out[field.key] = rebuilt;
  });
  return out;
}

function rebuildValue(type: ColumnType, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? value : toCell(value);
    case 'json':
      return parseJsonText(value);
    case 'map':
      // Map keys are data (e.g. "cognito-identity.amazonaws.com:aud"), never renamed.
      return toCell(value);
    case 'array':
      return Array.isArray(value) ? value.map((v) => rebuildValue(type.of, v)) : toCell(value);
    case 'struct':
      return isObject(value) || Array.isArray(value) ? rebuildFields(type.fields, value) : toCell(value);
  }
}

/**
 * Rebuilds the record from Athena's lower-case JSON object (or its JSON text, as the dialect's
 * `rawRecord` returns it). Keys come out in CloudTrail's casing and declaration order.
 */
export function rebuildCloudTrailRecord(athenaRecord: unknown): CloudTrailRecord {
  const source = typeof athenaRecord === 'string' ? (JSON.parse(athenaRecord) as unknown) : athenaRecord;
  if (!isObject(source)) throw new TypeError('An Athena CloudTrail record must be a JSON object');
  const out: CloudTrailRecord = {};
  for (const column of CLOUDTRAIL_COLUMNS) {
    let value = rebuildValue(column.type, lookup(source, column));
    if (BOOLEAN_STRINGS.has(column.key) && (value === 'true' || value === 'false')) value = value === 'true';
    if (value !== null || (ALWAYS_PRESENT.has(column.key) && lookup(source, column) !== undefined)) {
      out[column.key] = value;
    }
  }
  return out;
}

/** The dialect's `rawRecord` text (Athena) → the CloudTrail record; used by lib/cloudtrail/raw.ts. */
export function recordFromAthenaJson(text: string): CloudTrailRecord {
  return rebuildCloudTrailRecord(text);
}

/**
 * The shape of the CloudTrail table an engine reads over S3: which column paths it has, how it is
 * partitioned and what its partition projection lists. Engine-neutral: Athena fills it from
 * GetTableMetadata (Hive type strings, TBLPROPERTIES); a Trino engine can fill it from
 * information_schema (Trino type strings) and the table's properties, which use the same
 * `projection.*` keys. Read once when the connection opens, then:
 *
 * - `checkTableShape` stops with a CONFIG error on a missing required column or a partitioning
 *   that does not match TRAILSCOPE_ATHENA_PARTITIONING, and lists the optional columns that are
 *   missing (the dialect reads those as NULL, and the panels say so);
 * - the data range (lib/data-range/get-data-range.ts) takes its candidate days from the projection;
 * - the projection's enum values are compared with the accounts and regions events name.
 */
import { OPTIONAL_COLUMN_PATHS, requiredColumnPaths, type OptionalColumnPath } from '@/lib/cloudtrail/columns';
import type { AthenaPartitioning } from '@/lib/env';
import { EngineError } from './types';

export interface TableShape {
  /** `database.table`, for messages. */
  readonly name: string;
  /** Every column path, lower-case and dotted (see lib/cloudtrail/columns.ts `columnPaths`). */
  readonly columns: ReadonlySet<string>;
  /** Partition keys in table order, lower-case. */
  readonly partitionKeys: readonly string[];
  /** Partition projection, or null when partitions are registered in the catalog (or there are none). */
  readonly projection: PartitionProjection | null;
}

export type ProjectedKey =
  | { type: 'enum'; values: readonly string[] }
  /** `range` as written: two dates in `format`, or NOW-relative expressions (`NOW`, `NOW-3YEARS`). */
  | { type: 'date'; format: string | null; range: readonly [string, string] | null; interval: number; unit: string | null }
  | { type: 'integer'; range: readonly [number, number] | null }
  | { type: 'injected' }
  | { type: 'unknown'; declared: string };

export interface PartitionProjection {
  /** Projected partition keys (lower-case) and their settings. */
  readonly keys: Readonly<Record<string, ProjectedKey>>;
}

// ---------------------------------------------------------------------------------------------
// Column types: Hive (`struct<a:string,b:array<string>>`, what Glue stores and GetTableMetadata
// returns) and Trino (`row(a varchar, b array(varchar))`, what information_schema shows).

export type ColumnTypeNode =
  | { kind: 'struct'; fields: { name: string; type: ColumnTypeNode }[] }
  | { kind: 'array'; of: ColumnTypeNode }
  | { kind: 'map'; key: ColumnTypeNode; value: ColumnTypeNode }
  | { kind: 'primitive'; name: string };

export class TypeParseError extends Error {
  override name = 'TypeParseError';
}

type Token = { kind: 'word' | 'quoted' | 'punct'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if ('<>(),:'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c === '`' || c === '"') {
      // Quoted field names; a doubled quote stands for the quote itself.
      let name = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new TypeParseError(`Unterminated ${c} in ${JSON.stringify(text)}`);
        if (text[i] === c) {
          if (text[i + 1] === c) {
            name += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += text[i];
        i++;
      }
      tokens.push({ kind: 'quoted', text: name });
    } else {
      const m = /^[^\s<>(),:`"]+/.exec(text.slice(i));
      const word = m?.[0] as string;
      tokens.push({ kind: 'word', text: word });
      i += word.length;
    }
  }
  return tokens;
}

/** Parses a Hive or Trino column type. Field names come back lower-case (both engines fold them). */
export function parseColumnType(text: string): ColumnTypeNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (what: string): never => {
    throw new TypeParseError(`${what} at token ${pos + 1} of type ${JSON.stringify(text)}`);
  };
  const expect = (p: string) => {
    const t = tokens[pos];
    if (t?.kind !== 'punct' || t.text !== p) fail(`Expected "${p}"`);
    pos++;
  };
  const isPunct = (p: string) => peek()?.kind === 'punct' && peek()?.text === p;

  function fieldName(): string {
    const t = tokens[pos];
    if (!t || t.kind === 'punct') return fail('Expected a field name');
    pos++;
    return (t as Token).text.toLowerCase();
  }

  function fields(close: string, separated: boolean): { name: string; type: ColumnTypeNode }[] {
    const out: { name: string; type: ColumnTypeNode }[] = [];
    if (isPunct(close)) {
      pos++;
      return out;
    }
    for (;;) {
      const name = fieldName();
      if (separated) expect(':');
      out.push({ name, type: type() });
      if (isPunct(',')) {
        pos++;
        continue;
      }
      expect(close);
      return out;
    }
  }

  function type(): ColumnTypeNode {
    const t = tokens[pos];
    if (!t || t.kind !== 'word') return fail('Expected a type');
    pos++;
    const word = (t as Token).text.toLowerCase();
    if ((word === 'struct' || word === 'row') && (isPunct('<') || isPunct('('))) {
      const open = (peek() as Token).text;
      pos++;
      // Hive: struct<name:type,...>; Trino: row(name type, ...).
      return { kind: 'struct', fields: fields(open === '<' ? '>' : ')', open === '<') };
    }
    if (word === 'array' && (isPunct('<') || isPunct('('))) {
      const close = (peek() as Token).text === '<' ? '>' : ')';
      pos++;
      const of = type();
      expect(close);
      return { kind: 'array', of };
    }
    if (word === 'map' && (isPunct('<') || isPunct('('))) {
      const close = (peek() as Token).text === '<' ? '>' : ')';
      pos++;
      const key = type();
      expect(',');
      const value = type();
      expect(close);
      return { kind: 'map', key, value };
    }
    // A primitive: `string`, `varchar(65535)`, `decimal(10,2)`, `timestamp(3) with time zone`,
    // `double precision`, `uniontype<...>` (kept whole; never a CloudTrail column).
    const words = [word];
    for (;;) {
      if (isPunct('(') || isPunct('<')) {
        const close = (peek() as Token).text === '(' ? ')' : '>';
        const open = (peek() as Token).text;
        let depth = 0;
        do {
          const p = tokens[pos];
          if (!p) fail(`Unbalanced "${open}"`);
          if (p?.kind === 'punct' && p.text === open) depth++;
          if (p?.kind === 'punct' && p.text === close) depth--;
          pos++;
        } while (depth > 0);
        continue;
      }
      if (peek()?.kind === 'word') {
        words.push((tokens[pos] as Token).text.toLowerCase());
        pos++;
        continue;
      }
      return { kind: 'primitive', name: words.join(' ') };
    }
  }

  const result = type();
  if (pos !== tokens.length) fail('Unexpected text after the type');
  return result;
}

/** Every dotted path a column of this type contributes, itself included (columns.ts's convention). */
export function typePaths(name: string, type: ColumnTypeNode): string[] {
  const below = (t: ColumnTypeNode, path: string): string[] =>
    t.kind === 'struct'
      ? t.fields.flatMap((f) => typePaths(`${path}.${f.name}`, f.type))
      : t.kind === 'array'
        ? below(t.of, path)
        : [];
  return [name, ...below(type, name)];
}

// ---------------------------------------------------------------------------------------------
// Partition projection: Athena's `projection.*` table properties.

function projectedKey(properties: Readonly<Record<string, string>>, key: string, declared: string): ProjectedKey {
  const prop = (suffix: string) => properties[`projection.${key}.${suffix}`];
  switch (declared) {
    case 'enum':
      // AWS: "any white space is considered part of an enum value", so values are not trimmed.
      return { type: 'enum', values: (prop('values') ?? '').split(',').filter((v) => v !== '') };
    case 'date': {
      const range = prop('range')?.split(',');
      const interval = Number(prop('interval') ?? '1');
      return {
        type: 'date',
        format: prop('format') ?? null,
        range: range?.length === 2 ? [(range[0] as string).trim(), (range[1] as string).trim()] : null,
        interval: Number.isFinite(interval) ? interval : 1,
        unit: prop('interval.unit')?.trim().toUpperCase() ?? null,
      };
    }
    case 'integer': {
      const range = prop('range')?.split(',').map((v) => Number(v.trim()));
      return { type: 'integer', range: range?.length === 2 && range.every(Number.isInteger) ? [range[0] as number, range[1] as number] : null };
    }
    case 'injected':
      return { type: 'injected' };
    default:
      return { type: 'unknown', declared };
  }
}

/** The projection a table's properties declare, or null when projection is not enabled. */
export function projectionFromProperties(properties: Readonly<Record<string, string>>, partitionKeys: readonly string[]): PartitionProjection | null {
  if (properties['projection.enabled']?.trim().toLowerCase() !== 'true') return null;
  const keys: Record<string, ProjectedKey> = {};
  for (const [name, value] of Object.entries(properties)) {
    const m = /^projection\.(.+)\.type$/.exec(name);
    if (!m) continue;
    const key = (m[1] as string).toLowerCase();
    if (partitionKeys.includes(key)) keys[key] = projectedKey(properties, m[1] as string, value.trim().toLowerCase());
  }
  return { keys };
}

export interface CatalogTable {
  name: string;
  columns: readonly { name: string; type: string }[];
  partitionKeys: readonly { name: string; type?: string }[];
  properties: Readonly<Record<string, string>>;
}

/** A table's shape from its catalog entry (Glue through Athena, or a Trino catalog). */
export function tableShapeFromCatalog(t: CatalogTable): TableShape {
  const columns = new Set<string>();
  for (const c of t.columns) {
    let type: ColumnTypeNode;
    try {
      type = parseColumnType(c.type);
    } catch (error) {
      throw new EngineError(`The table ${t.name} has a column type Trailscope cannot read (${c.name}: ${c.type}): ${(error as Error).message}`, 'CONFIG', { cause: error });
    }
    for (const p of typePaths(c.name.toLowerCase(), type)) columns.add(p);
  }
  const partitionKeys = t.partitionKeys.map((k) => k.name.toLowerCase());
  return { name: t.name, columns, partitionKeys, projection: projectionFromProperties(t.properties, partitionKeys) };
}

// ---------------------------------------------------------------------------------------------
// Checks.

/** The partition keys each layout's predicate names (lib/engine/athena/partitions.ts). */
const LAYOUT_KEYS: Record<AthenaPartitioning, readonly string[]> = {
  none: [],
  'projected-date': ['timestamp'],
  'region-date': ['region', 'year', 'month', 'day'],
  'account-region-date': ['account', 'region', 'year', 'month', 'day'],
};

/** The layout whose predicate fits these partition keys, if any. */
export function layoutForKeys(keys: readonly string[]): AthenaPartitioning | null {
  if (keys.length === 0) return 'none';
  if (keys.includes('timestamp')) return 'projected-date';
  const ymd = ['year', 'month', 'day'].every((k) => keys.includes(k));
  if (ymd && keys.includes('account') && keys.includes('region')) return 'account-region-date';
  if (ymd && keys.includes('region')) return 'region-date';
  return null;
}

export interface ShapeCheckOptions {
  partitioning: AthenaPartitioning;
  /** The setting that chose the partitioning, named in messages. */
  partitioningSetting: string;
  /** How to create a table with every column, named in messages. */
  setupHint: string;
}

function problemsWithPartitions(shape: TableShape, o: ShapeCheckOptions): string[] {
  const keys = shape.partitionKeys;
  const fits = layoutForKeys(keys);
  const shown = keys.length > 0 ? `(${keys.join(', ')})` : 'nothing';
  const suggestion = fits ? ` Set ${o.partitioningSetting}=${fits}.` : ' Recreate the table with the setup DDL.';
  const missing = LAYOUT_KEYS[o.partitioning].filter((k) => !keys.includes(k));
  if (missing.length > 0) {
    return [`${o.partitioningSetting}=${o.partitioning} needs the partition key(s) ${missing.join(', ')}, but ${shape.name} is partitioned by ${shown}.${suggestion}`];
  }
  if (o.partitioning === 'none' && keys.length > 0) {
    return [`${shape.name} is partitioned by ${shown} but ${o.partitioningSetting}=none, so every query would read the whole trail.${suggestion}`];
  }
  const problems: string[] = [];
  const unprojected = shape.projection ? keys.filter((k) => !(k in (shape.projection as PartitionProjection).keys)) : [];
  if (unprojected.length > 0) {
    // With projection enabled Athena ignores the catalog's partitions, so every key needs a projection.
    problems.push(`${shape.name} enables partition projection but does not project ${unprojected.join(', ')} (projection.<key>.type).`);
  }
  for (const [key, p] of Object.entries(shape.projection?.keys ?? {})) {
    if (p.type === 'injected') {
      problems.push(
        `${shape.name} projects ${key} as "injected", which makes every query name one ${key} value; Trailscope's queries span them. Use an enum projection (projection.${key}.type=enum, projection.${key}.values=…).`,
      );
    }
    if (key === 'timestamp' && p.type === 'date' && (p.format !== 'yyyy/MM/dd' || (p.unit !== null && p.unit !== 'DAYS') || p.interval !== 1)) {
      problems.push(`${shape.name} projects timestamp with format ${p.format ?? '(none)'}, every ${p.interval} ${p.unit ?? 'DAYS'}; CloudTrail's folders are daily yyyy/MM/dd, which Trailscope's partition predicate writes.`);
    }
  }
  return problems;
}

/**
 * Checks the table against what Trailscope's SQL needs. Throws a CONFIG EngineError naming every
 * problem (missing required columns, a partitioning that does not fit); returns the optional
 * columns the table lacks, which queries then read as NULL.
 */
export function checkTableShape(shape: TableShape, o: ShapeCheckOptions): { missingOptional: OptionalColumnPath[] } {
  const missingRequired = requiredColumnPaths().filter((p) => !shape.columns.has(p));
  const problems: string[] = [];
  if (missingRequired.length > 0) {
    // A whole missing struct is named once, not with every field below it.
    const top = missingRequired.filter((p) => !missingRequired.some((q) => p.startsWith(`${q}.`)));
    problems.push(`${shape.name} lacks the required column${top.length === 1 ? '' : 's'} ${top.join(', ')}. ${o.setupHint}`);
  }
  problems.push(...problemsWithPartitions(shape, o));
  if (problems.length > 0) throw new EngineError(`The CloudTrail table cannot be used: ${problems.join(' ')}`, 'CONFIG');
  const missingOptional = OPTIONAL_COLUMN_PATHS.filter((p) => !shape.columns.has(p));
  return { missingOptional };
}

/**
 * The Athena (Trino, engine v3) dialect, and the Trino engine's: Trino runs the same SQL over the
 * same CloudTrail table, so the two differ only in the name the dialect reports.
 *
 * Quirks this file absorbs:
 * - `eventtime` is a STRING column (`2024-01-02T03:04:05Z`); it becomes a TIMESTAMP WITH TIME ZONE
 *   through `from_iso8601_timestamp`, and bound instants go through the same function so both
 *   sides of a comparison have one type.
 * - Execution parameters (`?`) are documented as allowed in WHERE clauses only, so everything that
 *   can land in SELECT/GROUP BY (time grains, bucket widths, JSON paths) is allowlisted or
 *   validated source text, never a parameter. Bound values: instants and partition values.
 * - Partition pruning is not automatic: `timeRange` adds the partition predicate of the configured
 *   layout (see partitions.ts), otherwise a query reads the whole trail.
 * - There is no raw-record column: `rawRecord` rebuilds one as JSON text from the declared columns
 *   (lower-case keys; lib/cloudtrail/record.ts restores CloudTrail's casing).
 * - Tables made from AWS's DDL lack some columns (`missingColumns`, read from the table's metadata
 *   when the connection opens): naming one fails the query at analysis, so `optionalColumn` reads
 *   a NULL of the column's type instead, and `rawRecord` leaves it out; both carry a note.
 */
import { recordFromAthenaJson } from '@/lib/cloudtrail/record';
import type { Dialect, TimeGrain } from '@/lib/engine/dialect';
import { TIME_GRAINS } from '@/lib/engine/dialect';
import type { AthenaPartitioning } from '@/lib/env';
import type { TrinoFamilyEngine } from '@/lib/engine/types';
import {
  CLOUDTRAIL_COLUMNS,
  fieldAt,
  missingColumnNote,
  OPTIONAL_COLUMN_PATHS,
  type ColumnType,
  type OptionalColumnPath,
} from '@/lib/cloudtrail/columns';
import { allow, code, sql, trusted, withNotes, type Sql } from '@/lib/sql/sql';
import { parseIsoDay } from '@/lib/time';
import { dayOf, partitionPredicate, widenedDays } from './partitions';

export interface AthenaTableRef {
  catalog: string;
  database: string;
  table: string;
  partitioning: AthenaPartitioning;
  /** Optional columns the table lacks (from its metadata); none when omitted. */
  missingColumns?: readonly OptionalColumnPath[];
}

const IDENTIFIER = /^[A-Za-z0-9_]+$/;
const CATALOG = /^[A-Za-z0-9_-]+$/;

function quoteIdentifier(name: string, pattern: RegExp, what: string): string {
  if (!pattern.test(name)) throw new RangeError(`Invalid Athena ${what} name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** Source-defined text as a single-quoted Trino literal (for JSONPaths and format patterns). */
function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a strict ISO-8601 instant (with Z or an offset); rejects anything Date would guess at. */
export function parseInstant(iso: string): Date {
  const m = ISO_INSTANT.exec(iso);
  const ms = m ? Date.parse(iso) : NaN;
  // Date.parse rolls 2024-02-31 over to March; with a Z suffix the date part must survive intact.
  if (!m || Number.isNaN(ms) || (m[2] === 'Z' && new Date(ms).toISOString().slice(0, 10) !== m[1])) {
    throw new RangeError(`Not an ISO-8601 instant: ${JSON.stringify(iso)}`);
  }
  return new Date(ms);
}

/** `from_iso8601_timestamp(?)` bound to the normalised instant, never to the caller's string. */
function instant(date: Date): Sql {
  return sql`from_iso8601_timestamp(${date.toISOString()})`;
}

/** A declared column type as Trino writes it (a typed NULL here; a table's DDL in tests). */
export function trinoType(t: ColumnType): string {
  switch (t.kind) {
    case 'string':
    case 'json':
      return 'varchar';
    case 'map':
      return 'map(varchar, varchar)';
    case 'array':
      return `array(${trinoType(t.of)})`;
    case 'struct':
      return `row(${t.fields.map((f) => `${f.name} ${trinoType(f.type)}`).join(', ')})`;
  }
}

function dayOrThrow(day: string): Date {
  const ms = parseIsoDay(day);
  if (ms === null) throw new RangeError(`Not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return new Date(ms);
}

/** Every column the table has as JSON, keyed by its Athena name, serialised to text. */
function rawRecordSql(missing: ReadonlySet<string>): Sql {
  const names = CLOUDTRAIL_COLUMNS.filter((c) => !missing.has(c.name)).map((c) => {
    if (!/^[a-z0-9_]+$/.test(c.name)) throw new Error(`Unexpected column name ${c.name}`);
    return c.name;
  });
  const keys = names.map((n) => quoteLiteral(n)).join(', ');
  // CAST(<row> AS JSON) gives an object keyed by field name (Trino ≥ 357); a STRING column holding
  // JSON becomes a JSON string and is parsed back by record.ts. NULLs become JSON null.
  const values = names.map((n) => `CAST(${n} AS JSON)`).join(', ');
  // A missing nested field (sourceidentity) needs nothing here: CAST(<row> AS JSON) has only the
  // fields the table's struct has.
  const notes = OPTIONAL_COLUMN_PATHS.filter((p) => missing.has(p)).map(missingColumnNote);
  return withNotes(code(`json_format(CAST(MAP(ARRAY[${keys}], ARRAY[${values}]) AS JSON))`), notes);
}

/** First and last seen look back this far before the scope (Detective keeps a year; one profile should not read it all). */
const HISTORY_LOOKBACK_MS = 90 * 86_400_000;

export function createAthenaDialect(ref: AthenaTableRef, name: TrinoFamilyEngine = 'athena'): Dialect {
  const table = code(
    [
      quoteIdentifier(ref.catalog, CATALOG, 'catalog'),
      quoteIdentifier(ref.database, IDENTIFIER, 'database'),
      quoteIdentifier(ref.table, IDENTIFIER, 'table'),
    ].join('.'),
  );
  const eventTime = code('from_iso8601_timestamp(eventtime)');
  const missing = new Set<string>(ref.missingColumns ?? []);
  const rawRecord = rawRecordSql(missing);
  const partitionsTable = code(
    [
      quoteIdentifier(ref.catalog, CATALOG, 'catalog'),
      quoteIdentifier(ref.database, IDENTIFIER, 'database'),
      // "<table>$partitions": the catalog's registered partitions (Athena and Trino's Hive connector).
      `"${quoteIdentifier(ref.table, IDENTIFIER, 'table').slice(1, -1)}$partitions"`,
    ].join('.'),
  );

  return {
    name,
    source: 'table-over-s3',
    historyLookbackMs: HISTORY_LOOKBACK_MS,
    table,
    eventTime,
    rawRecord,
    // The Hive connector's hidden column: the S3 object (or local file) the row was read from.
    deliveryFile: code('"$path"'),
    parseRawRecord: recordFromAthenaJson,

    timestamp(iso: string): Sql {
      return instant(parseInstant(iso));
    },

    timeRange(fromIso: string, toIso: string): Sql {
      const from = parseInstant(fromIso);
      const to = parseInstant(toIso);
      if (from.getTime() >= to.getTime()) {
        throw new RangeError(`Empty time range: ${from.toISOString()} is not before ${to.toISOString()}`);
      }
      const time = sql`${eventTime} >= ${instant(from)} AND ${eventTime} < ${instant(to)}`;
      const { first, last } = widenedDays(from, to);
      const partitions = partitionPredicate(ref.partitioning, first, last);
      // Parenthesised so a caller's OR cannot split the event-time and partition bounds.
      return partitions ? sql`(${time} AND ${partitions})` : sql`(${time})`;
    },

    jsonExtractScalar(json: Sql, path: `$${string}`): Sql {
      if (!/^\$[^\u0000-\u001f]*$/.test(path)) throw new RangeError(`Invalid JSONPath: ${JSON.stringify(path)}`);
      return sql`json_extract_scalar(${json}, ${code(quoteLiteral(path))})`;
    },

    dateTrunc(grain: TimeGrain, ts: Sql): Sql {
      const g = allow(grain, TIME_GRAINS);
      return sql`date_trunc(${code(quoteLiteral(g))}, ${ts})`;
    },

    isoString(ts: Sql): Sql {
      // to_iso8601 would add milliseconds; format_datetime (Joda pattern, quoted T and Z) gives
      // exactly YYYY-MM-DDTHH:MM:SSZ like CloudTrail's eventTime. The parentheses keep AT TIME ZONE
      // from binding to only the last operand of an arithmetic expression.
      return sql`format_datetime((${ts}) AT TIME ZONE 'UTC', 'yyyy-MM-dd''T''HH:mm:ss''Z''')`;
    },

    epochSeconds(ts: Sql): Sql {
      // floor first: CAST(double AS BIGINT) rounds, which would move x.5 s into the next second.
      return sql`CAST(floor(to_unixtime(${ts})) AS BIGINT)`;
    },

    bucket(seconds: number, ts: Sql): Sql {
      if (!Number.isSafeInteger(seconds) || seconds <= 0) {
        throw new RangeError(`Bucket width must be a positive whole number of seconds, got ${seconds}`);
      }
      const width = trusted(seconds);
      return sql`from_unixtime(floor(to_unixtime(${ts}) / ${width}) * ${width})`;
    },

    arrayResult(expr: Sql): Sql {
      return sql`CAST(${expr} AS JSON)`;
    },

    distinctList(expr: Sql): Sql {
      return sql`CAST(array_sort(array_agg(DISTINCT ${expr}) FILTER (WHERE ${expr} IS NOT NULL)) AS JSON)`;
    },

    ilike(expr: Sql, pattern: Sql): Sql {
      return sql`lower(${expr}) LIKE lower(${pattern})`;
    },

    optionalColumn(path: OptionalColumnPath): Sql {
      const column = allow(path, OPTIONAL_COLUMN_PATHS);
      if (!missing.has(column)) return code(column);
      const field = fieldAt(column);
      if (!field) throw new Error(`Optional column ${column} is not declared`);
      return withNotes(code(`CAST(NULL AS ${trinoType(field.type)})`), [missingColumnNote(column)]);
    },

    deliveredOn(firstDay: string, lastDay: string): Sql {
      const first = dayOrThrow(firstDay);
      const last = dayOrThrow(lastDay);
      if (first.getTime() > last.getTime()) throw new RangeError(`Empty day range: ${firstDay} is after ${lastDay}`);
      const partitions = partitionPredicate(ref.partitioning, dayOf(first), dayOf(last));
      if (partitions) return sql`(${partitions})`;
      return sql`(${eventTime} >= ${instant(first)} AND ${eventTime} < ${instant(new Date(last.getTime() + 86_400_000))})`;
    },

    prunesByDay: ref.partitioning !== 'none',
    partitionsTable,
    summary: null,
    eventIds: null,
    stsEvents: null,
  };
}

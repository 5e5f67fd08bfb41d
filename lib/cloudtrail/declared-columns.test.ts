import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSql, type Sql } from '@/lib/sql/sql';
import { sourceFiles, withoutComments } from '@/test/source-files';
import { undeclaredColumnPaths } from '@/test/golden-sql';
import { CLOUDTRAIL_COLUMNS, col, columnPaths, optionalColumnOf } from './columns';

/**
 * Queries read columns through `col` (or `Dialect.optionalColumn`), so a column path is written
 * once, in columns.ts. The golden SQL tests check that every statement they build names only
 * declared paths; this checks the sources, so a query cannot spell a path out by hand.
 */
const ROOT = path.resolve(__dirname, '..');
const ALLOWED = new Set(['cloudtrail/columns.ts']);
// Where columns are the subject rather than read by a query: each engine's own SQL (time column,
// raw records, DDL) and the store's loader.
const DIALECTS_AND_STORE = /^(engine|event-store|ingest)\//;
// Columns with fields below them: the only ones a path can be written for.
const NESTED = CLOUDTRAIL_COLUMNS.filter((c) => c.type.kind === 'struct' || c.type.kind === 'array').map((c) => c.name);
const WRITTEN_PATH = new RegExp(`(?<![A-Za-z0-9_$.])(?:${NESTED.join('|')})(?:\\.[a-z]+)+`, 'g');

function leaves(value: Record<string, unknown>): Sql[] {
  return Object.values(value).flatMap((v) => (isSql(v) ? [v] : leaves(v as Record<string, unknown>)));
}

const TOP_LEVEL = new RegExp(`(?<![A-Za-z0-9_$.'"])(?:${CLOUDTRAIL_COLUMNS.map((c) => c.name).join('|')})(?![A-Za-z0-9_$("])`, 'g');

/**
 * The literal text of every `sql` template in a file (what lies between its interpolations), with
 * its SQL string literals and comments blanked. Enough of a scanner for our sources: strings,
 * comments, nested templates and braces inside interpolations.
 */
function sqlTemplateText(source: string): string[] {
  const texts: string[] = [];
  let i = 0;
  const orEnd = (at: number) => (at === -1 ? source.length : at);
  const skipString = (quote: string) => {
    // A string ends at its quote, or at the line's end (a quote inside a regex literal is no string).
    for (i++; i < source.length && source[i] !== quote && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
    i++;
  };
  const code = (untilBrace: boolean): void => {
    let depth = 0;
    while (i < source.length) {
      const c = source[i] as string;
      if (c === "'" || c === '"') skipString(c);
      else if (source.startsWith('//', i)) i = orEnd(source.indexOf('\n', i));
      else if (source.startsWith('/*', i)) i = orEnd(source.indexOf('*/', i)) + 2;
      else if (c === '`') template(/(?:^|[^A-Za-z0-9_$])sql$/.test(source.slice(Math.max(0, i - 4), i)));
      else if (c === '}' && untilBrace && depth === 0) return void i++;
      else {
        if (c === '{') depth++;
        if (c === '}') depth--;
        i++;
      }
    }
  };
  const template = (tagged: boolean) => {
    let start = ++i;
    const keep = () => tagged && texts.push(source.slice(start, i).replace(/'(?:[^']|'')*'|--[^\n]*/g, "''"));
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '\\') i += 2;
      else if (source.startsWith('${', i)) {
        keep();
        i += 2;
        code(true);
        start = i;
      } else i++;
    }
    keep();
    i++;
  };
  code(false);
  return texts;
}

/** Columns a file's `sql` templates name in their own text, rather than through `col`; `AS x` names an output, not a column. */
function columnsInSqlText(source: string): string[] {
  return sqlTemplateText(source).flatMap((text) =>
    [...text.matchAll(TOP_LEVEL)].filter((m) => !/\bAS\s+$/i.test(text.slice(0, m.index))).map(([name]) => name),
  );
}

/** Column paths written as text in a file's code; `optionalColumn('…')` takes a typed path and is the one way to name those. */
function writtenColumnPaths(text: string): string[] {
  const code = withoutComments(text).replace(/optionalColumn\('[^']*'\)/g, 'optionalColumn()');
  return [...code.matchAll(WRITTEN_PATH)].map(([p]) => p);
}

describe('columns declared once', () => {
  it('col reads only declared, required column paths', () => {
    const declared = columnPaths();
    for (const fragment of leaves(col)) {
      const text = fragment.toQuery().sql;
      expect(declared, text).toContain(text);
      expect(optionalColumnOf(text), text).toBeUndefined();
    }
  });

  it('finds a column path the declaration lacks in built SQL', () => {
    expect(undeclaredColumnPaths('SELECT useridentity.sessioncontext.sessionissuer.arn, t.useridentity.arnn FROM t')).toEqual(['useridentity.arnn']);
    expect(undeclaredColumnPaths("SELECT tlsdetails.tlsversion, r.arn, 'useridentity.nope' FROM t CROSS JOIN UNNEST(resources) AS r(arn)")).toEqual([]);
    expect(undeclaredColumnPaths('SELECT resources.arn, resources.owner FROM t')).toEqual(['resources.owner']);
  });

  it('finds column paths written by hand in source', () => {
    expect(writtenColumnPaths("sql`SELECT useridentity.arn, ${col.eventName}` // useridentity.type")).toEqual(['useridentity.arn']);
    expect(writtenColumnPaths("code('useridentity.principalid')")).toEqual(['useridentity.principalid']);
    expect(writtenColumnPaths("d.optionalColumn('useridentity.sessioncontext.sourceidentity'), row.resources.length")).toEqual([]);
  });

  it('finds columns a sql template names in its text', () => {
    const source = "const a = sql`SELECT eventname AS eventname, ${col.eventId}, 'eventsource' -- errorcode\n FROM t WHERE ${x ? sql`awsregion = ${y}` : code('useragent')}`;";
    expect(columnsInSqlText(source)).toEqual(['eventname', 'awsregion']);
    expect(columnsInSqlText('const b = `eventname`; const c = sql`SELECT ${f({ a: 1 })} AS x, resources.arn`;')).toEqual(['resources']);
  });

  it('no query or filter names a column in its sql text (they use col)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(ROOT)) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      if (ALLOWED.has(rel) || DIALECTS_AND_STORE.test(rel)) continue;
      for (const name of columnsInSqlText(readFileSync(file, 'utf8'))) offenders.push(`${rel}: ${name}`);
    }
    expect(offenders).toEqual([]);
  });

  it('no file outside columns.ts writes a column path as text', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(ROOT)) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      if (ALLOWED.has(rel)) continue;
      for (const p of writtenColumnPaths(readFileSync(file, 'utf8'))) offenders.push(`${rel}: ${p}`);
    }
    expect(offenders).toEqual([]);
  });
});

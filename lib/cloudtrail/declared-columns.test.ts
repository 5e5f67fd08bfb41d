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
// Columns with fields below them: the only ones a path can be written for.
const NESTED = CLOUDTRAIL_COLUMNS.filter((c) => c.type.kind === 'struct' || c.type.kind === 'array').map((c) => c.name);
const WRITTEN_PATH = new RegExp(`(?<![A-Za-z0-9_$.])(?:${NESTED.join('|')})(?:\\.[a-z]+)+`, 'g');

function leaves(value: Record<string, unknown>): Sql[] {
  return Object.values(value).flatMap((v) => (isSql(v) ? [v] : leaves(v as Record<string, unknown>)));
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

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOnly, sourceFiles } from '@/test/source-files';
import { OPTIONAL_COLUMN_PATHS } from './columns';

/**
 * Every optional column (one some users' tables lack) is read through `Dialect.optionalColumn`,
 * never named in SQL text. The golden SQL tests check the modules they build; this checks every
 * source file, so a new query module cannot slip past by not being in a golden case.
 */
const ROOT = path.resolve(__dirname, '..');
// The names are declared in columns.ts and nowhere else.
const ALLOWED = new Set(['cloudtrail/columns.ts']);
const NAMES = [...new Set(OPTIONAL_COLUMN_PATHS.map((p) => p.split('.').at(-1) as string))];

describe('optional CloudTrail columns', () => {
  it('are named in SQL only by the dialects (queries use dialect.optionalColumn)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(ROOT)) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      if (ALLOWED.has(rel)) continue;
      const code = codeOnly(readFileSync(file, 'utf8'));
      for (const name of NAMES) {
        if (new RegExp(`(?<![A-Za-z0-9_$])${name}(?![A-Za-z0-9_$])`).test(code)) offenders.push(`${rel}: ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The TypeScript sources under `dir`, tests excluded, for tests that scan the code itself. The
 * generator writes CloudTrail records (camelCase keys, data rather than SQL) and is not scanned.
 */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generator' || e.name === '__snapshots__' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The file's code without comments. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:])\/\/[^\n]*/g, '$1 ');
}

/** The file's code without comments and without single-quoted string literals. */
export function codeOnly(text: string): string {
  return withoutComments(text).replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
}

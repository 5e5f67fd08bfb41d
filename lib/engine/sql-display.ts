import type { SqlParam } from '@/lib/sql/sql';

/** SQL with its parameters written in as literals: for reading and copying, never for running. */
export function sqlForDisplay(text: string, params: readonly SqlParam[]): string {
  let i = 0;
  return text.replace(/\?/g, () => {
    const p = params[i++];
    if (p === undefined || p === null) return 'NULL';
    if (typeof p === 'number' || typeof p === 'boolean') return String(p);
    return `'${p.replaceAll("'", "''")}'`;
  });
}

import type { DuckDBConnection } from '@duckdb/node-api';
import { code, join, sql } from '@/lib/sql/sql';
import { execute, select } from '@/lib/state/statement';
import { COLUMNS, fromRow, SELECT_COLUMNS, toRow } from './finding-row';
import type { Finding } from './types';

/**
 * A batch is appended to this temporary table (the DuckDB appender: no statement per row), then
 * merged into `findings` by one INSERT … ON CONFLICT. Times stay text until the merge casts them,
 * so the appender only writes strings and numbers.
 */
const INCOMING = 'findings_incoming';
const incomingType = (column: string) => (column === 'severity' ? 'DOUBLE' : column === 'count' ? 'BIGINT' : 'VARCHAR');
// Table and column names are our own (toRow's keys), never input: they may be SQL text.
const CREATE_INCOMING = code(`CREATE TEMP TABLE IF NOT EXISTS ${INCOMING} (${COLUMNS.map((c) => `${c} ${incomingType(c)}`).join(', ')})`);
const MERGE_INCOMING = (() => {
  // The column list is toRow's keys, so the statement and the appended values cannot drift apart.
  const values = COLUMNS.map((c) => (c === 'first_seen' || c === 'last_seen' ? `CAST(${c} AS TIMESTAMP)` : c));
  const updates = COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  return code(`INSERT INTO findings (${COLUMNS.join(', ')}) SELECT ${values.join(', ')} FROM ${INCOMING}
    ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}, updated_at = now()`);
})();
const CLEAR_INCOMING = code(`DELETE FROM ${INCOMING}`);

/**
 * Findings read back, merged and written per round. One statement per finding took ~9 ms each
 * (80 s and 4.7 GB of RSS for a 9,400-finding export); a round bounds the rows held for merging
 * and the appender's buffer whatever the file's size.
 */
export const WRITE_BATCH = 2000;

/** Writes findings already merged with what is stored: new ids inserted, known ids replaced. */
export async function writeBatch(connection: DuckDBConnection, findings: readonly Finding[]): Promise<void> {
  await execute(connection, CREATE_INCOMING);
  const appender = await connection.createAppender(INCOMING, 'main', 'temp');
  try {
    for (const f of findings) {
      const row = toRow(f);
      for (const column of COLUMNS) {
        const value = row[column] ?? null;
        if (value === null) appender.appendNull();
        else if (incomingType(column) === 'DOUBLE') appender.appendDouble(Number(value));
        else if (incomingType(column) === 'BIGINT') appender.appendBigInt(BigInt(value));
        else appender.appendVarchar(String(value));
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  await execute(connection, MERGE_INCOMING);
  await execute(connection, CLEAR_INCOMING);
}

/** The stored findings of these ids, read 200 ids per statement. */
export async function existingById(connection: DuckDBConnection, ids: readonly string[]): Promise<Map<string, Finding>> {
  const found = new Map<string, Finding>();
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    const rows = await select(connection, sql`SELECT ${SELECT_COLUMNS} FROM findings WHERE id IN (${join(chunk.map((id) => sql`${id}`), ', ')})`);
    for (const row of rows) found.set(String(row.id), fromRow(row));
  }
  return found;
}

import type { Connection } from '@/lib/engine/types';
import { dataRange, type DataRangeRow } from '@/lib/queries/data-range';
import { runPanel, type PanelResult } from '@/lib/queries/panel';

const ATHENA_RANGE_DAYS = 30;

/**
 * The store's extent. Athena bills for every byte, so there it looks back a bounded 30 days
 * from now rather than scanning the whole trail.
 */
export async function getDataRange(conn: Connection, signal?: AbortSignal): Promise<PanelResult<DataRangeRow>> {
  if (conn.dialect.name === 'athena') {
    const to = new Date();
    const from = new Date(to.getTime() - ATHENA_RANGE_DAYS * 86400_000);
    const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return runPanel(conn, dataRange, { window: { from: iso(from), to: iso(to) } }, signal);
  }
  return runPanel(conn, dataRange, {}, signal);
}

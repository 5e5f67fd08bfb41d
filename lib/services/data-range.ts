import { isTrinoFamily, type Connection } from '@/lib/engine/types';
import { dataRange, type DataRangeRow } from '@/lib/queries/data-range';
import { runPanel, type PanelResult } from '@/lib/queries/panel';
import { isoUtc } from '@/lib/time';

const ATHENA_RANGE_DAYS = 30;

/**
 * The store's extent. Athena bills for every byte, so there it looks back a bounded 30 days
 * from now rather than scanning the whole trail.
 */
export async function getDataRange(conn: Connection, signal?: AbortSignal): Promise<PanelResult<DataRangeRow>> {
  if (isTrinoFamily(conn.dialect.name)) {
    const to = Math.floor(Date.now() / 1000) * 1000;
    return runPanel(conn, dataRange, { window: { from: isoUtc(to - ATHENA_RANGE_DAYS * 86400_000), to: isoUtc(to) } }, signal);
  }
  return runPanel(conn, dataRange, {}, signal);
}

import { getConnection } from '@/lib/engine';
import { getDataRange, getProjectionWarnings } from './get-data-range';

/** GET /api/health: the engine, the data's extent, and what the table's partition projection misses. */
export async function healthForRequest(signal: AbortSignal) {
  const conn = await getConnection();
  const range = await getDataRange(conn, signal);
  return {
    engine: conn.dialect.name,
    /** Null where counting would read the whole trail (Athena). */
    eventCount: range.events,
    firstEventTime: range.first,
    lastEventTime: range.last,
    /** Accounts and regions that exist but the table's partition projection does not read. */
    warnings: (await getProjectionWarnings(conn, signal)).map(({ key, values, message }) => ({ key, values, message })),
  };
}

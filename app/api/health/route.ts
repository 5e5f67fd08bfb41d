import { withAuth } from '@/lib/http/with-auth';
import { getConnection } from '@/lib/engine';
import { getDataRange, getProjectionWarnings } from '@/lib/data-range/get-data-range';

export const dynamic = 'force-dynamic';

export const GET = withAuth({}, async ({ req }) => {
  const conn = await getConnection();
  const range = await getDataRange(conn, req.signal);
  return {
    engine: conn.dialect.name,
    /** Null where counting would read the whole trail (Athena). */
    eventCount: range.events,
    firstEventTime: range.first,
    lastEventTime: range.last,
    /** Accounts and regions that exist but the table's partition projection does not read. */
    warnings: (await getProjectionWarnings(conn, req.signal)).map(({ key, values, message }) => ({ key, values, message })),
  };
}, { role: 'viewer' });

import { withAuth } from '@/lib/http/with-auth';
import { getConnection } from '@/lib/engine';
import { getDataRange } from '@/lib/services/data-range';

export const dynamic = 'force-dynamic';

export const GET = withAuth({}, async ({ req }) => {
  const conn = await getConnection();
  const range = (await getDataRange(conn, req.signal)).rows[0];
  return {
    engine: conn.dialect.name,
    eventCount: range?.events ?? 0,
    firstEventTime: range?.first ?? null,
    lastEventTime: range?.last ?? null,
  };
}, { role: 'viewer' });

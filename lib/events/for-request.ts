import { getConnection } from '@/lib/engine';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import type { EventSearchParams } from './params';
import { searchEvents } from './search-events';

/** GET /api/events: one page of the events matching the filters, with its SQL. */
export async function eventsForRequest(query: EventSearchParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await scopeForRequest(conn, query, signal);
  const page = await searchEvents(conn, query, scope, signal);
  return { events: page.events, nextCursor: page.nextCursor, scope, ...page.panel };
}

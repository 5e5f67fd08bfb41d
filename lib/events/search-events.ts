import type { Connection } from '@/lib/engine/types';
import type { CloudTrailRecord } from '@/lib/cloudtrail/raw';
import { decodeCursor, encodeCursor } from '@/lib/events/cursor';
import { eventSearch } from '@/lib/events/queries/event-search';
import { panelQuery, runPanel, type PanelResult } from '@/lib/engine/panel';
import type { EventSearchParams } from '@/lib/events/params';
import { ParamError } from '@/lib/params/param-error';
import type { Scope } from '@/lib/params/scope';
import { keyStretch } from './key-stretch';

export interface EventPage {
  events: CloudTrailRecord[];
  nextCursor: string | null;
  panel: Omit<PanelResult<unknown>, 'rows'>;
}

/** One page of events in the scope matching the filters, newest first. */
export async function searchEvents(
  conn: Connection,
  params: EventSearchParams,
  scope: Scope,
  signal?: AbortSignal,
): Promise<EventPage> {
  const after = params.cursor ? decodeCursor(params.cursor) : undefined;
  if (after === null) throw new ParamError('cursor', 'cursor is not one this server issued');
  const { cursor: _c, from: _f, to: _t, limit, ...filters } = params;
  const stretch = await keyStretch(conn, filters, scope, signal);
  const result = await runPanel(conn, eventSearch, { ...filters, ...scope, ...(stretch && { from: stretch.from, to: stretch.to }), limit: limit + 1, after }, signal);
  const page = result.rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = result.rows.length > limit && last ? encodeCursor({ t: last.eventtime, id: last.eventid }) : null;
  return {
    events: page.map((r) => conn.dialect.parseRawRecord(r.raw)),
    nextCursor,
    panel: { ...panelQuery(result), notes: stretch ? [...result.notes, stretch.note] : result.notes },
  };
}

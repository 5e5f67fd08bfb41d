import { join, sql, type Sql } from '@/lib/sql/sql';
import type { Connection } from '@/lib/engine/types';
import { hourly } from '@/lib/summary/hourly';
import { isoUtc } from '@/lib/time';
import { col } from '@/lib/cloudtrail/columns';

const HOUR = 3_600_000;

export interface KeyStretch {
  from: string;
  to: string;
  /** What the search panel tells the reader about the narrowing, with the lookup's SQL. */
  note: string;
}

export interface StretchFilters {
  accessKeyId?: string;
  ip?: string;
  principal?: string;
  eventId?: string;
}

/**
 * The lookup that bounds a search in time, or null: an event id in the engine's sorted ids; an
 * access key, a source IP or a principal named by ARN or id in the hourly summary (whole hours,
 * which hold every matching call of the window and maybe some just outside it).
 */
function lookup(conn: Connection, filters: StretchFilters, window: { from: string; to: string }): { query: Sql; source: string } | null {
  const d = conn.dialect;
  if (filters.eventId && d.eventIds) {
    return {
      source: 'the sorted event ids kept at ingest have this id',
      query: sql`SELECT ${d.isoString(sql`min(event_time)`)} AS first, ${d.isoString(sql`max(event_time)`)} AS last
FROM ${d.eventIds}
WHERE ${col.eventId} = ${filters.eventId} AND ${d.timeRange(window.from, window.to)}`,
    };
  }
  const summary = d.summary;
  // The search's principal box also matches IAM user names, which the summary does not keep; a
  // value with a colon (an ARN, an `AROA…:session` id) cannot be one (IAM names allow no colon).
  const principal = filters.principal?.includes(':') ? filters.principal : undefined;
  if (!summary || (!filters.accessKeyId && !filters.ip && !principal)) return null;
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const where: Sql[] = [summary.hourRange(isoUtc(Math.floor(from / HOUR) * HOUR), isoUtc(Math.ceil(to / HOUR) * HOUR))];
  if (filters.accessKeyId) where.push(sql`${hourly.access_key_id} = ${filters.accessKeyId}`);
  if (filters.ip) where.push(sql`${hourly.source_ip} = ${filters.ip}`);
  if (principal) {
    where.push(sql`(${hourly.identity_arn} = ${principal} OR ${hourly.principal_id} = ${principal} OR ${hourly.issuer_arn} = ${principal} OR ${hourly.invoked_by} = ${principal})`);
  }
  return {
    source: 'the hourly summary kept at ingest has calls matching these filters',
    query: sql`SELECT ${d.isoString(sql`min(${hourly.firstTime})`)} AS first, ${d.isoString(sql`max(${hourly.lastTime})`)} AS last
FROM ${summary.table}
WHERE ${join(where, ' AND ')}`,
  };
}

/**
 * Where the engine keeps what ingest prepares, the part of [from, to) that can hold events
 * matching the search's most selective filter, so the search reads only that stretch of the store
 * instead of every segment of the range (a search by key over 70 days then opens a day or two of
 * segments). The stretch holds every matching event of the window, so the search finds exactly
 * what it would over the whole window. Null where there is nothing to narrow.
 */
export async function keyStretch(
  conn: Connection,
  filters: StretchFilters,
  window: { from: string; to: string },
  signal?: AbortSignal,
): Promise<KeyStretch | null> {
  const chosen = lookup(conn, filters, window);
  if (!chosen) return null;
  const q = chosen.query.toQuery();
  const result = await conn.query({ sql: q.sql, params: q.params, tags: { panel: 'key-stretch' }, signal });
  const first = result.rows[0]?.first;
  const last = result.rows[0]?.last;
  const shown = `${q.sql.replace(/\s+/g, ' ')} [${q.params.map((p) => JSON.stringify(p)).join(', ')}] (${result.stats.elapsedMs} ms)`;
  if (typeof first !== 'string' || typeof last !== 'string') {
    return { from: window.from, to: window.from, note: `Nothing was read: no event in the window matches, as ${shown} shows.` };
  }
  const stretchFrom = Math.max(Date.parse(window.from), Date.parse(first));
  const stretchTo = Math.min(Date.parse(window.to), Date.parse(last) + 1000);
  return {
    from: isoUtc(stretchFrom),
    to: isoUtc(Math.max(stretchFrom, stretchTo)),
    note: `Read only ${isoUtc(stretchFrom)} to ${isoUtc(stretchTo)}, where ${chosen.source}: ${shown}`,
  };
}

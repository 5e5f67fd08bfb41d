import { join, sql, type Sql } from '@/lib/sql/sql';
import type { Connection } from '@/lib/engine/types';
import { hourly } from '@/lib/summary/hourly';
import { isoUtc } from '@/lib/time';

const HOUR = 3_600_000;

export interface KeyStretch {
  from: string;
  to: string;
  /** What the search panel tells the reader about the narrowing, with the lookup's SQL. */
  note: string;
}

/**
 * Where the engine keeps the hourly summary, the part of [from, to) in which an access key or a
 * source IP has calls at all, so a search for it reads only that stretch of the store instead of
 * every segment of the range (a search by key over 70 days then opens a day or two of segments).
 * The stretch is whole summary hours clamped to the window: it holds every matching call, so the
 * search finds exactly what it would over the whole window. Null where there is nothing to narrow.
 */
export async function keyStretch(
  conn: Connection,
  filters: { accessKeyId?: string; ip?: string },
  window: { from: string; to: string },
  signal?: AbortSignal,
): Promise<KeyStretch | null> {
  const summary = conn.dialect.summary;
  if (!summary || (!filters.accessKeyId && !filters.ip)) return null;
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const where: Sql[] = [summary.hourRange(isoUtc(Math.floor(from / HOUR) * HOUR), isoUtc(Math.ceil(to / HOUR) * HOUR))];
  if (filters.accessKeyId) where.push(sql`${hourly.access_key_id} = ${filters.accessKeyId}`);
  if (filters.ip) where.push(sql`${hourly.source_ip} = ${filters.ip}`);
  const d = conn.dialect;
  const q = sql`SELECT ${d.isoString(sql`min(${hourly.firstTime})`)} AS first, ${d.isoString(sql`max(${hourly.lastTime})`)} AS last
FROM ${summary.table}
WHERE ${join(where, ' AND ')}`.toQuery();
  const result = await conn.query({ sql: q.sql, params: q.params, tags: { panel: 'key-stretch' }, signal });
  const first = result.rows[0]?.first;
  const last = result.rows[0]?.last;
  const lookup = `${q.sql.replace(/\s+/g, ' ')} [${q.params.map((p) => JSON.stringify(p)).join(', ')}] (${result.stats.elapsedMs} ms)`;
  if (typeof first !== 'string' || typeof last !== 'string') {
    return { from: window.from, to: window.from, note: `The hourly summary has no call matching these filters in the window, so no event was read: ${lookup}` };
  }
  const stretchFrom = Math.max(from, Date.parse(first));
  const stretchTo = Math.min(to, Date.parse(last) + 1000);
  return {
    from: isoUtc(stretchFrom),
    to: isoUtc(Math.max(stretchFrom, stretchTo)),
    note: `Read only ${isoUtc(stretchFrom)} to ${isoUtc(stretchTo)}, where the hourly summary kept at ingest has calls matching these filters: ${lookup}`,
  };
}

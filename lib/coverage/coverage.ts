import { formatCount, formatTime } from '@/lib/format';
import type { Scope } from '@/lib/params/scope';
import { isoDay, isoUtc } from '@/lib/time';
import type { CoverageCountRow } from './queries/coverage-counts';
import { improbableSilences, SILENCE_RULE, type Judgement } from './silences';
import type { TrailGap } from './trail-gaps';

/**
 * What the coverage page and GET /api/coverage answer with, shaped from the query rows by pure
 * functions: which windows are examined, the heat map's cells, and the gaps in plain words.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** How far around the scope silences are judged on the embedded store (cheap there: the hourly summary). */
export const EMBEDDED_MARGIN_DAYS = 7;
/** How far before the examined hours a table over S3 looks for a stopped trail (each day is read and billed). */
export const S3_TRAIL_LOOKBACK_DAYS = 7;

export interface CoverageWindows {
  /** The hours whose events are counted: the scope on whole hours, on the embedded store ± 7 days, within the data. */
  hours: Scope;
  /** Where events and delivery files are counted per day (the heat map): the scope on whole hours, within the data; null outside it. */
  days: Scope | null;
  /** Where stopped and deleted trails are looked for: all the data on the embedded store, else 7 days before `hours` to its end. */
  trail: Scope;
}

const floorHour = (ms: number) => Math.floor(ms / HOUR) * HOUR;
const ceilHour = (ms: number) => Math.ceil(ms / HOUR) * HOUR;

/**
 * The windows examined for a scope, or null when the data does not reach it. Beyond the data's
 * first and last hours there is nothing to judge a silence by, so the hours stop there: a silence
 * running to the end of the data is at an edge, never a gap.
 */
export function coverageWindows(scope: Scope, range: { first: string | null; last: string | null }, source: 'embedded-store' | 'table-over-s3'): CoverageWindows | null {
  if (!range.first || !range.last) return null;
  const dataFrom = floorHour(Date.parse(range.first));
  const dataTo = floorHour(Date.parse(range.last)) + HOUR;
  const margin = source === 'embedded-store' ? EMBEDDED_MARGIN_DAYS * DAY : 0;
  const from = Math.max(floorHour(Date.parse(scope.from)) - margin, dataFrom);
  const to = Math.min(ceilHour(Date.parse(scope.to)) + margin, dataTo);
  if (from >= to) return null;
  const daysFrom = Math.max(floorHour(Date.parse(scope.from)), dataFrom);
  const daysTo = Math.min(ceilHour(Date.parse(scope.to)), dataTo);
  const days = daysFrom < daysTo ? { from: isoUtc(daysFrom), to: isoUtc(daysTo) } : null;
  const trailFrom = source === 'embedded-store' ? dataFrom : Math.max(from - S3_TRAIL_LOOKBACK_DAYS * DAY, dataFrom);
  const trailTo = source === 'embedded-store' ? dataTo : to;
  return { hours: { from: isoUtc(from), to: isoUtc(to) }, days, trail: { from: isoUtc(trailFrom), to: isoUtc(trailTo) } };
}

export type GapKind = 'no-delivery' | 'logging-stopped' | 'trail-deleted';

export interface CoverageGap {
  kind: GapKind;
  accountId: string | null;
  region: string | null;
  from: string;
  to: string;
  /** What is missing and how it is known, in plain words. */
  reason: string;
  /** The end is where the search stopped, not where logging resumed. */
  open: boolean;
  /** The events that show it (the stop and the restart); none for a silence. */
  eventIds: string[];
  /** A silence's length, its neighbours' events per hour, what that rate expects, and the longest other silence near it. */
  hours: number | null;
  ratePerHour: number | null;
  expectedEvents: number | null;
  longestOtherSilenceHours: number | null;
  trailName: string | null;
  trailArn: string | null;
  stoppedBy: string | null;
  multiRegion: boolean | null;
  organization: boolean | null;
}

export interface CoverageCell {
  accountId: string | null;
  region: string | null;
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  events: number;
  /** Distinct delivery files with events of that day; null when files were not counted. */
  files: number | null;
  /** A gap overlaps the day in this account and region. */
  gap: boolean;
}

export interface Stream {
  accountId: string | null;
  region: string | null;
}

const streamKey = (s: Stream) => `${s.accountId ?? ''}\u0000${s.region ?? ''}`;

/** Each account × region's events per hour over the window, every hour present (zeros where none). */
export function hourlySeries(rows: readonly CoverageCountRow[], window: Scope): Map<string, { stream: Stream; counts: number[] }> {
  const start = Date.parse(window.from);
  const length = Math.max(0, Math.round((Date.parse(window.to) - start) / HOUR));
  const series = new Map<string, { stream: Stream; counts: number[] }>();
  for (const r of rows) {
    if (r.grain !== 'hour') continue;
    const key = streamKey(r);
    let s = series.get(key);
    if (!s) {
      s = { stream: { accountId: r.accountId, region: r.region }, counts: new Array<number>(length).fill(0) };
      series.set(key, s);
    }
    const i = Math.round((Date.parse(r.at) - start) / HOUR);
    if (i >= 0 && i < length) s.counts[i] = (s.counts[i] ?? 0) + r.events;
  }
  return series;
}

/** The silences of every account × region that the rule (silences.ts) calls gaps. */
export function deliveryGaps(rows: readonly CoverageCountRow[], window: Scope): CoverageGap[] {
  const start = Date.parse(window.from);
  const gaps: CoverageGap[] = [];
  for (const { stream, counts } of hourlySeries(rows, window).values()) {
    for (const j of improbableSilences(counts)) gaps.push(silenceGap(stream, j, start));
  }
  return gaps;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function silenceGap(stream: Stream, j: Judgement, start: number): CoverageGap {
  const rate = Math.round(j.rate * 10) / 10;
  const habit = j.longestOther === 0 ? 'it had no other empty hour within a week' : `the longest other silence of this account and region within a week was ${plural(j.longestOther, 'hour')}`;
  return {
    kind: 'no-delivery',
    ...stream,
    from: isoUtc(start + j.start * HOUR),
    to: isoUtc(start + j.end * HOUR),
    reason:
      `No events for ${plural(j.hours, 'hour')} where the ${SILENCE_RULE.neighbourHours} hours on each side averaged ${rate} an hour: ` +
      `that rate expects ${formatCount(Math.round(j.expected))} in this time, and getting none has a chance below 1%; ${habit}. ` +
      'Files may be missing from the trail bucket, or delivery failed.',
    open: false,
    eventIds: [],
    hours: j.hours,
    ratePerHour: rate,
    expectedEvents: Math.round(j.expected * 10) / 10,
    longestOtherSilenceHours: j.longestOther,
    trailName: null,
    trailArn: null,
    stoppedBy: null,
    multiRegion: null,
    organization: null,
  };
}

/** A stopped or deleted trail as a gap, with what the data says (and does not say) about what it covered. */
export function trailCoverageGap(t: TrailGap, searchedFrom: string): CoverageGap {
  const who = t.stoppedBy ? ` by ${t.stoppedBy}` : '';
  const what =
    t.kind === 'trail-deleted'
      ? `Trail ${t.trailName} was ${t.stopEventName === 'DeleteTrail' ? 'deleted (DeleteTrail)' : 'stopped (StopLogging), then deleted'}${who} at ${formatTime(t.from)}`
      : `Trail ${t.trailName} was stopped (StopLogging)${who} at ${formatTime(t.from)}`;
  const until = t.open
    ? `; the data shows no ${t.kind === 'trail-deleted' ? 'CreateTrail' : 'StartLogging'} for it up to ${formatTime(t.to)}.`
    : `; ${t.restartEventName} ${t.restartEventName === 'CreateTrail' ? 'created it again' : 'restarted it'} at ${formatTime(t.to)}.`;
  const account = t.accountId ?? 'unknown';
  const reach =
    t.multiRegion === true
      ? ` It is a multi-region trail (its CreateTrail or UpdateTrail says so): it logs every region of account ${account}, so all of them lost its events, not only ${t.region ?? 'its home region'}.`
      : t.multiRegion === false
        ? ` It logs ${t.region ?? 'its home region'} only (its CreateTrail or UpdateTrail says so).`
        : ` Whether it logs every region is not in the data searched (no CreateTrail or UpdateTrail for it since ${formatTime(searchedFrom)}): at least its home region ${t.region ?? ''} lost its events.`.replace(' .', '.');
  const org = t.organization === true ? ' It is an organisation trail: the other accounts of the organisation lost its events too.' : '';
  return {
    kind: t.kind,
    accountId: t.accountId,
    region: t.region,
    from: t.from,
    to: t.to,
    reason: `${what}${until}${reach}${org} Events seen in this time came through another trail.`,
    open: t.open,
    eventIds: [t.stopEventId, ...(t.restartEventId ? [t.restartEventId] : [])],
    hours: null,
    ratePerHour: null,
    expectedEvents: null,
    longestOtherSilenceHours: null,
    trailName: t.trailName,
    trailArn: t.trailArn,
    stoppedBy: t.stoppedBy,
    multiRegion: t.multiRegion,
    organization: t.organization,
  };
}

/**
 * The gaps to list: a silence inside the time a trail covering that account and region was stopped
 * or deleted is that stop's doing, said once by the stop's own gap.
 */
export function withoutExplainedSilences(gaps: readonly CoverageGap[]): CoverageGap[] {
  const stops = gaps.filter((g) => g.kind !== 'no-delivery');
  return gaps.filter((g) => g.kind !== 'no-delivery' || !stops.some((s) => s.from <= g.from && s.to >= g.to && gapCovers(s, g)));
}

/** Whether a gap overlaps [from, to). */
export function overlaps(gap: Pick<CoverageGap, 'from' | 'to'>, window: Scope): boolean {
  return gap.from < window.to && gap.to > window.from;
}

/**
 * Whether a gap concerns an account × region: its own, or any region of its account for a trail
 * known to log every region.
 */
export function gapCovers(gap: CoverageGap, stream: Partial<Stream>): boolean {
  if (stream.accountId !== undefined && gap.accountId !== stream.accountId && gap.organization !== true) return false;
  if (stream.region === undefined || gap.region === stream.region) return true;
  return gap.kind !== 'no-delivery' && gap.multiRegion === true;
}

/** Hours (ISO, on the hour, sorted) as the fewest windows covering them: consecutive hours merged. */
export function hourSpans(hours: readonly string[]): Scope[] {
  const spans: { from: number; to: number }[] = [];
  for (const hour of hours) {
    const ms = Date.parse(hour);
    const last = spans[spans.length - 1];
    if (last && last.to === ms) last.to = ms + HOUR;
    else spans.push({ from: ms, to: ms + HOUR });
  }
  return spans.map((s) => ({ from: isoUtc(s.from), to: isoUtc(s.to) }));
}

/** The UTC days a scope touches, oldest first. */
export function scopeDays(scope: Scope): string[] {
  const days: string[] = [];
  const last = isoDay(Date.parse(scope.to) - 1);
  for (let d = Date.parse(`${isoDay(Date.parse(scope.from))}T00:00:00Z`); isoDay(d) <= last; d += DAY) days.push(isoDay(d));
  return days;
}

/**
 * The heat map's cells: every account × region seen in the window (or named by a gap), every day
 * of the scope, zeros included. Events and files come from the day rows where files were counted,
 * else from the hours.
 */
export function coverageCells(rows: readonly CoverageCountRow[], gaps: readonly CoverageGap[], scope: Scope): { streams: Stream[]; cells: CoverageCell[] } {
  const days = scopeDays(scope);
  const streams = new Map<string, Stream>();
  const perDay = new Map<string, { events: number; files: number | null }>();
  const hourly = new Map<string, number>();
  const hasDays = rows.some((r) => r.grain === 'day');
  for (const r of rows) {
    const key = streamKey(r);
    if (!streams.has(key)) streams.set(key, { accountId: r.accountId, region: r.region });
    const day = r.at.slice(0, 10);
    if (r.grain === 'day') perDay.set(`${key}\u0000${day}`, { events: r.events, files: r.files });
    else hourly.set(`${key}\u0000${day}`, (hourly.get(`${key}\u0000${day}`) ?? 0) + r.events);
  }
  for (const g of gaps) {
    const key = streamKey(g);
    if (!streams.has(key)) streams.set(key, { accountId: g.accountId, region: g.region });
  }
  const ordered = [...streams.values()].sort((a, b) => (a.accountId ?? '').localeCompare(b.accountId ?? '') || (a.region ?? '').localeCompare(b.region ?? ''));
  const cells = ordered.flatMap((stream) =>
    days.map((day): CoverageCell => {
      const key = `${streamKey(stream)}\u0000${day}`;
      const counted = hasDays ? (perDay.get(key) ?? { events: 0, files: 0 }) : { events: hourly.get(key) ?? 0, files: null };
      const dayWindow = { from: `${day}T00:00:00Z`, to: isoUtc(Date.parse(`${day}T00:00:00Z`) + DAY) };
      return { ...stream, day, ...counted, gap: gaps.some((g) => overlaps(g, dayWindow) && gapCovers(g, stream)) };
    }),
  );
  return { streams: ordered, cells };
}

/**
 * The sentence a page shows for a gap overlapping what it displays: where and when the logs are
 * silent, and that a silence there proves nothing. A trail known to log every region is silent
 * in any region of its account.
 */
export function gapSentence(gap: Pick<CoverageGap, 'kind' | 'accountId' | 'region' | 'from' | 'to' | 'multiRegion' | 'open'>): string {
  const account = gap.accountId ? `account ${gap.accountId}` : 'an unknown account';
  const region = gap.kind !== 'no-delivery' && gap.multiRegion === true ? 'any region' : gap.region ? `region ${gap.region}` : 'an unknown region';
  const until = gap.open ? `${formatTime(gap.to)} (at least)` : formatTime(gap.to);
  return `No logs from ${account} in ${region} between ${formatTime(gap.from)} and ${until}: the absence of events there is not evidence.`;
}

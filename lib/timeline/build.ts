import type { TimelineRow } from './query';

/** Something to call out on the timeline beside the plain calls. */
export type TimelineMark =
  /** This session called AssumeRole*: the session it started. */
  | { kind: 'assumed'; at: string; eventId: string; roleArn: string | null; sessionId: string | null; sessionName: string | null }
  /** The session itself was started (its credentials issued) by this assumer. */
  | { kind: 'started'; at: string; eventIds: string[]; assumer: string; label: 'proven' | 'inferred' }
  /** A finding about this session. */
  | { kind: 'finding'; at: string; findingId: string; title: string; severityLabel: string; eventIds: string[] };

export interface TimelineEvent {
  eventId: string;
  time: string;
  service: string;
  eventName: string;
  errorCode: string | null;
  sourceIp: string | null;
  region: string | null;
  /** Marks attached to this very event (an AssumeRole it made, a finding it is evidence of). */
  marks: TimelineMark[];
}

export interface TimelineMinute {
  /** `YYYY-MM-DDTHH:MMZ` */
  minute: string;
  events: TimelineEvent[];
  /** Marks in this minute that are not one of its events (the session being started, findings without evidence here). */
  marks: TimelineMark[];
  failed: number;
}

const minuteOf = (iso: string) => `${iso.slice(0, 16)}Z`;

/**
 * The session's calls in time order, grouped by minute, with assumptions, the hops that started
 * it and findings marked where they happened, so an incident reads top to bottom.
 */
export function buildTimeline(rows: readonly TimelineRow[], marks: readonly TimelineMark[]): TimelineMinute[] {
  const byEvent = new Map<string, TimelineMark[]>();
  const loose: TimelineMark[] = [];
  const eventIds = new Set(rows.map((r) => r.event_id));
  for (const m of marks) {
    const ids = m.kind === 'assumed' ? [m.eventId] : m.eventIds;
    const here = ids.filter((id) => eventIds.has(id));
    if (m.kind !== 'started' && here.length > 0) for (const id of here) byEvent.set(id, [...(byEvent.get(id) ?? []), m]);
    else loose.push(m);
  }
  for (const r of rows) {
    const isAssume = r.event_source === 'sts.amazonaws.com' && (r.event_name ?? '').startsWith('AssumeRole') && r.error_code === null;
    if (isAssume && !(byEvent.get(r.event_id) ?? []).some((m) => m.kind === 'assumed')) {
      byEvent.set(r.event_id, [
        ...(byEvent.get(r.event_id) ?? []),
        { kind: 'assumed', at: r.event_time, eventId: r.event_id, roleArn: r.role_arn, sessionId: r.assumed_role_id, sessionName: r.role_session_name },
      ]);
    }
  }
  const minutes = new Map<string, TimelineMinute>();
  const minute = (key: string) => {
    let m = minutes.get(key);
    if (!m) {
      m = { minute: key, events: [], marks: [], failed: 0 };
      minutes.set(key, m);
    }
    return m;
  };
  for (const r of rows) {
    const m = minute(minuteOf(r.event_time));
    m.events.push({
      eventId: r.event_id,
      time: r.event_time,
      service: (r.event_source ?? 'unknown').replace(/\.amazonaws\.com$/, ''),
      eventName: r.event_name ?? 'unknown',
      errorCode: r.error_code,
      sourceIp: r.source_ip,
      region: r.region,
      marks: byEvent.get(r.event_id) ?? [],
    });
    if (r.error_code) m.failed++;
  }
  for (const mark of loose) minute(minuteOf(mark.at)).marks.push(mark);
  return [...minutes.values()].sort((a, b) => (a.minute < b.minute ? -1 : a.minute > b.minute ? 1 : 0));
}

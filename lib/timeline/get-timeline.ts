import type { RoleSessionAttribution } from '@/lib/attribution/role-session';
import { ASSUMER_LABELS } from '@/lib/links';
import type { Connection } from '@/lib/engine/types';
import type { Finding } from '@/lib/findings/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import { buildTimeline, type TimelineMark, type TimelineMinute } from './build';
import { sessionTimeline, TIMELINE_LIMIT, type TimelineRow } from './query';

export interface SessionTimeline {
  minutes: TimelineMinute[];
  /** More calls in the scope than the timeline shows. */
  truncated: boolean;
  events: number;
  panel: PanelResult<TimelineRow>;
}

/** The marks for a session: who started it (from its attribution) and the findings about it. */
export function timelineMarks(sessionId: string, attribution: RoleSessionAttribution, findings: readonly Finding[], scope: Scope): TimelineMark[] {
  const marks: TimelineMark[] = [];
  const seen = new Set<string>();
  for (const c of attribution.credentials) {
    const a = c.assumption;
    if (!a || c.confidence === 'unknown' || a.issuedAt < scope.from || a.issuedAt >= scope.to) continue;
    const key = a.evidenceEventIds.join();
    if (seen.has(key)) continue;
    seen.add(key);
    marks.push({ kind: 'started', at: a.issuedAt, eventIds: a.evidenceEventIds, assumer: `${a.assumer.name} (${ASSUMER_LABELS[a.assumer.type]})`, label: c.confidence });
  }
  for (const f of findings) {
    if (f.actor.sessionId !== sessionId) continue;
    marks.push({ kind: 'finding', at: f.firstSeen < scope.from ? scope.from : f.firstSeen, findingId: f.id, title: f.title, severityLabel: f.severityLabel, eventIds: f.evidenceEventIds });
  }
  return marks;
}

/** The Timeline tab: the session's calls in the scope by minute, with its hops and findings marked. */
export async function getSessionTimeline(conn: Connection, sessionId: string, scope: Scope, marks: readonly TimelineMark[], signal?: AbortSignal): Promise<SessionTimeline> {
  const panel = await runPanel(conn, sessionTimeline, { ...scope, principalId: sessionId }, signal);
  const rows = panel.rows.slice(0, TIMELINE_LIMIT);
  return { minutes: buildTimeline(rows, marks), truncated: panel.rows.length > TIMELINE_LIMIT, events: rows.length, panel };
}

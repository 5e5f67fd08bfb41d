/**
 * The investigation report for a principal over a scope (Detective's "investigation"): what it did,
 * tagged with ATT&CK; what was new against its own history; impossible travel; the findings and
 * incidents about it; the chain to the identity behind it; and the gaps in the logs that overlap.
 * One JSON shape: the page renders it, the Markdown export writes it, the JSON export is it.
 */
import { getChain, type RoleChain } from '@/lib/attribution/chain';
import { ATTACK_VERSION } from '@/lib/attack/techniques';
import { getDataRange } from '@/lib/data-range/get-data-range';
import { gapsOverlapping } from '@/lib/coverage/gaps-overlapping';
import { gapSentence, type CoverageGap } from '@/lib/coverage/coverage';
import { getEnricher } from '@/lib/enrichment/enricher';
import { panelQuery, runPanel, type PanelQuery } from '@/lib/engine/panel';
import type { Connection } from '@/lib/engine/types';
import { listFindings, type StoredFinding } from '@/lib/findings/store';
import { FINDING_STATUSES } from '@/lib/findings/status';
import { allIncidents } from '@/lib/incidents/load';
import { getNewBehavior } from '@/lib/new-behavior/get-new-behavior';
import type { Scope } from '@/lib/params/scope';
import { scopeDetails } from '@/lib/activity/scope-details';
import type { Subject } from '@/lib/subjects/subject';
import { attackActivity, type AttackActivity } from './attack-activity';
import { reportSubjectOf, type ReportSubject } from './params';

export interface ReportFinding {
  id: string;
  title: string;
  type: string;
  severity: number;
  severityLabel: string;
  status: string;
  firstSeen: string;
  lastSeen: string;
  techniques: string[];
  description: string;
}

export interface InvestigationReport {
  subject: ReportSubject & { label: string };
  scope: Scope;
  generatedAt: string;
  attackVersion: string;
  activity: { calls: number; failed: number; apis: number } & AttackActivity;
  newBehavior: {
    baseline: { days: number; from: string; to: string; judged: boolean; message: string | null };
    apis: { eventSource: string; eventName: string; calls: number; firstSeen: string | null }[];
    locations: { label: string; ips: string[]; calls: number; firstSeen: string | null }[];
    userAgents: { label: string; calls: number; firstSeen: string | null }[];
    increasedVolume: { eventSource: string; eventName: string; calls: number; baselineCalls: number }[];
  };
  impossibleTravel: ReportFinding[];
  findings: ReportFinding[];
  incidents: { id: string; title: string; severityLabel: string; firstSeen: string; lastSeen: string; findings: number; open: boolean }[];
  chain: { origin: string | null; end: string; hops: { from: string | null; to: string; at: string | null; label: string }[] } | null;
  gaps: (CoverageGap & { sentence: string })[];
  queries: PanelQuery[];
}

function label(subject: Subject): string {
  if (subject.kind === 'role-session') return `role session ${subject.principalId}`;
  if (subject.kind === 'role') return `role ${subject.arn}`;
  if (subject.kind === 'user') return `user ${subject.arn}`;
  return subject.kind;
}

/** Whether a finding is about the subject: its actor is the session, a session of the role, or the user. */
function about(subject: Subject, f: StoredFinding): boolean {
  if (subject.kind === 'role-session') return f.actor.sessionId === subject.principalId || f.actor.principalId === subject.principalId || f.origin?.session === subject.principalId;
  if (subject.kind === 'role') {
    const roleName = subject.arn.split('/').pop();
    return (f.actor.arn?.includes(`:assumed-role/${roleName}/`) ?? false) || f.resources.some((r) => r.id === subject.arn);
  }
  if (subject.kind === 'user') return f.actor.arn === subject.arn || f.origin?.arn === subject.arn;
  return false;
}

const reportFinding = (f: StoredFinding): ReportFinding => ({
  id: f.id,
  title: f.title,
  type: f.type,
  severity: f.severity,
  severityLabel: f.severityLabel,
  status: f.status,
  firstSeen: f.firstSeen,
  lastSeen: f.lastSeen,
  techniques: f.techniques,
  description: f.description,
});

function chainOf(chain: RoleChain): InvestigationReport['chain'] {
  return {
    origin: chain.origin ? chain.origin.name : null,
    end: chain.end,
    hops: chain.hops.map((h) => ({ from: h.from?.name ?? null, to: h.to.sessionId, at: h.assumedAt, label: h.label })),
  };
}

export async function buildReport(conn: Connection, subject: Subject, scope: Scope, signal?: AbortSignal): Promise<InvestigationReport> {
  const reportSubject = reportSubjectOf(subject);
  if (!reportSubject) throw new Error(`No report for a ${subject.kind}`);
  const range = await getDataRange(conn, signal);
  const [apis, newBehavior, gaps, chain, stored, incidents] = await Promise.all([
    runPanel(conn, scopeDetails.apis, { subject, ...scope }, signal),
    getNewBehavior(conn, subject, scope, { enricher: getEnricher(), storeFirstEvent: range.first, signal }),
    gapsOverlapping(conn, scope, {}, signal),
    subject.kind === 'role-session' ? getChain(conn, subject.principalId, scope, range.first, signal) : Promise.resolve(null),
    listFindings({ from: scope.from, to: scope.to, status: [...FINDING_STATUSES], limit: 1000 }),
    allIncidents(),
  ]);
  const calls = apis.rows.map((r) => ({ eventSource: r.service ?? 'unknown', eventName: r.key ?? 'unknown', success: r.success, failed: r.failed, firstSeen: r.firstSeen, lastSeen: r.lastSeen }));
  const findings = stored.filter((f) => about(subject, f));
  const ids = new Set(findings.map((f) => f.id));
  const nb = newBehavior;
  return {
    subject: { ...reportSubject, label: label(subject) },
    scope,
    generatedAt: new Date().toISOString(),
    attackVersion: ATTACK_VERSION,
    activity: {
      calls: calls.reduce((n, c) => n + c.success + c.failed, 0),
      failed: calls.reduce((n, c) => n + c.failed, 0),
      apis: calls.length,
      ...attackActivity(calls),
    },
    newBehavior: {
      baseline: { days: nb.baselineDays, from: nb.baseline.from, to: nb.baseline.to, judged: nb.baseline.reason === undefined, message: nb.baseline.message ?? null },
      apis: nb.newApiCalls.map((a) => ({ eventSource: a.eventSource, eventName: a.eventName, calls: a.success + a.failed, firstSeen: a.firstSeen })),
      locations: nb.newGeolocations.map((g) => ({ label: g.label, ips: [...g.filter.ips], calls: g.scope.success + g.scope.failed, firstSeen: g.firstSeen })),
      userAgents: nb.newUserAgents.map((u) => ({ label: u.label, calls: u.success + u.failed, firstSeen: u.firstSeen })),
      increasedVolume: nb.increasedVolume.map((v) => ({ eventSource: v.eventSource, eventName: v.eventName, calls: v.success + v.failed, baselineCalls: v.baselineCalls })),
    },
    impossibleTravel: findings.filter((f) => f.rule === 'impossible-travel').map(reportFinding),
    findings: findings.map(reportFinding),
    incidents: incidents
      .filter((i) => i.findings.some((f) => ids.has(f.id)))
      .map((i) => ({ id: i.id, title: i.title, severityLabel: i.severityLabel, firstSeen: i.firstSeen, lastSeen: i.lastSeen, findings: i.findings.length, open: i.open })),
    chain: chain ? chainOf(chain) : null,
    gaps: gaps.gaps.map((g) => ({ ...g, sentence: gapSentence(g) })),
    queries: [...range.queries, panelQuery(apis), ...nb.queries, ...gaps.queries],
  };
}

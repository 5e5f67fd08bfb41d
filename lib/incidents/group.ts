/**
 * Incidents: findings grouped by the identity really behind them (their resolved origin, through
 * the role chain) and by time, as Detective groups findings: findings of one origin whose seen
 * ranges come within INCIDENT_GAP_MS of each other belong together. Pure; ids hash the origin and
 * the first finding, so an incident keeps its id (and URL) as later findings join it.
 */
import crypto from 'node:crypto';
import { investigationScope } from '@/lib/findings/resolve-actor';
import { originLabel, type FindingOrigin } from '@/lib/findings/origins';
import { OPEN_STATUSES } from '@/lib/findings/status';
import type { StoredFinding } from '@/lib/findings/store';
import { severityLabel, type SeverityLabel } from '@/lib/findings/types';
import type { Scope } from '@/lib/params/scope';
import { DETECTION_RULE_IDS, ruleById, type DetectionRuleId } from '@/lib/detections/rules';

/** Findings of one origin further apart than this are separate incidents. */
export const INCIDENT_GAP_MS = 24 * 3600_000;
/** An incident is at least this many findings: one finding is just a finding. */
export const MIN_INCIDENT_FINDINGS = 2;

export interface Incident {
  id: string;
  origin: FindingOrigin;
  originLabel: string;
  title: string;
  /** Oldest first. */
  findings: StoredFinding[];
  firstSeen: string;
  lastSeen: string;
  severity: number;
  severityLabel: SeverityLabel;
  /** Any finding still open (new or investigating). */
  open: boolean;
  /** The role sessions the findings' actors were, oldest first. */
  sessions: string[];
  accounts: string[];
  /** One scope covering every finding, on whole hours. */
  scope: Scope;
}

export function incidentId(originKey: string, firstFindingId: string): string {
  return `inc-${crypto.createHash('sha256').update(originKey).update('\u0000').update(firstFindingId).digest('hex').slice(0, 20)}`;
}

/** What kind of finding it is, in words: a detection's rule title (not its title, which names the actor), GuardDuty's title. */
function kindOf(f: StoredFinding): string {
  return (DETECTION_RULE_IDS as readonly string[]).includes(f.rule ?? '') ? ruleById(f.rule as DetectionRuleId).title : f.title;
}

function incidentOf(origin: FindingOrigin, findings: StoredFinding[]): Incident {
  const firstSeen = findings.map((f) => f.firstSeen).sort()[0]!;
  const lastSeen = findings.map((f) => f.lastSeen).sort().at(-1)!;
  const severity = Math.max(...findings.map((f) => f.severity));
  const label = originLabel(origin);
  const kinds = [...new Set(findings.map(kindOf))];
  return {
    id: incidentId(origin.key, findings[0]!.id),
    origin,
    originLabel: label,
    title: `${label}: ${kinds.slice(0, 3).join('; ')}${kinds.length > 3 ? `; and ${kinds.length - 3} more` : ''}`,
    findings,
    firstSeen,
    lastSeen,
    severity,
    severityLabel: severityLabel(severity),
    open: findings.some((f) => OPEN_STATUSES.includes(f.status)),
    sessions: [...new Set(findings.flatMap((f) => [f.origin?.session, f.actor.sessionId].filter((s): s is string => !!s)))],
    accounts: [...new Set(findings.map((f) => f.accountId).filter((a): a is string => !!a))].sort(),
    scope: investigationScope({ firstSeen, lastSeen }),
  };
}

/** Groups findings with a resolved origin into incidents, newest last seen first. */
export function groupIncidents(findings: readonly StoredFinding[]): Incident[] {
  const byOrigin = new Map<string, StoredFinding[]>();
  for (const f of findings) if (f.origin) byOrigin.set(f.origin.key, [...(byOrigin.get(f.origin.key) ?? []), f]);
  const incidents: Incident[] = [];
  for (const own of byOrigin.values()) {
    const sorted = [...own].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id));
    let cluster: StoredFinding[] = [];
    let reach = 0;
    const close = () => {
      if (cluster.length >= MIN_INCIDENT_FINDINGS) incidents.push(incidentOf(cluster[0]!.origin!, cluster));
      cluster = [];
    };
    for (const f of sorted) {
      if (cluster.length > 0 && Date.parse(f.firstSeen) > reach + INCIDENT_GAP_MS) close();
      cluster.push(f);
      reach = Math.max(cluster.length === 1 ? 0 : reach, Date.parse(f.lastSeen));
    }
    close();
  }
  return incidents.sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.id.localeCompare(b.id));
}

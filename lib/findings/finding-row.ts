import { code } from '@/lib/sql/sql';
import type { StateRow } from '@/lib/state/statement';
import { techniquesOf } from './techniques';
import { FINDING_SOURCES, SEVERITY_LABELS, severityLabel, type Finding, type FindingResource, type FindingSource, type SeverityLabel } from './types';

/** The stored columns as a finding reads them back: times as ISO-8601 UTC text. */
export const SELECT_COLUMNS = code(`id, source, type, severity, severity_label, title, description,
  strftime(first_seen, '%Y-%m-%dT%H:%M:%S.%gZ') AS first_seen, strftime(last_seen, '%Y-%m-%dT%H:%M:%S.%gZ') AS last_seen,
  account_id, region, actor_access_key_id, actor_principal_id, actor_arn, actor_user_name, actor_user_type,
  actor_session_id, resources, evidence_event_ids, rule, count, techniques`);

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A stored row as a finding; values the store does not know (a later version's source) fall back. */
export function fromRow(row: StateRow): Finding {
  const severity = Number(row.severity);
  const label = str(row.severity_label);
  return {
    id: String(row.id),
    source: FINDING_SOURCES.includes(row.source as FindingSource) ? (row.source as FindingSource) : 'detection',
    type: String(row.type),
    severity,
    severityLabel: SEVERITY_LABELS.includes(label as SeverityLabel) ? (label as SeverityLabel) : severityLabel(severity),
    title: String(row.title),
    description: String(row.description),
    firstSeen: String(row.first_seen).replace('.000Z', 'Z'),
    lastSeen: String(row.last_seen).replace('.000Z', 'Z'),
    accountId: str(row.account_id),
    region: str(row.region),
    actor: {
      accessKeyId: str(row.actor_access_key_id),
      principalId: str(row.actor_principal_id),
      arn: str(row.actor_arn),
      userName: str(row.actor_user_name),
      userType: str(row.actor_user_type),
      sessionId: str(row.actor_session_id),
    },
    resources: JSON.parse(String(row.resources)) as FindingResource[],
    evidenceEventIds: JSON.parse(String(row.evidence_event_ids)) as string[],
    rule: str(row.rule),
    count: Number(row.count),
  };
}

/** A finding as the values of its columns, resources and evidence as JSON text. */
export function toRow(f: Finding): Record<string, string | number | null> {
  return {
    id: f.id,
    source: f.source,
    type: f.type,
    severity: f.severity,
    severity_label: f.severityLabel,
    title: f.title,
    description: f.description,
    first_seen: f.firstSeen,
    last_seen: f.lastSeen,
    account_id: f.accountId,
    region: f.region,
    actor_access_key_id: f.actor.accessKeyId,
    actor_principal_id: f.actor.principalId,
    actor_arn: f.actor.arn,
    actor_user_name: f.actor.userName,
    actor_user_type: f.actor.userType,
    actor_session_id: f.actor.sessionId,
    resources: JSON.stringify(f.resources),
    evidence_event_ids: JSON.stringify(f.evidenceEventIds),
    rule: f.rule,
    count: f.count,
    // Derived, not observed: written with every write so the list can filter on it.
    techniques: JSON.stringify(techniquesOf(f)),
  };
}

/** A stored row's techniques. */
export function techniquesFromRow(row: StateRow): string[] {
  try {
    const parsed: unknown = JSON.parse(String(row.techniques ?? '[]'));
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

const PLACEHOLDER: Finding = {
  id: '',
  source: 'detection',
  type: '',
  severity: 0,
  severityLabel: 'Low',
  title: '',
  description: '',
  firstSeen: '',
  lastSeen: '',
  accountId: null,
  region: null,
  actor: { accessKeyId: null, principalId: null, arn: null, userName: null, userType: null, sessionId: null },
  resources: [],
  evidenceEventIds: [],
  rule: null,
  count: 0,
};

/** The stored columns, in `toRow`'s order: whatever writes rows derives its column list from here. */
export const COLUMNS = Object.keys(toRow(PLACEHOLDER));

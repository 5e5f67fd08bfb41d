/**
 * Pure: first use of a sensitive API over sensitiveCalls rows. New behavior's baseline rules
 * decide whether a principal can be judged at all (assessCoverage: no calls before the scope, or a
 * store that starts in it, is no baseline); an API the principal called in the baseline is not new.
 */
import { severityLabel, type Finding } from '@/lib/findings/types';
import { API_RESOURCE } from '@/lib/findings/techniques';
import { assessCoverage, type BaselineWindow } from '@/lib/new-behavior/coverage';
import type { SensitiveCallRow } from './queries/sensitive-calls';
import { ruleById, SENSITIVE_APIS } from './rules';
import { actorOf, detectionFindingId } from './to-findings';

export interface SensitiveFirstUseResult {
  findings: Finding[];
  principals: number;
  withoutBaseline: number;
}

export function sensitiveFirstUseFindings(rows: readonly SensitiveCallRow[], window: BaselineWindow, storeFirst: string | null | undefined): SensitiveFirstUseResult {
  const rule = ruleById('sensitive-api-first-use');
  const watched = new Map(SENSITIVE_APIS.map((a) => [`${a.eventSource}:${a.eventName}`, a]));
  const principals = new Set<string>();
  const judged = new Set<string>();
  const findings: Finding[] = [];
  for (const r of rows) {
    const api = watched.get(`${r.event_source}:${r.event_name}`);
    if (!api) continue;
    principals.add(r.principal_id);
    const coverage = assessCoverage(window, { baselineCalls: r.baseline_calls, subjectFirst: r.principal_first, storeFirst });
    if (coverage.reason !== undefined) continue;
    judged.add(r.principal_id);
    if (r.baseline_api_calls > 0) continue;
    const who = r.actor_arn ?? r.principal_id;
    const outcome = r.failed === r.calls ? `, every call denied (${r.error_codes.join(', ')})` : r.failed > 0 ? `, ${r.failed} denied (${r.error_codes.join(', ')})` : '';
    const since = coverage.shortened && coverage.coverageStart ? ` (history since ${coverage.coverageStart})` : '';
    findings.push({
      id: detectionFindingId(rule.id, [r.principal_id, r.event_source, r.event_name]),
      source: 'detection',
      type: rule.type,
      severity: rule.severity,
      severityLabel: severityLabel(rule.severity),
      title: `First ${r.event_name} by ${who}`,
      description: `${who} called ${r.event_name} (${r.event_source}: ${api.what}) ${r.calls === 1 ? 'once' : `${r.calls} times`} between ${r.first_seen} and ${r.last_seen}${outcome}; it made ${r.baseline_calls.toLocaleString('en-US')} calls in the baseline ${window.from} – ${window.to}${since}, none of them ${r.event_name}.`,
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      accountId: r.account_id,
      region: r.aws_region,
      actor: actorOf({ ...r, actor_principal_id: r.principal_id }),
      resources: [{ type: API_RESOURCE, id: `${r.event_source}:${r.event_name}` }],
      evidenceEventIds: r.event_ids,
      rule: rule.id,
      count: r.calls,
    });
  }
  return { findings, principals: principals.size, withoutBaseline: principals.size - judged.size };
}

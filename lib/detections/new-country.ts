/**
 * Pure: the new-country rule over principalSources rows, with the New behavior panel's own logic so
 * the finding and the panel never disagree: coverage.ts decides whether a principal has a baseline
 * at all (none → no finding), and sources.ts groups its IPs into locations, new or known. A country
 * is new when a new location lies in it and no known (baseline) location does; a baseline IP the
 * database cannot place does not make any country known, and a scope IP it cannot place is never new.
 */
import type { SourceInfo } from '@/lib/enrichment/types';
import type { Finding } from '@/lib/findings/types';
import { severityLabel } from '@/lib/findings/types';
import { assessCoverage, type BaselineWindow } from '@/lib/new-behavior/coverage';
import type { Observed } from '@/lib/new-behavior/observations';
import { sourcePanels } from '@/lib/new-behavior/sources';
import type { PrincipalSourceRow } from './queries/principal-sources';
import { ruleById } from './rules';
import { actorOf, detectionFindingId } from './to-findings';

export interface NewCountryResult {
  findings: Finding[];
  /** Principals active in the scope. */
  principals: number;
  /** Of those, how many had no baseline to compare with (so could not be judged). */
  withoutBaseline: number;
}

function observed(r: PrincipalSourceRow): Observed {
  return { baselineCalls: r.baseline_calls, scope: { success: r.scope_success, failed: r.scope_failed }, firstSeen: r.scope_first, baselineLastSeen: r.baseline_last };
}

const minIso = (values: (string | null)[]) => values.filter((v): v is string => v !== null).sort()[0] ?? null;
const maxIso = (values: (string | null)[]) => values.filter((v): v is string => v !== null).sort().at(-1) ?? null;

export function newCountryFindings(
  rows: readonly PrincipalSourceRow[],
  infos: ReadonlyMap<string, SourceInfo>,
  window: BaselineWindow,
  storeFirst: string | null | undefined,
): NewCountryResult {
  const rule = ruleById('new-country-for-principal');
  const byPrincipal = new Map<string, PrincipalSourceRow[]>();
  for (const r of rows) byPrincipal.set(r.principal_id, [...(byPrincipal.get(r.principal_id) ?? []), r]);

  const findings: Finding[] = [];
  let withoutBaseline = 0;
  for (const [principalId, own] of byPrincipal) {
    const coverage = assessCoverage(window, {
      baselineCalls: own.reduce((s, r) => s + r.baseline_calls, 0),
      subjectFirst: minIso(own.map((r) => r.first_seen)),
      storeFirst,
    });
    if (coverage.reason !== undefined) {
      withoutBaseline++;
      continue;
    }
    const panels = sourcePanels(new Map(own.map((r) => [r.ip, observed(r)])), infos, true);
    const known = new Set(panels.knownGeolocations.map((g) => g.location.countryCode).filter((c): c is string => c !== null));
    const countries = new Map<string, { name: string; ips: Set<string> }>();
    for (const g of panels.newGeolocations) {
      const code = g.location.countryCode;
      if (code === null || known.has(code)) continue;
      const entry = countries.get(code) ?? { name: g.location.country ?? code, ips: new Set<string>() };
      for (const ip of g.filter.ips) entry.ips.add(ip);
      countries.set(code, entry);
    }

    for (const [code, { name, ips }] of countries) {
      const used = own.filter((r) => ips.has(r.ip) && r.scope_first !== null);
      if (used.length === 0) continue;
      const latest = [...used].sort((a, b) => (a.scope_last ?? '').localeCompare(b.scope_last ?? '')).at(-1) as PrincipalSourceRow;
      const calls = used.reduce((s, r) => s + r.scope_success + r.scope_failed, 0);
      const firstSeen = minIso(used.map((r) => r.scope_first)) as string;
      const lastSeen = maxIso(used.map((r) => r.scope_last)) ?? firstSeen;
      const label = latest.actor_arn ?? principalId;
      const since = coverage.shortened && coverage.coverageStart ? ` (history since ${coverage.coverageStart})` : '';
      findings.push({
        id: detectionFindingId(rule.id, [principalId, code]),
        source: 'detection',
        type: rule.type,
        severity: rule.severity,
        severityLabel: severityLabel(rule.severity),
        title: `New country for ${label}: ${name}`,
        description: `${label} made ${calls} call${calls === 1 ? '' : 's'} from ${name} (${[...ips].sort().join(', ')}) between ${firstSeen} and ${lastSeen}; none of its calls in the baseline ${window.from} – ${window.to}${since} came from there.`,
        firstSeen,
        lastSeen,
        accountId: latest.account_id,
        region: latest.aws_region,
        actor: actorOf({ ...latest, actor_principal_id: principalId }),
        resources: [...ips].sort().map((ip) => ({ type: 'IPAddress', id: ip })),
        evidenceEventIds: [...new Set(used.flatMap((r) => r.event_ids))].sort(),
        rule: rule.id,
        count: calls,
      });
    }
  }
  return { findings, principals: byPrincipal.size, withoutBaseline };
}

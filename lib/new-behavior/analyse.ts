import type { SourceInfo } from '@/lib/enrichment/types';
import type { Scope } from '@/lib/params/scope';
import { increasedVolume, newApiCalls, type IncreasedVolumeCall, type NewApiCall } from './api-calls';
import type { BehaviorCountRow } from './behavior-counts';
import { assessCoverage, type BaselineWindow, type Coverage } from './coverage';
import { toObservations } from './observations';
import { sourcePanels, type SourcePanels } from './sources';
import { newUserAgents, type NewUserAgentFamily } from './user-agents';

export interface NewBehaviorPanels extends SourcePanels {
  baseline: Coverage;
  newUserAgents: NewUserAgentFamily[];
  newApiCalls: NewApiCall[];
  increasedVolume: IncreasedVolumeCall[];
}

/** The distinct source values to enrich: one lookup per value, never per event. */
export function sourceValues(rows: readonly BehaviorCountRow[]): string[] {
  return rows.flatMap((r) => (r.kind === 'ip' && r.value !== null ? [r.value] : []));
}

/** Everything the New behavior tab shows, from the counts rows and the enrichment of their IPs. */
export function analyseNewBehavior(
  rows: readonly BehaviorCountRow[],
  infos: ReadonlyMap<string, SourceInfo>,
  window: BaselineWindow & { scope: Scope },
  storeFirst: string | null | undefined,
): NewBehaviorPanels {
  const o = toObservations(rows);
  const baseline = assessCoverage(window, { baselineCalls: o.total.baselineCalls, subjectFirst: o.total.windowFirst, storeFirst });
  const hasBaseline = baseline.reason === undefined;
  const sources = sourcePanels(o.ips, infos, hasBaseline);
  const scopeHours = (Date.parse(window.scope.to) - Date.parse(window.scope.from)) / 3_600_000;
  return {
    baseline,
    ...sources,
    newUserAgents: hasBaseline ? newUserAgents(o.userAgents) : [],
    newApiCalls: hasBaseline ? newApiCalls(o.apis.values()) : [],
    increasedVolume: hasBaseline ? increasedVolume(o.apis.values(), { baseline: baseline.hours, scope: scopeHours }) : [],
  };
}

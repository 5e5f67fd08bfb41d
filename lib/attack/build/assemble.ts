import { CLOUD_PLATFORMS, type AttackData, type EventEvidence, type EventTechniqueRecord, type SourceKey, type SourceRecord } from '../data-shape';
import type { CtidGuardDuty } from './ctid-guardduty';
import { eventKey, eventsNamedInDescription } from './event-names';
import type { SigmaRule } from './sigma-rules';
import type { StixCatalogue } from './stix-catalogue';
import type { StratusTechnique } from './stratus-techniques';
import type { TrailDiscoverEvent } from './traildiscover-events';

/**
 * The sources, parsed, → the bundled data. Every technique id a source gives is carried forward
 * through ATT&CK's revocations and kept only if it is in the cloud catalogue; what is dropped is
 * returned so the generator can say so.
 */

export interface AssembleInput {
  attackVersion: string;
  sources: Record<SourceKey, SourceRecord>;
  catalogue: StixCatalogue;
  ctid: CtidGuardDuty;
  traildiscover: readonly TrailDiscoverEvent[];
  stratus: readonly StratusTechnique[];
  sigma: readonly SigmaRule[];
}

/** An id a source gave that is not (even through a revocation) a technique of the cloud catalogue. */
export interface Dropped {
  source: 'ctid' | 'traildiscover' | 'stratus' | 'sigma';
  /** Where in the source: the finding type, event file, technique or rule. */
  ref: string;
  id: string;
}

export function assembleAttackData(input: AssembleInput): { data: AttackData; dropped: Dropped[] } {
  const { catalogue } = input;
  const known = new Set(catalogue.techniques.map((t) => t.id));
  const dropped: Dropped[] = [];
  const current = (id: string, source: Dropped['source'], ref: string): string | null => {
    const resolved = catalogue.revokedBy[id] ?? id;
    if (known.has(resolved)) return resolved;
    dropped.push({ source, ref, id });
    return null;
  };

  const guardDutyTypes: Record<string, string[]> = {};
  for (const [type, ids] of [...input.ctid.types].sort(([a], [b]) => a.localeCompare(b))) {
    const kept = [...new Set([...ids].flatMap((id) => current(id, 'ctid', type) ?? []))].sort();
    if (kept.length > 0) guardDutyTypes[type] = kept;
  }
  const ctidIds = new Set([...input.ctid.types.values()].flatMap((s) => [...s]).concat(input.ctid.capabilityOnly));

  const events = new Map<string, Map<string, EventEvidence[]>>();
  const addEvent = (eventSource: string, eventName: string, technique: string, evidence: EventEvidence) => {
    const key = eventKey(eventSource, eventName);
    const byTechnique = events.get(key) ?? new Map<string, EventEvidence[]>();
    byTechnique.set(technique, [...(byTechnique.get(technique) ?? []), evidence]);
    events.set(key, byTechnique);
  };
  for (const [id, description] of catalogue.descriptions) {
    for (const e of eventsNamedInDescription(description)) addEvent(e.eventSource, e.eventName, id, { source: 'attack', ref: id });
  }
  for (const e of input.traildiscover) {
    for (const raw of e.techniqueIds) {
      const id = current(raw, 'traildiscover', e.ref);
      if (id) addEvent(e.eventSource, e.eventName, id, { source: 'traildiscover', ref: e.ref });
    }
  }
  for (const t of input.stratus) {
    for (const raw of t.techniqueIds) {
      const id = current(raw, 'stratus', t.id);
      if (id) for (const e of t.events) addEvent(e.eventSource, e.eventName, id, { source: 'stratus', ref: t.id });
    }
  }
  for (const r of input.sigma) {
    for (const raw of r.techniqueIds) {
      const id = current(raw, 'sigma', r.name);
      if (!id) continue;
      for (const e of r.events) {
        const when = e.when.length > 0 ? { when: e.when } : {};
        addEvent(e.eventSource, e.eventName, id, { source: 'sigma', ref: r.name, ...when, ...(r.author ? { author: r.author } : {}) });
      }
    }
  }

  const data: AttackData = {
    attackVersion: input.attackVersion,
    platforms: [...CLOUD_PLATFORMS],
    sources: input.sources,
    tactics: catalogue.tactics,
    techniques: catalogue.techniques,
    revokedBy: catalogue.revokedBy,
    guardDutyTypes,
    guardDutyCapabilityOnly: input.ctid.capabilityOnly.flatMap((id) => current(id, 'ctid', 'capability') ?? []),
    guardDutyOutsideCloudMatrix: [...ctidIds].filter((id) => !known.has(catalogue.revokedBy[id] ?? id)).sort(),
    events: Object.fromEntries(
      [...events]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, byTechnique]): [string, EventTechniqueRecord[]] => [
          key,
          [...byTechnique].sort(([a], [b]) => a.localeCompare(b)).map(([technique, evidence]) => ({ technique, evidence })),
        ]),
    ),
  };
  return { data, dropped };
}

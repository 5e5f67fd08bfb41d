/**
 * The MITRE ATT&CK techniques a finding evidences (lib/attack: the cloud matrix and its sources):
 * a detection's from its rule, a sensitive-API first use's also from the APIs it names, and an
 * imported GuardDuty finding's from its type. Computed from the finding, never typed in: the store
 * writes them beside it on every write (for the list's filter) and recomputes them all when the
 * bundled mapping changes (refreshStoredTechniques).
 */
import { DETECTION_RULE_TECHNIQUES } from '@/lib/attack/detection-rules';
import { byTacticOrder, technique, techniquesForEvent, techniquesForGuardDutyType, TECHNIQUE_ID_PATTERN, type Technique } from '@/lib/attack/techniques';
import type { Finding } from './types';

/** How a finding names an API it is about: the resource type, and `eventSource:eventName` as its id. */
export const API_RESOURCE = 'API';
/** Techniques taken from each API a finding names: the best-supported few, not every source's guess. */
const PER_API = 2;

export function techniquesOf(f: Pick<Finding, 'source' | 'type' | 'rule' | 'resources'>): string[] {
  const found: Technique[] = [];
  if (f.source === 'guardduty') found.push(...techniquesForGuardDutyType(f.type));
  else {
    found.push(...(DETECTION_RULE_TECHNIQUES[f.rule ?? ''] ?? []).flatMap((id) => technique(id) ?? []));
    for (const r of f.resources.filter((x) => x.type === API_RESOURCE)) {
      const [source, name] = r.id.split(':');
      if (source && name) found.push(...techniquesForEvent(source, name).slice(0, PER_API));
    }
  }
  return [...new Map(found.sort(byTacticOrder).map((t) => [t.id, t])).keys()];
}

/** The list's technique filter: a technique, or a parent that also matches its sub-techniques. */
export function isTechniqueFilter(value: string): boolean {
  return TECHNIQUE_ID_PATTERN.test(value) && technique(value) !== undefined;
}

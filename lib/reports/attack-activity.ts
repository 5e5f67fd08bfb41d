/**
 * Pure: a subject's API calls (scope-details' apis rows) under the ATT&CK techniques they are
 * evidence of (lib/attack eventAttack), grouped per technique in matrix order. A call a source
 * maps only in a context (a tool's user agent) is kept, with that context said.
 */
import { byTacticOrder, eventAttack, type Technique } from '@/lib/attack/techniques';

export interface ApiCalls {
  eventSource: string;
  eventName: string;
  success: number;
  failed: number;
  firstSeen: string;
  lastSeen: string;
}

export interface TechniqueActivity {
  technique: Technique;
  calls: number;
  failed: number;
  events: (ApiCalls & { sources: string[]; when: string[] })[];
}

export interface AttackActivity {
  techniques: TechniqueActivity[];
  /** APIs called that no source maps to a technique (reads and routine calls, mostly). */
  unmapped: { apis: number; calls: number };
}

export function attackActivity(apis: readonly ApiCalls[]): AttackActivity {
  const byTechnique = new Map<string, TechniqueActivity>();
  let unmappedApis = 0;
  let unmappedCalls = 0;
  for (const api of apis) {
    const mapped = eventAttack(api.eventSource, api.eventName);
    if (mapped.length === 0) {
      unmappedApis++;
      unmappedCalls += api.success + api.failed;
      continue;
    }
    for (const m of mapped) {
      const entry = byTechnique.get(m.technique.id) ?? { technique: m.technique, calls: 0, failed: 0, events: [] };
      entry.calls += api.success + api.failed;
      entry.failed += api.failed;
      entry.events.push({
        ...api,
        sources: [...new Set(m.evidence.map((e) => e.source))].sort(),
        when: [...new Set(m.evidence.flatMap((e) => e.when ?? []))],
      });
      byTechnique.set(m.technique.id, entry);
    }
  }
  return {
    techniques: [...byTechnique.values()].sort((a, b) => byTacticOrder(a.technique, b.technique) || a.technique.id.localeCompare(b.technique.id)),
    unmapped: { apis: unmappedApis, calls: unmappedCalls },
  };
}

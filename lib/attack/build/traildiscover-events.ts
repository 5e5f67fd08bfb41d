import { z } from '@/lib/zod';
import type { NamedEvent } from './event-names';

/**
 * TrailDiscover catalogues CloudTrail events attackers use, one file per event
 * (`events/<Service>/<EventName>.json`), each with the ATT&CK techniques and sub-techniques it
 * evidences ("T1562.008 - Impair Defenses: Disable or Modify Cloud Logs"). Only those are read:
 * its `unverifiedMitreAttackTechniques` are, by its own label, not verified.
 */

const eventFile = z.object({
  eventName: z.string(),
  eventSource: z.string(),
  mitreAttackTechniques: z.array(z.string()).optional(),
  mitreAttackSubTechniques: z.array(z.string()).optional(),
});

export interface TrailDiscoverEvent extends NamedEvent {
  /** The file's path under events/, without `.json` (CloudTrail/StopLogging). */
  ref: string;
  techniqueIds: string[];
}

export function parseTrailDiscoverEvent(ref: string, document: unknown): TrailDiscoverEvent {
  const e = eventFile.parse(document);
  const labels = [...(e.mitreAttackTechniques ?? []), ...(e.mitreAttackSubTechniques ?? [])];
  // Labels lead with the id; a few carry a stray colon ("T1562.001: …").
  const techniqueIds = [...new Set(labels.flatMap((l) => /^\s*(T\d{4}(?:\.\d{3})?)\b/.exec(l)?.[1] ?? []))];
  return { ref, eventSource: e.eventSource, eventName: e.eventName, techniqueIds };
}

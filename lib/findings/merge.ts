import { isoUtc } from '@/lib/time';
import type { Finding, FindingResource } from './types';

/** Evidence kept per finding: enough to open every event of a typical finding, bounded for bursts. */
export const MAX_STORED_EVIDENCE = 1000;

function unionResources(a: readonly FindingResource[], b: readonly FindingResource[]): FindingResource[] {
  const out: FindingResource[] = [];
  for (const r of [...a, ...b]) if (!out.some((x) => x.type === r.type && x.id === r.id)) out.push(r);
  return out;
}

/**
 * The same finding seen again: the seen range widens (min firstSeen, max lastSeen), evidence and
 * resources are united, and the descriptive fields (severity, title, description, actor...) come
 * from the newer observation, the one with the later lastSeen (the incoming one on a tie), because
 * GuardDuty raises a finding's severity as it updates it and a detection's wording may improve.
 * GuardDuty's Count is cumulative, and a detection's count is its evidence, so the count is the
 * largest of both counts and the united evidence, never a sum that would double-count a re-run.
 */
export function mergeFindings(existing: Finding, incoming: Finding): Finding {
  const newer = Date.parse(incoming.lastSeen) >= Date.parse(existing.lastSeen) ? incoming : existing;
  const older = newer === incoming ? existing : incoming;
  // Stored order first, then what is new: a detection's evidence stays in event-time order, and
  // re-saving the same finding leaves it exactly as it was.
  const evidence = [...new Set([...existing.evidenceEventIds, ...incoming.evidenceEventIds])].slice(0, MAX_STORED_EVIDENCE);
  return {
    ...newer,
    firstSeen: isoUtc(Math.min(Date.parse(existing.firstSeen), Date.parse(incoming.firstSeen))),
    lastSeen: isoUtc(Math.max(Date.parse(existing.lastSeen), Date.parse(incoming.lastSeen))),
    accountId: newer.accountId ?? older.accountId,
    region: newer.region ?? older.region,
    resources: unionResources(newer.resources, older.resources),
    evidenceEventIds: evidence,
    count: Math.max(existing.count, incoming.count, evidence.length),
  };
}

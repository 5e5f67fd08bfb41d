import { findingsWithOrigin } from '@/lib/findings/store';
import type { Scope } from '@/lib/params/scope';
import { groupIncidents, type Incident } from './group';

/**
 * Every incident, grouped afresh from the stored findings and their origins (the findings store
 * holds hundreds to thousands of findings, not events: grouping them is milliseconds).
 */
export async function allIncidents(): Promise<Incident[]> {
  return groupIncidents(await findingsWithOrigin());
}

/** Incidents whose span overlaps the window; only those with an open finding unless `status` is all. */
export async function listIncidents(window: Partial<Scope>, status: 'open' | 'all' = 'open'): Promise<Incident[]> {
  return (await allIncidents()).filter(
    (i) => (status === 'all' || i.open) && (!window.to || i.firstSeen < window.to) && (!window.from || i.lastSeen >= window.from),
  );
}

export async function getIncident(id: string): Promise<Incident | null> {
  return (await allIncidents()).find((i) => i.id === id) ?? null;
}

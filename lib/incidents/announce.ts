import { queueIncidentNotifications } from '@/lib/notifications/notify';
import { allIncidents } from './load';
import { incidentHref } from './params';

/**
 * Announces the open incidents to the webhooks that want them (lib/notifications: each incident
 * once per webhook, however often this runs). Called whenever findings' origins were resolved,
 * since that is when findings join an incident or make a new one. Resolves once the announcements
 * are planned; they are delivered in the background (a CLI settles them before it exits).
 */
export async function announceIncidents(): Promise<void> {
  const open = (await allIncidents()).filter((i) => i.open);
  if (open.length === 0) return;
  await queueIncidentNotifications(
    open.map((i) => ({
      id: i.id,
      title: i.title,
      severity: i.severity,
      firstSeen: i.firstSeen,
      lastSeen: i.lastSeen,
      origin: i.originLabel,
      findingIds: i.findings.map((f) => f.id),
      url: incidentHref(i.id),
    })),
  );
}

import { notFound } from '@/lib/http/errors';
import { getIncident, listIncidents } from './load';
import type { Incident } from './group';
import type { IncidentListParams } from './params';

/** What the API says of an incident: its findings by id, title and status, not their whole records. */
function summary(i: Incident) {
  return {
    id: i.id,
    title: i.title,
    origin: { ...i.origin, label: i.originLabel },
    firstSeen: i.firstSeen,
    lastSeen: i.lastSeen,
    severity: i.severity,
    severityLabel: i.severityLabel,
    open: i.open,
    sessions: i.sessions,
    accounts: i.accounts,
    scope: i.scope,
    findings: i.findings.map((f) => ({ id: f.id, title: f.title, type: f.type, severity: f.severity, status: f.status, firstSeen: f.firstSeen, lastSeen: f.lastSeen, sessionId: f.actor.sessionId, techniques: f.techniques })),
  };
}

/** GET /api/incidents: `{ incidents }` overlapping the window (open ones unless status=all). */
export async function incidentListForRequest(query: IncidentListParams) {
  return { incidents: (await listIncidents(query, query.status)).map(summary) };
}

/** GET /api/incidents/[id]: `{ incident }`, or 404. */
export async function incidentForRequest(id: string) {
  const incident = await getIncident(id);
  return incident ? { incident: summary(incident) } : notFound(`no incident ${id}`);
}

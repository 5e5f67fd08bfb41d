/** /incidents and GET /api/incidents (defined in lib/incidents/params.ts: lib links to incidents too). */
export { INCIDENTS_PATH as path, incidentListParams as queryParams, incidentsHref as toHref, type IncidentListParams } from '@/lib/incidents/params';

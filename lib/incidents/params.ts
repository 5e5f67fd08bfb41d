import { z } from '@/lib/zod';
import { href } from '@/lib/params/href';
import { scopeParams, type Scope } from '@/lib/params/scope';
import { optionalParam, pathSegment } from '@/lib/params/validators';

/** The incidents list; an incident's page is under it (lib links to both, so they live here). */
export const INCIDENTS_PATH = '/incidents';

export const INCIDENT_STATUS_FILTERS = ['open', 'all'] as const;

/** /incidents and GET /api/incidents: the window and whether closed incidents show too. */
export const incidentListParams = scopeParams.extend({
  status: optionalParam(z.enum(INCIDENT_STATUS_FILTERS)).transform((v) => v ?? 'open'),
});
export type IncidentListParams = z.output<typeof incidentListParams>;

export const incidentIdParam = pathSegment.pipe(z.string().regex(/^inc-[0-9a-f]{20}$/, 'must be an incident id such as inc-0123456789abcdef0123'));

export function incidentsHref(scope: Partial<Scope>, p: Partial<IncidentListParams> = {}): string {
  return href(INCIDENTS_PATH, { ...scope, status: p.status === 'open' ? undefined : p.status });
}

export function incidentHref(id: string): string {
  return `${INCIDENTS_PATH}/${encodeURIComponent(id)}`;
}

import { z } from '@/lib/zod';
import { incidentIdParam } from '@/lib/incidents/params';

/** /incidents/[id] and GET /api/incidents/[id]: the id in the path. */
export { incidentIdParam, incidentHref as toHref } from '@/lib/incidents/params';
export const pathParams = z.object({ id: incidentIdParam });
/** The page takes no query parameters: whatever a link adds is ignored, never refused. */
export const queryParams = z.object({});

import { z } from '@/lib/zod';
import { findingIdParam } from '@/lib/findings/params';

/** /findings/[id] and GET /api/findings/[id]: the id in the path (lib links to findings too, so both live in lib/findings/params.ts). */
export { findingIdParam, findingHref as toHref } from '@/lib/findings/params';
export const pathParams = z.object({ id: findingIdParam });
/** The page takes no query parameters: whatever a link adds is ignored, never refused. */
export const queryParams = z.object({});

/** PATCH /api/findings/[id]: the finding page's triage. */
export function triageApiHref(id: string): string {
  return `/api/findings/${encodeURIComponent(id)}`;
}

import { href } from '@/lib/params/href';
import type { Scope } from '@/lib/params/scope';

/**
 * /findings and GET /api/findings. Defined in lib/findings/params.ts: the store's filter is typed
 * by the schema and lib links to the list too, and lib never imports app/.
 */
export { FINDINGS_PATH as path, findingListParams as queryParams, findingsHref as toHref, severitiesFrom, type FindingListParams } from '@/lib/findings/params';

/** POST /api/detections/run over the scope: the findings page's "Run detections". */
export function runDetectionsHref(scope: Scope): string {
  return href('/api/detections/run', { from: scope.from, to: scope.to });
}

/** POST /api/findings/import: the findings page's GuardDuty import. */
export const importApiHref = '/api/findings/import';

/** PATCH /api/findings: the list's bulk triage. */
export const bulkTriageApiHref = '/api/findings';

import { href } from '@/lib/params/href';
import type { Scope } from '@/lib/params/scope';
import type { AccessIndexParams } from '@/lib/reviews/params';

/** /access and GET /api/access. The schema stays in lib/reviews/params.ts: the index is typed by it (lib never imports app/). */
export { accessIndexParams as queryParams } from '@/lib/reviews/params';

export const path = '/access';

export function toHref(scope: Scope): string {
  return href(path, { ...scope });
}

/** The principals as CSV, filtered as the page shows them. */
export function csvHref(scope: Scope, p: Pick<AccessIndexParams, 'kind' | 'q'>): string {
  return href('/api/access', { ...scope, kind: p.kind === 'all' ? undefined : p.kind, q: p.q, format: 'csv' });
}

/** POST (a file) and DELETE (`account`) /api/access/authorization-details: the uploaded IAM authorization details. */
export function authorizationDetailsApiHref(account?: string): string {
  return href('/api/access/authorization-details', { account });
}

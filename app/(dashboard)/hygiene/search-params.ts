import { href } from '@/lib/params/href';
import type { Scope } from '@/lib/params/scope';
import type { HygieneParams } from '@/lib/reviews/params';

/** /hygiene and GET /api/hygiene. The schema stays in lib/reviews/params.ts: the selection is typed by it (lib never imports app/). */
export { hygieneParams as queryParams } from '@/lib/reviews/params';

export const path = '/hygiene';

/** The roles as CSV, filtered and sorted as the page shows them. */
export function csvHref(scope: Scope, p: Pick<HygieneParams, 'sort' | 'order' | 'show' | 'role'>): string {
  return href('/api/hygiene', { ...scope, sort: p.sort, order: p.order, show: p.show, role: p.role, format: 'csv' });
}

/** The list sorted and filtered; the defaults (most issues first, every role) are left out. */
export function toHref(scope: Scope, p: Partial<Pick<HygieneParams, 'sort' | 'order' | 'show' | 'role'>> = {}): string {
  return href(path, { ...scope, sort: p.sort === 'issues' ? undefined : p.sort, order: p.order === 'desc' ? undefined : p.order, show: p.show === 'all' ? undefined : p.show, role: p.role });
}

import { href } from '@/lib/params/href';
import type { Scope } from '@/lib/params/scope';
import type { VendorListParams } from '@/lib/reviews/params';

/** /vendors and GET /api/vendors. The schema stays in lib/reviews/params.ts: the review is typed by it (lib never imports app/). */
export { vendorListParams as queryParams } from '@/lib/reviews/params';

export const path = '/vendors';

/** The inventory; a sort header's link names its sort and order even when they are the defaults. */
export function toHref(scope: Scope, p: Partial<Pick<VendorListParams, 'sort' | 'order'>> = {}): string {
  return href(path, { ...scope, sort: p.sort, order: p.order });
}

/** The inventory as CSV, sorted as the page shows it. */
export function csvHref(scope: Scope, p: Pick<VendorListParams, 'sort' | 'order'>): string {
  return href('/api/vendors', { ...scope, sort: p.sort, order: p.order, format: 'csv' });
}

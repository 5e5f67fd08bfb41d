import { href } from '@/lib/params/href';

/** /search: `q` and the scope it was made in. The schema stays in lib/search/params.ts beside the classifier that reads `q`. */
export { searchPageParams as queryParams } from '@/lib/search/params';

export const path = '/search';

export function toHref(q?: string): string {
  return href(path, { q });
}

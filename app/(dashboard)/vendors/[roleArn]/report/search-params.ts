import { href } from '@/lib/params/href';
import type { Scope } from '@/lib/params/scope';

/** /vendors/[roleArn]/report: the vendor role page's parameters, printed. */
export { queryParams, reviewRoleArnParam } from '../search-params';

export function toHref(roleArn: string, scope: Scope): string {
  return href(`/vendors/${encodeURIComponent(roleArn)}/report`, { ...scope });
}

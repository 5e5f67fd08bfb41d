import { headers } from 'next/headers';
import { forbidden } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/page-access';
import { hasRole, type Role } from '@/lib/auth/roles';
import { clientAddress } from '@/lib/http/client-address';
import type { AuditOutcome, AuditScope } from './event';
import { recordAudit } from './record';

export interface PageView {
  /** `auditEntity(kind, id)`. */
  entity: string;
  scope?: AuditScope | null;
  outcome?: AuditOutcome;
  /** The tab open, the search filters: what narrows what was shown. */
  detail?: Record<string, unknown>;
  /**
   * The role the page needs (default viewer). Someone without it is recorded as refused and answered
   * 403. An admin page must say so here even under the admin layout: Next renders a layout and its
   * page at the same time, so the layout's 403 does not stop the page's own code from running.
   */
  role?: Role;
}

/**
 * Records that the signed-in user is viewing an entity's page. A page calls it once its URL has
 * validated (an invalid link shows nothing, so it records nothing), before loading the data:
 *
 *   await auditPageView({ entity: auditEntity('role-session', sessionId), scope, detail: { tab } });
 *
 * Only a render records: Next prefetches a dynamic page's links without running the page.
 */
export async function auditPageView(view: PageView): Promise<void> {
  const [user, requestHeaders] = await Promise.all([requirePageUser(), headers()]);
  const allowed = hasRole(user, view.role ?? 'viewer');
  await recordAudit({
    action: 'view',
    actor: user.name,
    via: user.via,
    address: clientAddress(requestHeaders),
    entity: view.entity,
    scope: view.scope ?? null,
    outcome: allowed ? (view.outcome ?? 'ok') : 'refused',
    detail: view.detail,
  });
  if (!allowed) forbidden();
}

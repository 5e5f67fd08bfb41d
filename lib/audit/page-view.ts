import { headers } from 'next/headers';
import { requirePageUser } from '@/lib/auth/page-access';
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
  await recordAudit({
    action: 'view',
    actor: user.name,
    via: user.via,
    address: clientAddress(requestHeaders),
    entity: view.entity,
    scope: view.scope ?? null,
    outcome: view.outcome ?? 'ok',
    detail: view.detail,
  });
}

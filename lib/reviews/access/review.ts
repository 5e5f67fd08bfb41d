import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import { findPrincipal, type AuthorizationDetails } from '@/lib/reviews/policy/authorization-details';
import { dataEventSources, type DataEventSourceRow } from '@/lib/reviews/queries/data-event-sources';
import { PRINCIPAL_USAGE_LIMIT, principalUsage, type PrincipalUsageRow } from '@/lib/reviews/queries/principal-usage';
import { ROLE_ARN } from '@/lib/reviews/params';
import { grantsOf } from './granted-services';
import {
  classifyServices,
  denyUnusedServices,
  suggestLeastPrivilegePolicy,
  usedServices,
  type PolicyDocument,
  type ServiceAccess,
  type UsedService,
} from './service-access';

/**
 * Unused access for one role or user:
 *
 *   principal-usage (CloudTrail, the scope) ─▶ used services and actions, last used
 *   uploaded authorization details ─▶ granted services ─┐
 *   data-event-sources (is data-plane use visible?) ────┴▶ used / not used in N days / never used / unknown
 *   used actions ─▶ suggested least-privilege policy;  unused services ─▶ Deny statement
 */

export interface AccessPrincipal {
  arn: string;
  kind: 'role' | 'user';
  name: string;
  accountId: string | null;
}

export interface AccessReview {
  principal: AccessPrincipal;
  days: number;
  used: UsedService[];
  usedTruncated: boolean;
  /** Present when the principal is in an uploaded authorization-details file. */
  granted: ServiceAccess[] | null;
  unused: string[] | null;
  unresolvedPolicies: string[];
  suggestedPolicy: PolicyDocument | null;
  denyUnused: PolicyDocument | null;
  /** The uploaded file's account, when it covers the principal's account. */
  detailsAccount: string | null;
  inDetails: boolean;
  panels: { usage: PanelResult<PrincipalUsageRow>; dataEvents: PanelResult<DataEventSourceRow> | null };
}

export function principalOf(arn: string): AccessPrincipal {
  const kind = ROLE_ARN.test(arn) ? 'role' : 'user';
  return { arn, kind, name: arn.split('/').pop() ?? arn, accountId: /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(arn)?.[1] ?? null };
}

export async function getAccessReview(
  conn: Connection,
  arn: string,
  scope: Scope,
  o: { days: number; uploads: readonly AuthorizationDetails[]; signal?: AbortSignal },
): Promise<AccessReview> {
  const principal = principalOf(arn);
  const found = findPrincipal(o.uploads, arn);
  const [usage, dataEvents] = await Promise.all([
    runPanel(conn, principalUsage, { ...scope, kind: principal.kind, arn }, o.signal),
    found ? runPanel(conn, dataEventSources, scope, o.signal) : Promise.resolve(null),
  ]);
  const used = usedServices(usage.rows.slice(0, PRINCIPAL_USAGE_LIMIT));
  const grants = found ? grantsOf(found.details, found.principal) : null;
  const granted = grants
    ? classifyServices(grants, used, { days: o.days, scopeTo: scope.to, dataEventSources: (dataEvents?.rows ?? []).map((r) => r.eventSource) })
    : null;
  return {
    principal,
    days: o.days,
    used,
    usedTruncated: usage.rows.length > PRINCIPAL_USAGE_LIMIT,
    granted,
    unused: granted ? granted.filter((g) => g.status === 'never-used' || g.status === 'not-used-recently').map((g) => g.service) : null,
    unresolvedPolicies: grants?.unresolvedPolicies ?? [],
    suggestedPolicy: suggestLeastPrivilegePolicy(used),
    denyUnused: granted ? denyUnusedServices(granted) : null,
    detailsAccount: o.uploads.find((d) => d.accountId === principal.accountId)?.accountId ?? null,
    inDetails: found !== null,
    panels: { usage, dataEvents },
  };
}

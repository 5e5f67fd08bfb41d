import type { Connection } from '@/lib/engine/types';
import { env } from '@/lib/env';
import { organisationAccounts, type OrganisationAccounts } from '@/lib/org/accounts';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import { trustPolicyEvents, type TrustPolicyEventRow } from '@/lib/reviews/queries/trust-policy-events';
import type { CallRef } from '@/lib/reviews/params';
import { allAuthorizationDetails } from '@/lib/reviews/state/authorization-details-store';
import { getExpectedActions } from '@/lib/reviews/state/expected-actions-store';
import { getVendorInventory, TRUST_POLICY_LOOKBACK_DAYS, type VendorInventory } from './inventory';
import { getVendorRoleReview, type VendorRoleReview } from './role-review';
import { knownTrustPolicies, summariseTrust, type TrustSummary } from './trust';

/**
 * What pages and routes call: the reviews with their inputs gathered from configuration
 * (organisation accounts, vendor names) and the app-state store (uploads, expected actions).
 */

export async function loadVendorInventory(conn: Connection, scope: Scope, signal?: AbortSignal): Promise<VendorInventory> {
  const [organisation, uploads] = await Promise.all([organisationAccounts(conn, signal), allAuthorizationDetails()]);
  return getVendorInventory(conn, scope, { organisation, vendorNames: env().TRAILSCOPE_VENDOR_NAMES, uploads }, signal);
}

export async function loadVendorRoleReview(conn: Connection, roleArn: string, scope: Scope, call: CallRef | undefined, signal?: AbortSignal): Promise<VendorRoleReview> {
  const expected = await getExpectedActions(roleArn);
  return getVendorRoleReview(conn, roleArn, scope, { expected, call, signal });
}

/** The display name of each account the config names. */
export function vendorNames(): Readonly<Record<string, string>> {
  return env().TRAILSCOPE_VENDOR_NAMES;
}

export interface VendorRolePage {
  review: VendorRoleReview;
  trust: TrustSummary | null;
  organisation: OrganisationAccounts;
  /** The accounts outside the organisation that assumed the role in the scope. */
  externalAccounts: string[];
  vendorName: string | null;
  trustPanel: PanelResult<TrustPolicyEventRow>;
}

/** One vendor role's page: the review, and what is known of its trust policy (uploads first, then CloudTrail). */
export async function loadVendorRolePage(conn: Connection, roleArn: string, scope: Scope, call: CallRef | undefined, signal?: AbortSignal): Promise<VendorRolePage> {
  const from = new Date(Date.parse(scope.from) - TRUST_POLICY_LOOKBACK_DAYS * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const [review, organisation, uploads, trustPanel] = await Promise.all([
    loadVendorRoleReview(conn, roleArn, scope, call, signal),
    organisationAccounts(conn, signal),
    allAuthorizationDetails(),
    runPanel(conn, trustPolicyEvents, { from, to: scope.to }, signal),
  ]);
  const callers = review.assumeRoleCallers
    .filter((c) => c.assumer.accountId !== null)
    .map((c) => ({ accountId: c.assumer.accountId as string, arn: c.assumer.arn }));
  const known = knownTrustPolicies(trustPanel.rows, uploads).get(roleArn);
  const externalAccounts = [...new Set(callers.map((c) => c.accountId).filter((a) => !organisation.accounts.includes(a)))].sort();
  const names = externalAccounts.map((a) => vendorNames()[a]).filter((n): n is string => n !== undefined);
  return {
    review,
    trust: known ? summariseTrust(known, organisation.accounts, callers) : null,
    organisation,
    externalAccounts,
    vendorName: names.length > 0 ? [...new Set(names)].join(', ') : null,
    trustPanel,
  };
}

import { roleNameOf } from '@/lib/attribution/assumer';
import type { Connection } from '@/lib/engine/types';
import type { OrganisationAccounts } from '@/lib/org/accounts';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import type { AuthorizationDetails } from '@/lib/reviews/policy/authorization-details';
import { EXTERNAL_ASSUMPTIONS_LIMIT, externalAssumptions, type ExternalAssumptionRow } from '@/lib/reviews/queries/external-assumptions';
import { roleCallTotals, type RoleCallTotalsRow } from '@/lib/reviews/queries/role-call-totals';
import { trustPolicyEvents, type TrustPolicyEventRow } from '@/lib/reviews/queries/trust-policy-events';
import type { VendorListParams } from '@/lib/reviews/params';
import { groupBy } from '@/lib/reviews/group-by';
import { knownTrustPolicies, summariseTrust, type TrustSummary } from './trust';
import { isoUtc } from '@/lib/time';

/**
 * The vendor-role inventory: the organisation's roles that principals of outside accounts assumed
 * in the scope, or whose known trust policy lets outsiders in, with who, how often and how much
 * the role did.
 *
 *   organisationAccounts ─▶ external-assumptions (AssumeRole by outsiders, copies folded)
 *   trust-policy-events (scope + lookback) + uploaded authorization details ─▶ known trust policies
 *   role-call-totals (the roles found) ─▶ calls in the scope
 */

/** Trust policies are set rarely: look this far before the scope for the CreateRole/UpdateAssumeRolePolicy. */
export const TRUST_POLICY_LOOKBACK_DAYS = 90;

export interface ExternalPrincipal {
  accountId: string;
  principalId: string | null;
  /** Known only when the caller's own copy of the call is in the data. */
  arn: string | null;
  sessions: number;
}

export interface VendorRole {
  roleArn: string;
  roleName: string;
  accountId: string | null;
  externalAccounts: string[];
  /** Display names of the external accounts that have one, joined. */
  vendorName: string | null;
  externalPrincipals: ExternalPrincipal[];
  firstAssumed: string | null;
  lastAssumed: string | null;
  /** Successful AssumeRole calls by outsiders: one set of credentials each. */
  sessions: number;
  denied: number;
  /** Sessions whose AssumeRole passed an ExternalId. */
  withExternalId: number;
  calls: number;
  failedCalls: number;
  trust: TrustSummary | null;
}

export interface VendorInventory {
  roles: VendorRole[];
  organisation: OrganisationAccounts;
  truncated: boolean;
  panels: {
    assumptions: PanelResult<ExternalAssumptionRow> | null;
    trustPolicies: PanelResult<TrustPolicyEventRow> | null;
    calls: PanelResult<RoleCallTotalsRow> | null;
  };
}

export interface InventoryInputs {
  organisation: OrganisationAccounts;
  vendorNames: Readonly<Record<string, string>>;
  uploads: readonly AuthorizationDetails[];
}

function accountOf(roleArn: string): string | null {
  return /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(roleArn)?.[1] ?? null;
}

const minOf = (xs: (string | null)[]) => xs.filter((x): x is string => x !== null).sort()[0] ?? null;
const maxOf = (xs: (string | null)[]) => xs.filter((x): x is string => x !== null).sort().pop() ?? null;

/** Pure: the inventory from the query rows. */
export function buildInventory(
  assumptions: readonly ExternalAssumptionRow[],
  trustRows: readonly TrustPolicyEventRow[],
  callTotals: readonly RoleCallTotalsRow[],
  inputs: InventoryInputs,
): VendorRole[] {
  const org = inputs.organisation.accounts;
  const byRole = groupBy(assumptions, (r) => r.roleArn);
  const trusts = knownTrustPolicies(trustRows, inputs.uploads);
  const totals = new Map(callTotals.map((t) => [t.role_arn, t]));
  const roleArns = new Set(byRole.keys());
  for (const [roleArn, t] of trusts) {
    const account = accountOf(roleArn);
    if (account && org.includes(account) && summariseTrust(t, org, []).external.length > 0) roleArns.add(roleArn);
  }
  return [...roleArns].map((roleArn): VendorRole => {
    const rows = byRole.get(roleArn) ?? [];
    const externalAccounts = [...new Set(rows.map((r) => r.externalAccount))].sort();
    const known = trusts.get(roleArn);
    const trust = known ? summariseTrust(known, org, rows.map((r) => ({ accountId: r.externalAccount, arn: r.callerArn }))) : null;
    const accountsForName = externalAccounts.length > 0 ? externalAccounts : [...new Set((trust?.external ?? []).map((e) => e.accountId).filter((a): a is string => a !== null))];
    const names = accountsForName.map((a) => inputs.vendorNames[a]).filter((n): n is string => n !== undefined);
    const total = totals.get(roleArn);
    return {
      roleArn,
      roleName: roleNameOf(roleArn),
      accountId: accountOf(roleArn),
      externalAccounts,
      vendorName: names.length > 0 ? [...new Set(names)].join(', ') : null,
      externalPrincipals: rows
        .map((r) => ({ accountId: r.externalAccount, principalId: r.callerPrincipalId, arn: r.callerArn, sessions: r.assumptions }))
        .sort((a, b) => b.sessions - a.sessions),
      firstAssumed: minOf(rows.map((r) => r.firstAssumed)),
      lastAssumed: maxOf(rows.map((r) => r.lastAssumed)),
      sessions: rows.reduce((n, r) => n + r.assumptions, 0),
      denied: rows.reduce((n, r) => n + r.denied, 0),
      withExternalId: rows.reduce((n, r) => n + r.withExternalId, 0),
      calls: total?.calls ?? 0,
      failedCalls: total?.failed ?? 0,
      trust,
    };
  });
}

export function sortInventory(roles: readonly VendorRole[], sort: VendorListParams['sort'], order: 'asc' | 'desc'): VendorRole[] {
  const key = (r: VendorRole): string | number => {
    switch (sort) {
      case 'sessions':
        return r.sessions;
      case 'calls':
        return r.calls;
      case 'last_assumed':
        return r.lastAssumed ?? '';
      case 'first_assumed':
        return r.firstAssumed ?? '';
      case 'role':
        return r.roleName.toLowerCase();
    }
  };
  const sign = order === 'asc' ? 1 : -1;
  return [...roles].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.roleArn.localeCompare(b.roleArn);
  });
}

export async function getVendorInventory(conn: Connection, scope: Scope, inputs: InventoryInputs, signal?: AbortSignal): Promise<VendorInventory> {
  const org = inputs.organisation.accounts;
  const trustWindow = { from: isoUtc(Date.parse(scope.from) - TRUST_POLICY_LOOKBACK_DAYS * 86_400_000), to: scope.to };
  const [assumptions, trustPolicies] = await Promise.all([
    org.length > 0 ? runPanel(conn, externalAssumptions, { ...scope, organisationAccounts: org }, signal) : Promise.resolve(null),
    runPanel(conn, trustPolicyEvents, trustWindow, signal),
  ]);
  const rows = (assumptions?.rows ?? []).slice(0, EXTERNAL_ASSUMPTIONS_LIMIT);
  const roles = buildInventory(rows, trustPolicies.rows, [], inputs);
  const calls = roles.length > 0 ? await runPanel(conn, roleCallTotals, { ...scope, roleArns: roles.map((r) => r.roleArn).slice(0, 1000) }, signal) : null;
  return {
    roles: calls ? buildInventory(rows, trustPolicies.rows, calls.rows, inputs) : roles,
    organisation: inputs.organisation,
    truncated: (assumptions?.rows.length ?? 0) > EXTERNAL_ASSUMPTIONS_LIMIT,
    panels: { assumptions, trustPolicies, calls },
  };
}

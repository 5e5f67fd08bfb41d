import type { NextRequest } from 'next/server';
import { getConnection } from '@/lib/engine';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { readBodyText } from '@/lib/http/read-body';
import { queriesOf } from '@/lib/engine/panel';
import { ParamError, paramProblem } from '@/lib/params/param-error';
import { csvResponse } from '@/lib/reviews/csv';
import { REVIEW_DEFAULT_DAYS, type VendorListParams, type VendorRoleParams } from '@/lib/reviews/params';
import { reviewScopeForRequest } from '@/lib/reviews/scope';
import { deleteExpectedActions, getExpectedActions, saveExpectedActions } from '@/lib/reviews/state/expected-actions-store';
import { z } from '@/lib/zod';
import { expectedPatterns, parseExpectedActionsText } from './expected-actions';
import { vendorRoleCsv, vendorRolesCsv } from './export';
import { sortInventory } from './inventory';
import { loadVendorInventory, loadVendorRoleReview } from './load';

/** GET /api/vendors: `{ roles: [{ roleArn, externalAccounts, vendorName, firstAssumed, lastAssumed, sessions, calls, … }] }`, or the CSV. */
export async function vendorInventoryForRequest(query: VendorListParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.vendors, signal);
  const inventory = await loadVendorInventory(conn, scope, signal);
  const roles = sortInventory(inventory.roles, query.sort, query.order);
  if (query.format === 'csv') return csvResponse('vendor-roles.csv', vendorRolesCsv(roles));
  const { assumptions, trustPolicies, calls } = inventory.panels;
  return { scope, organisation: inventory.organisation, roles, truncated: inventory.truncated, queries: queriesOf([assumptions, trustPolicies, calls]) };
}

/** GET /api/vendors/[roleArn]: the role's review, or one of its tables as CSV. */
export async function vendorRoleForRequest(roleArn: string, query: VendorRoleParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.vendors, signal);
  const review = await loadVendorRoleReview(conn, roleArn, scope, query.call, signal);
  if (query.format === 'csv') {
    const name = roleArn.split('/').pop() ?? 'role';
    return csvResponse(`${name}-${query.table}.csv`, vendorRoleCsv(review, query.table));
  }
  const { panels, identities, ...rest } = review;
  return {
    ...rest,
    identities: identities ? { call: identities.call, rows: identities.rows } : undefined,
    queries: queriesOf([panels.calls, panels.rate, panels.throttles, panels.cost, panels.assumptions, identities?.panel]),
  };
}

/**
 * The expected-actions list a PUT carries: JSON `{ "patterns": [...] }`, or with any other content
 * type the text of a file (one pattern per line, a JSON array, or an IAM policy document).
 * Duplicates are dropped; a problem is a ParamError on `patterns`.
 */
function expectedActionsFromBody(text: string, contentType: string): string[] {
  if (!contentType.startsWith('application/json')) {
    const parsed = parseExpectedActionsText(text);
    if (!parsed.ok) throw new ParamError('patterns', parsed.message);
    return parsed.patterns;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ParamError('patterns', 'the body is not JSON');
  }
  const parsed = z.object({ patterns: expectedPatterns }).safeParse(body);
  if (!parsed.success) throw new ParamError('patterns', paramProblem(parsed.error, 'patterns').message);
  return [...new Set(parsed.data.patterns)];
}

/** PUT /api/vendors/[roleArn]/expected-actions: the list in the body (at most 256 KB), saved for the role. */
export async function saveExpectedActionsForRequest(roleArn: string, req: NextRequest, savedBy: string) {
  const text = await readBodyText(req, { maxBytes: BODY_LIMITS.expectedActions, what: 'the expected-actions list' });
  return saveExpectedActions(roleArn, expectedActionsFromBody(text, req.headers.get('content-type') ?? ''), savedBy);
}

/** DELETE /api/vendors/[roleArn]/expected-actions: back to the defaults, answered with the list now in force. */
export async function resetExpectedActionsForRequest(roleArn: string) {
  await deleteExpectedActions(roleArn);
  return getExpectedActions(roleArn);
}

import { getConnection } from '@/lib/engine';
import { withAuth } from '@/lib/http/with-auth';
import { csvResponse } from '@/lib/reviews/csv';
import { queriesOf } from '@/lib/reviews/http';
import { REVIEW_DEFAULT_DAYS, vendorListParams } from '@/lib/reviews/params';
import { reviewScopeForRequest } from '@/lib/reviews/scope';
import { vendorRolesCsv } from '@/lib/reviews/vendors/export';
import { sortInventory } from '@/lib/reviews/vendors/inventory';
import { loadVendorInventory } from '@/lib/reviews/vendors/load';

export const dynamic = 'force-dynamic';

/** `{ roles: [{ roleArn, externalAccounts, vendorName, firstAssumed, lastAssumed, sessions, calls, … }] }`, or `?format=csv`. */
export const GET = withAuth({ query: vendorListParams }, async ({ req, query }) => {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.vendors, req.signal);
  const inventory = await loadVendorInventory(conn, scope, req.signal);
  const roles = sortInventory(inventory.roles, query.sort, query.order);
  if (query.format === 'csv') return csvResponse('vendor-roles.csv', vendorRolesCsv(roles));
  const { assumptions, trustPolicies, calls } = inventory.panels;
  return { scope, organisation: inventory.organisation, roles, truncated: inventory.truncated, queries: queriesOf([assumptions, trustPolicies, calls]) };
}, { role: 'viewer' });

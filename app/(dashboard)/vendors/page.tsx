import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { CsvLink } from '@/components/reviews/csv-link';
import { PrintButton } from '@/components/reviews/print-button';
import { PrintStyles } from '@/components/reviews/print-styles';
import { ReviewTabs } from '@/components/reviews/review-tabs';
import { VendorInventoryTable } from '@/components/reviews/vendor-inventory-table';
import { ReviewSql } from '@/components/reviews/review-sql';
import { REVIEW_DEFAULT_DAYS } from '@/lib/reviews/params';
import { NO_SCOPE } from '@/lib/params/scope';
import { csvHref, queryParams, toHref } from './search-params';
import { loadPage } from '@/lib/http/page-params';
import { sortInventory } from '@/lib/reviews/vendors/inventory';
import { loadVendorInventory } from '@/lib/reviews/vendors/load';
import type { SearchParamsRecord } from '@/lib/http/page-scope';

export const dynamic = 'force-dynamic';

export default async function VendorsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { page, params } = await loadPage(await searchParams, { query: queryParams, reviewDays: REVIEW_DEFAULT_DAYS.vendors, reset: { query: toHref(NO_SCOPE) } });
  const { scope } = page;
  const inventory = await loadVendorInventory(page.conn, scope);
  const roles = sortInventory(inventory.roles, params.sort, params.order);
  const csv = csvHref(scope, params);
  const org = inventory.organisation;
  return (
    <div className="space-y-5" data-print-root>
      <PrintStyles />
      <PageHeader title="Vendor roles" scope={scope} latest={page.range.last} />
      <ReviewTabs active="/vendors" scope={scope} />
      <p className="text-sm text-slate-600" data-testid="vendor-organisation">
        Roles of the organisation assumed by principals of other accounts, or whose trust policy lets them in. Organisation accounts{' '}
        <span className="font-mono">{org.accounts.join(', ') || 'none found'}</span> (
        {org.source === 'config' ? 'from TRAILSCOPE_ORG_ACCOUNTS' : 'inferred: the accounts whose own trails are ingested; set TRAILSCOPE_ORG_ACCOUNTS to fix the list'}).
      </p>
      <Card
        title={`${roles.length} vendor role${roles.length === 1 ? '' : 's'}`}
        actions={
          <div className="flex items-center gap-2" data-print-hide>
            <CsvLink href={csv} table="vendor-roles" fileName="vendor-roles.csv" />
            <PrintButton />
          </div>
        }
        footer={
          <div className="space-y-1" data-print-hide>
            {inventory.panels.assumptions && <ReviewSql query={inventory.panels.assumptions} label="SQL (AssumeRole by outside accounts)" />}
            {inventory.panels.trustPolicies && <ReviewSql query={inventory.panels.trustPolicies} label="SQL (trust policy changes)" />}
            {inventory.panels.calls && <ReviewSql query={inventory.panels.calls} label="SQL (calls per role)" />}
          </div>
        }
      >
        {inventory.truncated && <p className="mb-2 text-xs text-amber-700">Only the first 5,000 role × caller pairs are counted; narrow the scope.</p>}
        <VendorInventoryTable roles={roles} scope={scope} params={params} />
      </Card>
    </div>
  );
}

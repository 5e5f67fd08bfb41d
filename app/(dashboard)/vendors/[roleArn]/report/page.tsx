import { PrintButton } from '@/components/reviews/print-button';
import { PrintStyles } from '@/components/reviews/print-styles';
import { VendorRoleReport } from '@/components/reviews/vendor-role-report';
import { roleNameOf } from '@/lib/attribution/assumer';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { formatTime } from '@/lib/format';
import { REVIEW_DEFAULT_DAYS } from '@/lib/reviews/params';
import { toHref as vendorsHref } from '@/app/(dashboard)/vendors/search-params';
import { queryParams, reviewRoleArnParam, toHref } from './search-params';
import { loadPage } from '@/lib/http/page-params';
import { NO_SCOPE } from '@/lib/params/scope';
import { loadVendorRolePage } from '@/lib/reviews/vendors/load';
import type { SearchParamsRecord } from '@/lib/http/page-scope';

export const dynamic = 'force-dynamic';

/** The vendor role's review as a document to print or save as PDF: every table open, nothing to click. */
export default async function VendorRoleReportPage({ params, searchParams }: { params: Promise<{ roleArn: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const load = await loadPage(await searchParams, {
    path: { name: 'role ARN', schema: reviewRoleArnParam, value: (await params).roleArn },
    query: queryParams,
    reviewDays: REVIEW_DEFAULT_DAYS.vendors,
    reset: { path: vendorsHref(NO_SCOPE), query: (arn) => toHref(arn, NO_SCOPE) },
  });
  const roleArn = load.path;
  const { scope } = load.page;
  await auditPageView({ entity: auditEntity('vendor-role', roleArn), scope, detail: { report: true, ...(load.params.call ? { call: load.params.call } : {}) } });
  const data = await loadVendorRolePage(load.page.conn, roleArn, scope, load.params.call);
  const generated = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    <article className="space-y-5" data-print-root data-testid="vendor-report">
      <PrintStyles />
      <header className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 pb-3">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Vendor role review</p>
          <h1 className="text-2xl font-semibold">
            {roleNameOf(roleArn)}
            {data.vendorName ? ` · ${data.vendorName}` : ''}
          </h1>
          <p className="font-mono text-xs text-slate-500">{roleArn}</p>
          <p className="text-sm text-slate-600">
            Scope {formatTime(scope.from)} → {formatTime(scope.to)} · generated {formatTime(generated)}
          </p>
        </div>
        <PrintButton />
      </header>
      <VendorRoleReport data={data} scope={scope} interactive={false} />
    </article>
  );
}

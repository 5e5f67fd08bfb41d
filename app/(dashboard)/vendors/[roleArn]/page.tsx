import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { ReviewTabs } from '@/components/reviews/review-tabs';
import { VendorRoleReport } from '@/components/reviews/vendor-role-report';
import { roleNameOf } from '@/lib/attribution/assumer';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { toHref as roleHref } from '@/app/(dashboard)/roles/[roleArn]/search-params';
import { REVIEW_DEFAULT_DAYS } from '@/lib/reviews/params';
import { toHref as vendorsHref } from '@/app/(dashboard)/vendors/search-params';
import { toHref as reportHref } from './report/search-params';
import { queryParams, reviewRoleArnParam, toHref } from './search-params';
import { loadPage } from '@/lib/http/page-params';
import { NO_SCOPE } from '@/lib/params/scope';
import { loadVendorRolePage } from '@/lib/reviews/vendors/load';
import type { SearchParamsRecord } from '@/lib/http/page-scope';

export const dynamic = 'force-dynamic';

export default async function VendorRolePage({ params, searchParams }: { params: Promise<{ roleArn: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const { page, params: query, path: roleArn } = await loadPage(await searchParams, {
    path: { name: 'role ARN', schema: reviewRoleArnParam, value: (await params).roleArn },
    query: queryParams,
    reviewDays: REVIEW_DEFAULT_DAYS.vendors,
    reset: { path: vendorsHref(NO_SCOPE), query: (arn) => toHref(arn, NO_SCOPE) },
  });
  const { scope } = page;
  await auditPageView({ entity: auditEntity('vendor-role', roleArn), scope, detail: query.call ? { call: query.call } : undefined });
  const data = await loadVendorRolePage(page.conn, roleArn, scope, query.call);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
          <Link href={vendorsHref(scope)} className="hover:underline">
            Vendor roles
          </Link>{' '}
          ›
        </p>
        <p className="font-mono text-xs text-slate-500" data-testid="vendor-role-arn">
          {roleArn}
        </p>
      </div>
      <PageHeader title={roleNameOf(roleArn)} scope={scope} latest={page.range.last} />
      <ReviewTabs active="/vendors" scope={scope} />
      <div className="flex flex-wrap gap-3 text-sm">
        <Link href={reportHref(roleArn, scope)} className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100" data-testid="vendor-report-link">
          Printable report
        </Link>
        <Link href={roleHref(roleArn, scope)} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-100">
          Role profile
        </Link>
      </div>
      <VendorRoleReport data={data} scope={scope} interactive />
    </div>
  );
}

import Link from 'next/link';
import { invalidLink } from '@/lib/http/invalid-link';
import { PageHeader } from '@/components/page-header';
import { ReviewTabs } from '@/components/reviews/review-tabs';
import { VendorRoleReport } from '@/components/reviews/vendor-role-report';
import { roleNameOf } from '@/lib/attribution/assumer';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { roleHref } from '@/lib/links';
import { href } from '@/lib/params/href';
import { REVIEW_DEFAULT_DAYS, reviewRoleArnParam, vendorRoleParams } from '@/lib/reviews/params';
import { loadReviewPage } from '@/lib/reviews/scope';
import { loadVendorRolePage } from '@/lib/reviews/vendors/load';
import type { SearchParamsRecord } from '@/lib/http/page-scope';

export const dynamic = 'force-dynamic';

export default async function VendorRolePage({ params, searchParams }: { params: Promise<{ roleArn: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const arn = reviewRoleArnParam.safeParse((await params).roleArn);
  if (!arn.success) return invalidLink({ parameter: 'role ARN', message: arn.error.issues[0]?.message ?? 'is invalid', resetHref: '/vendors' });
  const roleArn = arn.data;
  const load = await loadReviewPage(await searchParams, vendorRoleParams, REVIEW_DEFAULT_DAYS.vendors);
  if (!load.ok) return invalidLink({ parameter: load.parameter, message: load.message, resetHref: `/vendors/${encodeURIComponent(roleArn)}` });
  const { page, params: query } = load;
  const { scope } = page;
  await auditPageView({ entity: auditEntity('vendor-role', roleArn), scope, detail: query.call ? { call: query.call } : undefined });
  const data = await loadVendorRolePage(page.conn, roleArn, scope, query.call);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
          <Link href={href('/vendors', { ...scope })} className="hover:underline">
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
        <Link href={href(`/vendors/${encodeURIComponent(roleArn)}/report`, { ...scope })} className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100" data-testid="vendor-report-link">
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

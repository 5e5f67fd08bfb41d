import Link from 'next/link';
import { Card, Stat } from '@/components/card';
import { CountLink } from '@/components/count-link';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { GrantedTable, UsedTable } from '@/components/reviews/access-tables';
import { CopySnippet } from '@/components/reviews/copy-snippet';
import { CsvLink } from '@/components/reviews/csv-link';
import { PrintButton } from '@/components/reviews/print-button';
import { PrintStyles } from '@/components/reviews/print-styles';
import { ReviewTabs } from '@/components/reviews/review-tabs';
import { ReviewSql } from '@/components/reviews/review-sql';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { formatCount } from '@/lib/format';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { toHref as roleHref } from '@/app/(dashboard)/roles/[roleArn]/search-params';
import { toHref as userHref } from '@/app/(dashboard)/users/[arn]/search-params';
import { getAccessReview } from '@/lib/reviews/access/review';
import { DAYS_CHOICES } from '@/lib/reviews/access/service-access';
import { REVIEW_DEFAULT_DAYS } from '@/lib/reviews/params';
import { toHref as accessIndexHref } from '@/app/(dashboard)/access/search-params';
import { csvHref, principalArnParam, queryParams, toHref } from './search-params';
import { loadPage } from '@/lib/http/page-params';
import { NO_SCOPE } from '@/lib/params/scope';
import { allAuthorizationDetails } from '@/lib/reviews/state/authorization-details-store';
import type { SearchParamsRecord } from '@/lib/http/page-scope';

export const dynamic = 'force-dynamic';

export default async function AccessPrincipalPage({ params, searchParams }: { params: Promise<{ principalArn: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const { page, params: query, path: arn } = await loadPage(await searchParams, {
    path: { name: 'principal ARN', schema: principalArnParam, value: (await params).principalArn },
    query: queryParams,
    reviewDays: REVIEW_DEFAULT_DAYS.access,
    reset: { path: accessIndexHref(NO_SCOPE), query: (a) => toHref(a, NO_SCOPE) },
  });
  const { scope } = page;
  await auditPageView({ entity: auditEntity('access-principal', arn), scope, detail: { days: query.days } });
  const review = await getAccessReview(page.conn, arn, scope, { days: query.days, uploads: await allAuthorizationDetails() });
  const api = (table: string) => csvHref(arn, scope, query, table);
  const scopeDays = Math.round((Date.parse(scope.to) - Date.parse(scope.from)) / 86_400_000);
  const calls = review.used.reduce((n, s) => n + s.calls, 0);
  const failed = review.used.reduce((n, s) => n + s.failed, 0);
  const count = (status: string) => (review.granted ?? []).filter((g) => g.status === status).length;

  return (
    <div className="space-y-5" data-print-root>
      <PrintStyles />
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
          <Link href={accessIndexHref(scope)} className="hover:underline">
            Unused access
          </Link>{' '}
          › {review.principal.kind}
        </p>
        <p className="font-mono text-xs text-slate-500" data-testid="access-principal-arn">
          <Link href={review.principal.kind === 'role' ? roleHref(arn, scope) : userHref(arn, scope)} className="hover:underline">
            {arn}
          </Link>
        </p>
      </div>
      <PageHeader title={review.principal.name} scope={scope} latest={page.range.last} />
      <ReviewTabs active="/access" scope={scope} />
      <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="days-picker">
        <span className="text-slate-600">Not used in</span>
        {DAYS_CHOICES.map((d) => (
          <Link
            key={d}
            href={toHref(arn, scope, { days: d })}
            data-testid={`days-${d}`}
            aria-current={query.days === d ? 'true' : undefined}
            className={`rounded px-3 py-1 ${query.days === d ? 'bg-slate-800 text-white' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-100'}`}
          >
            {d} days
          </Link>
        ))}
        {query.days > scopeDays && <span className="text-xs text-amber-700">The scope covers {scopeDays} days: widen it to see use older than that.</span>}
        <span className="ml-auto">
          <PrintButton />
        </span>
      </div>

      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="access-stats">
        <Stat label="Successful calls" value={<CountLink value={calls} href={eventsHref(scope, { principal: arn, errorCode: 'none' })} />} />
        <Stat label="Failed calls" value={<CountLink value={failed} href={eventsHref(scope, { principal: arn, errorCode: '*' })} tone="failed" />} />
        <Stat label="Services used" value={formatCount(review.used.filter((s) => s.lastUsed).length)} />
        <Stat label="Granted, unused" value={review.granted ? formatCount(count('never-used') + count('not-used-recently')) : '—'} hint={review.granted ? `${count('unknown')} unknown` : 'upload authorization details'} />
      </div>

      <Card
        title="Granted versus used"
        actions={review.granted ? <CsvLink href={api('granted')} table="access-granted" fileName={`${review.principal.name}-granted.csv`} /> : undefined}
        footer={review.panels.dataEvents ? <div data-print-hide><ReviewSql query={review.panels.dataEvents} label="SQL (data events in the trail)" /></div> : undefined}
      >
        {!review.granted ? (
          <Notice tone="info" title="What is granted is not known yet">
            {review.detailsAccount
              ? `The uploaded file of account ${review.detailsAccount} does not list this ${review.principal.kind}.`
              : `Upload the output of aws iam get-account-authorization-details for account ${review.principal.accountId ?? '?'} on the Unused access page.`}{' '}
            <Link href={accessIndexHref(scope)} className="underline">
              Upload
            </Link>
          </Notice>
        ) : (
          <div className="space-y-2">
            <GrantedTable rows={review.granted} days={query.days} arn={arn} scope={scope} />
            {review.unresolvedPolicies.length > 0 && (
              <p className="text-xs text-amber-700" data-testid="access-unresolved">
                Not in the file, so not compared: {review.unresolvedPolicies.join(', ')} (AWS managed policies are in the export only without a <code>--filter</code> that leaves them out).
              </p>
            )}
          </div>
        )}
      </Card>

      <Card
        title={`Used in the scope (${review.used.length} services)`}
        actions={<CsvLink href={api('used')} table="access-used" fileName={`${review.principal.name}-used.csv`} />}
        footer={
          <div data-print-hide>
            <ReviewSql query={review.panels.usage} label="SQL (calls by API)" />
          </div>
        }
      >
        {review.usedTruncated && <p className="mb-2 text-xs text-amber-700">Only the first 5,000 APIs are listed.</p>}
        <UsedTable used={review.used} arn={arn} scope={scope} />
      </Card>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card title="Suggested least-privilege policy">
          <p className="mb-2 text-xs text-slate-500">
            The actions that succeeded in the scope, Resource <code>*</code>: narrow resources before use, keep what runs less often than the scope (a yearly job), and keep
            permissions CloudTrail never logs as calls (<code>iam:PassRole</code>).
          </p>
          {review.suggestedPolicy ? <CopySnippet text={JSON.stringify(review.suggestedPolicy, null, 2)} testId="suggested-policy" /> : <p className="text-sm text-slate-500">No successful call in the scope.</p>}
        </Card>
        <Card title="Deny the unused services">
          <p className="mb-2 text-xs text-slate-500">A Deny of every granted service never used, or not used in {query.days} days; services CloudTrail cannot see are left out.</p>
          {review.denyUnused ? (
            <CopySnippet text={JSON.stringify(review.denyUnused, null, 2)} testId="deny-unused" />
          ) : (
            <p className="text-sm text-slate-500" data-testid="deny-unused-none">
              {review.granted ? 'Every granted service was used.' : 'Needs the uploaded authorization details.'}
            </p>
          )}
        </Card>
      </div>
    </div>
  );
}

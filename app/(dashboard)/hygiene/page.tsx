import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { CsvLink } from '@/components/reviews/csv-link';
import { HygieneTable } from '@/components/reviews/hygiene-table';
import { PrintButton } from '@/components/reviews/print-button';
import { PrintStyles } from '@/components/reviews/print-styles';
import { ReviewTabs } from '@/components/reviews/review-tabs';
import { ReviewSql } from '@/components/reviews/review-sql';
import { getHygieneReview, selectHygiene } from '@/lib/reviews/hygiene/review';
import { REVIEW_DEFAULT_DAYS } from '@/lib/reviews/params';
import { NO_SCOPE } from '@/lib/params/scope';
import { csvHref, path, queryParams, toHref } from './search-params';
import { loadPage } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import Link from 'next/link';

export const dynamic = 'force-dynamic';

export default async function HygienePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { page, params } = await loadPage(await searchParams, { query: queryParams, reviewDays: REVIEW_DEFAULT_DAYS.hygiene, reset: { query: toHref(NO_SCOPE) } });
  const { scope } = page;
  const review = await getHygieneReview(page.conn, scope);
  const roles = selectHygiene(review.roles, params);
  const flagged = review.roles.filter((r) => r.verdict === 'does-not-identify').length;
  const csv = csvHref(scope, params);
  const tab = (show: 'all' | 'flagged', label: string) => (
    <Link
      href={toHref(scope, { ...params, show })}
      data-testid={`hygiene-show-${show}`}
      className={`rounded px-3 py-1 ${params.show === show ? 'bg-slate-800 text-white' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-100'}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="space-y-5" data-print-root>
      <PrintStyles />
      <PageHeader title="Session-name hygiene" scope={scope} latest={page.range.last} />
      <ReviewTabs active="/hygiene" scope={scope} />
      <p className="text-sm text-slate-600">
        Whether each role’s session names say who is behind a session. A name shared by different people, a generic name (<code>session1</code>, <code>botocore-session-…</code>) or a
        name that is not the assumer’s own leaves only the AssumeRole events to tell who did what; a source identity on every session makes up for it.
      </p>
      <form method="get" action={path} className="flex flex-wrap items-end gap-2 text-sm" aria-label="Hygiene filters">
        <input type="hidden" name="from" value={scope.from} />
        <input type="hidden" name="to" value={scope.to} />
        {params.show !== 'all' && <input type="hidden" name="show" value={params.show} />}
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Role name or ARN contains
          <input name="role" defaultValue={params.role ?? ''} data-testid="hygiene-role-filter" className="mt-1 rounded border border-slate-300 px-2 py-1.5 font-mono text-sm font-normal text-slate-900" autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" className="rounded bg-indigo-600 px-4 py-1.5 font-medium text-white hover:bg-indigo-500">
          Filter
        </button>
        <div className="ml-2 flex gap-1 text-xs">
          {tab('all', `All roles (${review.roles.length})`)}
          {tab('flagged', `Names do not identify (${flagged})`)}
        </div>
      </form>
      <Card
        title={`${roles.length} role${roles.length === 1 ? '' : 's'}`}
        actions={
          <div className="flex items-center gap-2">
            <CsvLink href={csv} table="hygiene" fileName="session-name-hygiene.csv" />
            <PrintButton />
          </div>
        }
        footer={
          <div data-print-hide>
            <ReviewSql query={review.panel} label="SQL (AssumeRole calls by role, session name and caller)" />
          </div>
        }
      >
        {review.truncated && <p className="mb-2 text-xs text-amber-700">Only the first 20,000 role × session name × caller combinations are analysed; narrow the scope.</p>}
        <HygieneTable roles={roles} scope={scope} params={params} />
      </Card>
    </div>
  );
}

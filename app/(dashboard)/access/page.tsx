import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { AccessIndexTable } from '@/components/reviews/access-tables';
import { AuthorizationUpload, DeleteAuthorizationDetails } from '@/components/reviews/authorization-upload';
import { CsvLink } from '@/components/reviews/csv-link';
import { PrintButton } from '@/components/reviews/print-button';
import { PrintStyles } from '@/components/reviews/print-styles';
import { ReviewTabs } from '@/components/reviews/review-tabs';
import { shortTime } from '@/lib/format';
import { ReviewSql } from '@/components/reviews/review-sql';
import { getAccessIndex } from '@/lib/reviews/access/index-list';
import { REVIEW_DEFAULT_DAYS } from '@/lib/reviews/params';
import { NO_SCOPE } from '@/lib/params/scope';
import { csvHref, path, queryParams, toHref } from './search-params';
import { loadPage } from '@/lib/http/page-params';
import { allAuthorizationDetails, listAuthorizationDetails } from '@/lib/reviews/state/authorization-details-store';
import type { SearchParamsRecord } from '@/lib/http/page-scope';

export const dynamic = 'force-dynamic';

export default async function AccessPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { page, params } = await loadPage(await searchParams, { query: queryParams, reviewDays: REVIEW_DEFAULT_DAYS.access, reset: { query: toHref(NO_SCOPE) } });
  const { scope } = page;
  const [uploads, summaries] = await Promise.all([allAuthorizationDetails(), listAuthorizationDetails()]);
  const index = await getAccessIndex(page.conn, scope, uploads, params);
  const csv = csvHref(scope, params);
  return (
    <div className="space-y-5" data-print-root>
      <PrintStyles />
      <PageHeader title="Unused access" scope={scope} latest={page.range.last} />
      <ReviewTabs active="/access" scope={scope} />
      <Card title="Permissions granted (aws iam get-account-authorization-details)">
        <div className="space-y-3 text-sm">
          <p className="text-slate-600">
            CloudTrail shows what was used; what is granted comes from{' '}
            <code className="rounded bg-slate-100 px-1">aws iam get-account-authorization-details &gt; account.json</code>, one file per account. It is kept on the server: pages show
            only what it means for each principal.
          </p>
          <AuthorizationUpload />
          {summaries.length === 0 ? (
            <p className="text-slate-500" data-testid="auth-details-none">
              Nothing uploaded yet: the pages below list what was used, not what is granted.
            </p>
          ) : (
            <ul className="space-y-1" data-testid="auth-details-list">
              {summaries.map((s) => (
                <li key={s.accountId} className="flex flex-wrap items-center gap-2" data-testid="auth-details-item">
                  <span className="font-mono font-medium">{s.accountId}</span>
                  <span className="text-slate-600">
                    {s.counts.roles} roles, {s.counts.users} users, {s.counts.groups} groups, {s.counts.policies} managed policies
                  </span>
                  <span className="text-xs text-slate-500">
                    {s.fileName ? `${s.fileName}, ` : ''}uploaded by {s.uploadedBy} {s.uploadedAt ? `at ${shortTime(s.uploadedAt)} UTC` : ''}
                  </span>
                  <DeleteAuthorizationDetails accountId={s.accountId} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>
      <form method="get" action={path} className="flex flex-wrap items-end gap-2 text-sm" aria-label="Principal filters">
        <input type="hidden" name="from" value={scope.from} />
        <input type="hidden" name="to" value={scope.to} />
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Kind
          <select name="kind" defaultValue={params.kind} className="mt-1 rounded border border-slate-300 px-2 py-1.5 text-sm font-normal text-slate-900" data-testid="access-kind-filter">
            <option value="all">roles and users</option>
            <option value="role">roles</option>
            <option value="user">users</option>
          </select>
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Name or ARN contains
          <input name="q" defaultValue={params.q ?? ''} data-testid="access-name-filter" className="mt-1 rounded border border-slate-300 px-2 py-1.5 font-mono text-sm font-normal text-slate-900" autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" className="rounded bg-indigo-600 px-4 py-1.5 font-medium text-white hover:bg-indigo-500">
          Filter
        </button>
      </form>
      <Card
        title={`${index.entries.length} principal${index.entries.length === 1 ? '' : 's'}`}
        actions={
          <div className="flex items-center gap-2">
            <CsvLink href={csv} table="access-principals" fileName="access-principals.csv" />
            <PrintButton />
          </div>
        }
        footer={
          <div data-print-hide>
            <ReviewSql query={index.panel} label="SQL (roles and users active in the scope)" />
          </div>
        }
      >
        {index.truncated && <p className="mb-2 text-xs text-amber-700">Only the 1,000 busiest principals are listed.</p>}
        <AccessIndexTable entries={index.entries} scope={scope} />
      </Card>
    </div>
  );
}

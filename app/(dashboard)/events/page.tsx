import Link from 'next/link';
import { InvalidLink } from '@/components/invalid-link';
import { EventsCard } from '@/components/events-card';
import { PageHeader } from '@/components/page-header';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { activeEventFilters, EVENT_FILTERS, EVENT_FILTER_LABELS, path, queryParams, toHref } from './search-params';
import { ParamError } from '@/lib/params/param-error';
import { loadPage } from '@/lib/http/page-params';
import { searchEvents } from '@/lib/events/search-events';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { NO_SCOPE } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

export default async function EventsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { page, params } = await loadPage(await searchParams, { query: queryParams, reset: { query: toHref(NO_SCOPE, {}) } });
  const { conn, range, scope } = page;
  const searched = activeEventFilters(params);
  await auditPageView({ entity: auditEntity('events'), scope, detail: searched });
  let result;
  try {
    result = await searchEvents(conn, params, scope);
  } catch (error) {
    // Only the search can tell a cursor this server did not issue; that link is refused here, after the URL passed.
    if (!(error instanceof ParamError)) throw error;
    return <InvalidLink parameter={error.parameter} message={error.message} resetHref={toHref(NO_SCOPE, {})} />;
  }
  const filters = Object.fromEntries(EVENT_FILTERS.map((f) => [f, params[f]]));
  const active = Object.keys(searched);

  return (
    <div className="space-y-5">
      <PageHeader title="Events" scope={scope} latest={range.last} />

      <form method="get" action={path} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4" aria-label="Event filters">
        <input type="hidden" name="from" value={scope.from} />
        <input type="hidden" name="to" value={scope.to} />
        {EVENT_FILTERS.map((f) => (
          <label key={f} className="flex flex-col text-xs font-medium text-slate-600">
            {EVENT_FILTER_LABELS[f]}
            <input
              name={f}
              defaultValue={filters[f] ?? ''}
              className="mt-1 rounded border border-slate-300 px-2 py-1.5 font-mono text-sm font-normal text-slate-900"
              autoComplete="off"
              spellCheck={false}
            />
          </label>
        ))}
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="rounded bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">
            Search
          </button>
          {active.length > 0 && (
            <Link href={toHref(scope, {})} className="text-sm text-slate-600 underline">
              Clear filters
            </Link>
          )}
        </div>
      </form>

      <EventsCard
        title={`${result.events.length}${result.nextCursor ? '+' : ''} events${active.length ? ` matching ${active.join(', ')}` : ''}`}
        result={result}
        olderHref={
          result.nextCursor
            ? toHref(scope, { ...filters, limit: params.limit === 50 ? undefined : params.limit, cursor: result.nextCursor })
            : null
        }
      />
    </div>
  );
}

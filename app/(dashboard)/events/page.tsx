import Link from 'next/link';
import { InvalidLink } from '@/components/invalid-link';
import { EventsCard } from '@/components/events-card';
import { PageHeader } from '@/components/page-header';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { activeEventFilters, EVENT_FILTERS, EVENT_FILTER_LABELS, queryParams, toHref } from './search-params';
import { ParamError, paramProblem } from '@/lib/params/param-error';
import { invalidLink, linkIsValid } from '@/lib/http/invalid-link';
import { searchEvents } from '@/lib/events/search-events';
import { firstValues, loadPageScope, type SearchParamsRecord } from '@/lib/http/page-scope';
import { NO_SCOPE } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

export default async function EventsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const sp = await searchParams;
  const values = firstValues(sp);
  let problem: { parameter: string; message: string } | null = null;
  const parsed = queryParams.safeParse(values);
  if (!parsed.success) problem = paramProblem(parsed.error, 'query');
  let page;
  try {
    page = await loadPageScope(sp);
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    problem = { parameter: error.parameter, message: error.message };
  }
  if (problem || !parsed.success || !page) {
    return invalidLink({ parameter: problem?.parameter ?? 'query', message: problem?.message ?? 'is invalid', resetHref: toHref(NO_SCOPE, {}) });
  }
  await linkIsValid();
  const { conn, range, scope } = page;
  const searched = activeEventFilters(parsed.data);
  await auditPageView({ entity: auditEntity('events'), scope, detail: searched });
  let result;
  try {
    result = await searchEvents(conn, parsed.data, scope);
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    return <InvalidLink parameter={error.parameter} message={error.message} resetHref={toHref(NO_SCOPE, {})} />;
  }
  const filters = Object.fromEntries(EVENT_FILTERS.map((f) => [f, parsed.data[f]]));
  const active = Object.keys(searched);

  return (
    <div className="space-y-5">
      <PageHeader title="Events" scope={scope} latest={range.last} />

      <form method="get" action="/events" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4" aria-label="Event filters">
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
            ? toHref(scope, { ...filters, limit: parsed.data.limit === 50 ? undefined : parsed.data.limit, cursor: result.nextCursor })
            : null
        }
      />
    </div>
  );
}

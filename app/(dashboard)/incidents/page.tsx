import Link from 'next/link';
import { Card } from '@/components/card';
import { DataTable, Empty, numeric } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { SeverityBadge } from '@/components/findings/severity-badge';
import { listIncidents } from '@/lib/incidents/load';
import { INCIDENT_STATUS_FILTERS } from '@/lib/incidents/params';
import { formatCount, shortTime } from '@/lib/format';
import { loadPage } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { NO_SCOPE } from '@/lib/params/scope';
import { toHref as incidentHref } from './[id]/search-params';
import { queryParams, toHref as listHref } from './search-params';

export const dynamic = 'force-dynamic';

const td = 'px-2 py-1.5 align-top';

/** Findings grouped by the identity behind them (through the role chain) and by time: one row per incident. */
export default async function IncidentsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const load = await loadPage(await searchParams, { query: queryParams, reset: { query: listHref(NO_SCOPE) }, reviewDays: 30 });
  const { scope, range } = load.page;
  const p = load.params;
  const incidents = await listIncidents(scope, p.status);
  return (
    <div className="space-y-5">
      <PageHeader title="Incidents" scope={scope} latest={range.last} />
      <Card title={`${formatCount(incidents.length)} ${p.status === 'open' ? 'open ' : ''}incident${incidents.length === 1 ? '' : 's'} in the scope`}>
        <p className="mb-3 text-sm text-slate-600">
          Findings whose actors resolve to the same origin identity through the role chain, within a day of each other, are one incident: who was behind it, every
          session they used, and every finding in order.
        </p>
        <nav className="mb-3 flex gap-1 text-xs" aria-label="Status">
          {INCIDENT_STATUS_FILTERS.map((s) => (
            <Link
              key={s}
              href={listHref(scope, { status: s })}
              aria-current={p.status === s ? 'page' : undefined}
              className={`rounded-full border px-2.5 py-0.5 ${p.status === s ? 'border-indigo-600 bg-indigo-600 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100'}`}
            >
              {s === 'open' ? 'Open' : 'All'}
            </Link>
          ))}
        </nav>
        {incidents.length === 0 ? (
          <Empty>No {p.status === 'open' ? 'open ' : ''}incidents in the scope: no two findings of one origin close together. Widen the scope or see All.</Empty>
        ) : (
          <DataTable testId="incidents-table" look="log" columns={['Severity', 'Incident', 'Origin', numeric('Findings'), numeric('Sessions'), 'First seen', 'Last seen', 'Status']}>
            {incidents.map((i) => (
              <tr key={i.id} className="border-b border-slate-100 hover:bg-slate-50" data-testid="incident-row" data-incident-id={i.id}>
                <td className={td}>
                  <SeverityBadge label={i.severityLabel} severity={i.severity} />
                </td>
                <td className={td}>
                  <Link href={incidentHref(i.id)} className="font-medium text-indigo-700 hover:underline">
                    {i.title}
                  </Link>
                </td>
                <td className={`${td} text-xs`}>{i.originLabel}</td>
                <td className={`${td} text-right tabular-nums`}>{formatCount(i.findings.length)}</td>
                <td className={`${td} text-right tabular-nums`}>{formatCount(i.sessions.length)}</td>
                <td className={`${td} text-xs`}>{shortTime(i.firstSeen)}</td>
                <td className={`${td} text-xs`}>{shortTime(i.lastSeen)}</td>
                <td className={`${td} text-xs`}>{i.open ? 'Open' : 'Closed'}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}

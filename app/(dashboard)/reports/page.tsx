import Link from 'next/link';
import { Card } from '@/components/card';
import { DataTable } from '@/components/data-table';
import { GapNotice } from '@/components/coverage/gap-notice';
import { PrintButton } from '@/components/print-button';
import { SqlPanel } from '@/components/sql-panel';
import { TechniqueChips } from '@/components/findings/technique-chips';
import { ATTACK_ATTRIBUTION } from '@/lib/attack/techniques';
import { auditEntity } from '@/lib/audit/entity';
import { auditPageView } from '@/lib/audit/page-view';
import { getConnection } from '@/lib/engine';
import { findingHref, findingsHref } from '@/lib/findings/params';
import { formatCount, formatTime, shortTime } from '@/lib/format';
import { loadPage } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { incidentHref } from '@/lib/incidents/params';
import { NO_SCOPE } from '@/lib/params/scope';
import { buildReport } from '@/lib/reports/build';
import { TRAILDISCOVER_ATTRIBUTION } from '@/lib/reports/markdown';
import { reportSubjectOf, subjectParamValue } from '@/lib/reports/params';
import { eventsHref } from '@/lib/events/params';
import { apiHref, queryParams } from './search-params';

export const dynamic = 'force-dynamic';

const td = 'px-2 py-1 align-top';

/** The investigation report of a user, role or role session over a scope: one printable page, Markdown and JSON beside it. */
export default async function ReportPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { page, params } = await loadPage(await searchParams, { query: queryParams, reset: { query: '/' }, reviewDays: 7 });
  const { scope } = page;
  const conn = await getConnection();
  const report = await buildReport(conn, params.subject, scope);
  const subject = reportSubjectOf(params.subject)!;
  await auditPageView({ entity: auditEntity('report', subjectParamValue(subject)), scope });
  const a = report.activity;
  const nb = report.newBehavior;
  const filterBy = { principal: subject.id };
  return (
    <article className="space-y-5 print:space-y-3 print:text-[11px]" data-testid="report">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Investigation report</p>
          <h1 className="text-2xl font-semibold break-all">{report.subject.label}</h1>
          <p className="text-sm text-slate-600">
            {formatTime(scope.from)} → {formatTime(scope.to)} · generated {formatTime(report.generatedAt)} · MITRE ATT&CK v{report.attackVersion}
          </p>
        </div>
        <div className="flex gap-2 print:hidden">
          <PrintButton />
          <a className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100" href={apiHref(subject, scope, 'markdown')} data-testid="report-markdown">
            Markdown
          </a>
          <a className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100" href={apiHref(subject, scope, 'json')} data-testid="report-json">
            JSON
          </a>
        </div>
      </header>

      <GapNotice gaps={report.gaps} />

      <Card title="Chain to the origin">
        {!report.chain ? (
          <p className="text-sm text-slate-600">{params.subject.kind === 'role-session' ? 'Not resolved.' : `A ${params.subject.kind} is an identity of its own: the findings below name who used it.`}</p>
        ) : (
          <div className="text-sm" data-testid="report-chain">
            <p>
              Origin: <b>{report.chain.origin ?? `unknown (the chain ends ${report.chain.end})`}</b>
            </p>
            <ol className="mt-1 list-decimal pl-5">
              {[...report.chain.hops].reverse().map((h) => (
                <li key={`${h.to}-${h.at}`}>
                  {h.from ?? 'someone not in the data'} → <span className="font-mono text-xs">{h.to}</span> {h.at ? `at ${formatTime(h.at)}` : ''} ({h.label})
                </li>
              ))}
            </ol>
          </div>
        )}
      </Card>

      <Card title={`ATT&CK-tagged activity: ${formatCount(a.calls)} calls to ${formatCount(a.apis)} APIs`}>
        <p className="mb-2 text-sm text-slate-600">
          {formatCount(a.techniques.length)} techniques; {formatCount(a.unmapped.apis)} APIs ({formatCount(a.unmapped.calls)} calls) map to none.{' '}
          <Link className="text-indigo-700 hover:underline print:hidden" href={eventsHref(scope, filterBy)}>
            The events →
          </Link>
        </p>
        <DataTable testId="report-techniques" look="log" columns={['Technique', 'Tactics', 'Calls', 'API calls (mapped by)']}>
          {a.techniques.map((t) => (
            <tr key={t.technique.id} className="border-b border-slate-100">
              <td className={td}>
                <a href={t.technique.url} className="text-indigo-700 hover:underline" target="_blank" rel="noreferrer">
                  <span className="font-mono text-xs">{t.technique.id}</span> {t.technique.displayName}
                </a>
              </td>
              <td className={`${td} text-xs`}>{t.technique.tactics.map((x) => x.name).join(', ')}</td>
              <td className={`${td} text-right tabular-nums`}>
                {formatCount(t.calls)}
                {t.failed ? <span className="text-rose-700"> ({formatCount(t.failed)} failed)</span> : null}
              </td>
              <td className={`${td} text-xs`}>
                {t.events.map((e) => (
                  <span key={`${e.eventSource}:${e.eventName}`} className="mr-2 inline-block">
                    <Link className="font-mono text-indigo-700 hover:underline" href={eventsHref(scope, { ...filterBy, eventName: e.eventName })}>
                      {e.eventName}
                    </Link>{' '}
                    <span className="text-slate-500">({e.sources.join(', ')}{e.when.length ? `; when ${e.when.join(', ')}` : ''})</span>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>

      <Card title="Impossible travel">
        {report.impossibleTravel.length === 0 ? (
          <p className="text-sm text-slate-600">None found in the scope.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {report.impossibleTravel.map((f) => (
              <li key={f.id}>{f.description}</li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="New behavior">
        <p className="mb-2 text-sm text-slate-600" data-testid="report-baseline">
          {nb.baseline.judged ? `Against its own baseline, ${formatTime(nb.baseline.from)} – ${formatTime(nb.baseline.to)} (${nb.baseline.days} days).` : `Not judged: ${nb.baseline.message ?? 'no baseline'}.`}
        </p>
        <div className="grid gap-4 text-sm md:grid-cols-3 print:grid-cols-3">
          <section>
            <h3 className="text-xs font-semibold uppercase text-slate-500">New APIs ({nb.apis.length})</h3>
            <ul className="font-mono text-xs" data-testid="report-new-apis">
              {nb.apis.map((x) => (
                <li key={`${x.eventSource}:${x.eventName}`}>
                  {x.eventName} <span className="text-slate-500">×{x.calls}</span>
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h3 className="text-xs font-semibold uppercase text-slate-500">New places ({nb.locations.length})</h3>
            <ul className="text-xs">
              {nb.locations.map((l) => (
                <li key={l.label}>
                  {l.label} <span className="font-mono text-slate-500">{l.ips.join(', ')}</span>
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h3 className="text-xs font-semibold uppercase text-slate-500">New user agents ({nb.userAgents.length})</h3>
            <ul className="text-xs">
              {nb.userAgents.map((u) => (
                <li key={u.label}>{u.label}</li>
              ))}
            </ul>
          </section>
        </div>
      </Card>

      <Card title={`Findings (${report.findings.length})`}>
        {report.findings.length === 0 ? (
          <p className="text-sm text-slate-600">No finding about it in the scope.</p>
        ) : (
          <DataTable testId="report-findings" look="log" columns={['First seen', 'Severity', 'Finding', 'Status', 'ATT&CK']}>
            {report.findings.map((f) => (
              <tr key={f.id} className="border-b border-slate-100">
                <td className={`${td} whitespace-nowrap text-xs`}>{shortTime(f.firstSeen)}</td>
                <td className={`${td} text-xs`}>{f.severityLabel}</td>
                <td className={td}>
                  <Link className="text-indigo-700 hover:underline" href={findingHref(f.id)}>
                    {f.title}
                  </Link>
                </td>
                <td className={`${td} text-xs`}>{f.status}</td>
                <td className={td}>
                  <TechniqueChips ids={f.techniques} listHref={(t) => findingsHref(NO_SCOPE, {}, { technique: t, status: 'all' })} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <Card title={`Incidents (${report.incidents.length})`}>
        {report.incidents.length === 0 ? (
          <p className="text-sm text-slate-600">None of its findings is part of an incident.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="report-incidents">
            {report.incidents.map((i) => (
              <li key={i.id}>
                <Link className="text-indigo-700 hover:underline" href={incidentHref(i.id)}>
                  {i.title}
                </Link>{' '}
                <span className="text-xs text-slate-500">
                  {i.severityLabel}, {i.findings} findings, {shortTime(i.firstSeen)} – {shortTime(i.lastSeen)}, {i.open ? 'open' : 'closed'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="space-y-1 print:hidden">
        {report.queries.map((q, i) => (
          <SqlPanel key={i} query={q} label={`SQL ${i + 1} of ${report.queries.length}`} />
        ))}
      </div>
      <p className="text-[11px] text-slate-500">
        {ATTACK_ATTRIBUTION} {TRAILDISCOVER_ATTRIBUTION}
      </p>
    </article>
  );
}

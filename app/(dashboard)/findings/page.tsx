import Link from 'next/link';
import { Card } from '@/components/card';
import { DataTable, Empty, numeric, type Column } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { FindingsActions } from '@/components/findings/findings-actions';
import { SeverityBadge } from '@/components/findings/severity-badge';
import { countFindings, listFindings } from '@/lib/findings/store';
import { FINDING_SOURCES, SEVERITY_LABELS, severityLabel as severityLabelOf, type Finding } from '@/lib/findings/types';
import { formatCount, shortTime } from '@/lib/format';
import { toHref as findingHref } from './[id]/search-params';
import { path, queryParams, severitiesFrom, toHref as listHref, type FindingListParams } from './search-params';
import { NO_SCOPE, type Scope } from '@/lib/params/scope';
import { loadPage } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { BulkTriage, BULK_FORM, SelectAllFindings } from '@/components/findings/bulk-triage';
import { StatusBadge } from '@/components/findings/status-badge';
import { assignableUsers } from '@/lib/findings/assignees';
import { requirePageUser } from '@/lib/auth/page-access';
import { hasRole } from '@/lib/auth/roles';
import { STATUS_FILTERS, STATUS_LABELS, statusesOf, type StatusFilter } from '@/lib/findings/status';
import { UNASSIGNED } from '@/lib/findings/schema';
import { TechniqueChips } from '@/components/findings/technique-chips';
import { technique } from '@/lib/attack/techniques';
import { DETECTION_RULES } from '@/lib/detections/rules';
import { techniquesOf } from '@/lib/findings/techniques';

/** The inbox looks back a month by default: findings wait to be triaged longer than a day. */
const INBOX_DAYS = 30;

function statusFilterLabel(s: StatusFilter): string {
  return s === 'open' ? 'Open' : s === 'closed' ? 'Closed' : s === 'all' ? 'All' : STATUS_LABELS[s];
}

export const dynamic = 'force-dynamic';

const td = 'px-2 py-1.5 align-top';

function actorLabel(f: Finding): string {
  const a = f.actor;
  if (a.sessionId) return a.sessionId.slice(a.sessionId.indexOf(':') + 1) + (a.arn ? ` (${a.arn.split('/').slice(-2, -1)[0] ?? ''})` : '');
  return a.arn?.split(/[/:]/).pop() ?? a.userName ?? a.principalId ?? a.accessKeyId ?? '—';
}

function sortColumn(label: string, column: FindingListParams['sort'], scope: Scope, p: FindingListParams): Column {
  const active = p.sort === column;
  const next = active && p.order === 'desc' ? 'asc' : 'desc';
  return {
    key: column,
    sort: active ? (p.order === 'asc' ? 'ascending' : 'descending') : undefined,
    label: (
      <Link href={listHref(scope, p, { sort: column, order: next })} className="hover:text-slate-800">
        {label}
        {active ? (p.order === 'asc' ? ' ▲' : ' ▼') : ''}
      </Link>
    ),
  };
}

export default async function FindingsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const load = await loadPage(await searchParams, { query: queryParams, reset: { query: listHref(NO_SCOPE) }, reviewDays: INBOX_DAYS });
  const { scope, range } = load.page;
  const p = load.params;
  const user = await requirePageUser();
  const canTriage = hasRole(user, 'analyst');
  // Every status's count under the other filters: the chips say what each would show.
  const anyStatus = { from: scope.from, to: scope.to, type: p.type, severity: severitiesFrom(p.severity), source: p.source, assignee: p.assignee, technique: p.technique };
  const filter = { ...anyStatus, status: [...statusesOf(p.status)] };
  const [findings, counts, statusCounts, assignees] = await Promise.all([
    listFindings({ ...filter, sort: p.sort, order: p.order, limit: 500 }),
    countFindings(filter),
    countFindings(anyStatus),
    canTriage ? assignableUsers() : Promise.resolve([]),
  ]);
  const chipCount = (f: StatusFilter) => statusesOf(f).reduce((n, s) => n + statusCounts.byStatus[s], 0);

  return (
    <div className="space-y-5">
      <PageHeader title="Findings" scope={scope} latest={range.last} />
      <FindingsActions scope={scope} />
      <Card title={`${formatCount(counts.total)} ${p.status === 'all' ? '' : `${statusFilterLabel(p.status).toLowerCase()} `}findings seen in the scope${counts.total > findings.length ? ` (the first ${findings.length})` : ''}`}>
        <nav className="mb-3 flex flex-wrap gap-1 text-xs" aria-label="Status">
          {STATUS_FILTERS.map((f) => (
            <Link
              key={f}
              href={listHref(scope, p, { status: f === 'open' ? undefined : f })}
              aria-current={p.status === f ? 'page' : undefined}
              className={`rounded-full border px-2.5 py-0.5 ${p.status === f ? 'border-indigo-600 bg-indigo-600 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100'}`}
              data-testid={`status-filter-${f}`}
            >
              {statusFilterLabel(f)} {formatCount(chipCount(f))}
            </Link>
          ))}
        </nav>
        <form method="get" action={path} className="mb-3 flex flex-wrap items-end gap-2 text-sm" aria-label="Filter findings">
          <input type="hidden" name="from" value={scope.from} />
          <input type="hidden" name="to" value={scope.to} />
          {p.status !== 'open' && <input type="hidden" name="status" value={p.status} />}
          <label className="flex flex-col text-xs text-slate-600">
            Type
            <select name="type" defaultValue={p.type ?? ''} className="rounded border border-slate-300 px-2 py-1 text-sm">
              <option value="">any</option>
              {counts.byType.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.type} ({t.count})
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            Severity at least
            <select name="severity" defaultValue={p.severity ?? ''} className="rounded border border-slate-300 px-2 py-1 text-sm">
              <option value="">any</option>
              {SEVERITY_LABELS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            Source
            <select name="source" defaultValue={p.source ?? ''} className="rounded border border-slate-300 px-2 py-1 text-sm">
              <option value="">any</option>
              {FINDING_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {s === 'guardduty' ? 'GuardDuty' : 'Trailscope detection'}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            ATT&CK technique
            <select name="technique" defaultValue={p.technique ?? ''} className="max-w-72 rounded border border-slate-300 px-2 py-1 text-sm" data-testid="technique-filter">
              <option value="">any</option>
              {counts.byTechnique.map((t) => (
                <option key={t.technique} value={t.technique}>
                  {t.technique} {technique(t.technique)?.displayName ?? ''} ({t.count})
                </option>
              ))}
              {p.technique && !counts.byTechnique.some((t) => t.technique === p.technique) && <option value={p.technique}>{p.technique}</option>}
            </select>
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            Assignee
            <select name="assignee" defaultValue={p.assignee ?? ''} className="rounded border border-slate-300 px-2 py-1 text-sm" data-testid="assignee-filter">
              <option value="">anyone</option>
              <option value={UNASSIGNED}>nobody</option>
              <option value={user.name}>me</option>
              {assignees
                .filter((a) => a.name !== user.name)
                .map((a) => (
                  <option key={a.name} value={a.name}>
                    {a.label}
                  </option>
                ))}
              {p.assignee && p.assignee !== UNASSIGNED && p.assignee !== user.name && !assignees.some((a) => a.name === p.assignee) && <option value={p.assignee}>{p.assignee}</option>}
            </select>
          </label>
          <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
            Filter
          </button>
        </form>
        {canTriage && findings.length > 0 && <BulkTriage key={listHref(scope, p)} assignees={assignees} me={user.name} />}
        {findings.length === 0 ? (
          <Empty>
            No {p.status === 'all' ? '' : `${statusFilterLabel(p.status).toLowerCase()} `}findings in the scope.{' '}
            {p.status !== 'all' && chipCount('all') > 0 ? 'Other statuses have some: see All. ' : ''}Detections run after every ingest; import GuardDuty findings, or widen the scope.
          </Empty>
        ) : (
          <DataTable
            testId="findings-table"
            look="log"
            scroll
            columns={[
              ...(canTriage ? [{ key: 'select', label: <SelectAllFindings /> }] : []),
              sortColumn('Severity', 'severity', scope, p),
              sortColumn('Finding', 'type', scope, p),
              'Status',
              'Actor',
              'Account',
              'Region',
              sortColumn('First seen', 'firstSeen', scope, p),
              sortColumn('Last seen', 'lastSeen', scope, p),
              numeric('Count'),
            ]}
          >
            {findings.map((f) => (
              <tr key={f.id} className="border-b border-slate-100 hover:bg-slate-50" data-testid="finding-row" data-finding-id={f.id}>
                {canTriage && (
                  <td className={td}>
                    <input type="checkbox" form={BULK_FORM} name="id" value={f.id} aria-label={`Select ${f.title}`} data-testid="finding-select" />
                  </td>
                )}
                <td className={td}>
                  <SeverityBadge label={f.severityLabel} severity={f.severity} />
                </td>
                <td className={td}>
                  <Link href={findingHref(f.id, scope)} className="font-medium text-indigo-700 hover:underline">
                    {f.title}
                  </Link>
                  <p className="font-mono text-[11px] text-slate-500">
                    {f.type} · {f.source === 'guardduty' ? 'GuardDuty' : 'detection'}
                  </p>
                  <TechniqueChips ids={f.techniques} listHref={(id) => listHref(scope, p, { technique: id })} />
                </td>
                <td className={td}>
                  <StatusBadge status={f.status} />
                  {f.assignee && <p className="mt-0.5 text-[11px] text-slate-500">{f.assignee}</p>}
                </td>
                <td className={`${td} max-w-56 break-all font-mono text-xs`}>{actorLabel(f)}</td>
                <td className={`${td} font-mono text-xs`}>{f.accountId ?? '—'}</td>
                <td className={`${td} whitespace-nowrap text-xs`}>{f.region ?? '—'}</td>
                <td className={`${td} text-xs`}>{shortTime(f.firstSeen)}</td>
                <td className={`${td} text-xs`}>{shortTime(f.lastSeen)}</td>
                <td className={`${td} text-right tabular-nums`}>{formatCount(f.count)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <Card title="What Trailscope detects">
        <details>
          <summary className="cursor-pointer text-sm text-slate-700">{DETECTION_RULES.length} rules: what each matches, its false positives, its ATT&CK techniques</summary>
          <dl className="mt-3 space-y-3 text-sm" data-testid="detection-rules">
            {DETECTION_RULES.map((r) => (
              <div key={r.id}>
                <dt className="flex flex-wrap items-center gap-2 font-medium">
                  <SeverityBadge label={severityLabelOf(r.severity)} severity={r.severity} /> {r.title}
                  <span className="font-mono text-[11px] font-normal text-slate-500">{r.type}</span>
                  <TechniqueChips ids={techniquesOf({ source: 'detection', type: r.type, rule: r.id, resources: [] })} listHref={(id) => listHref(scope, p, { technique: id })} />
                </dt>
                <dd className="text-slate-600">{r.description}</dd>
              </div>
            ))}
          </dl>
        </details>
      </Card>
    </div>
  );
}
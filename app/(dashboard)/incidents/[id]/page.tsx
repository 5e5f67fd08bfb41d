import Link from 'next/link';
import { Card, Field } from '@/components/card';
import { CopyLink } from '@/components/copy-link';
import { DataTable } from '@/components/data-table';
import { Notice } from '@/components/notice';
import { SeverityBadge } from '@/components/findings/severity-badge';
import { StatusBadge } from '@/components/findings/status-badge';
import { TechniqueChips } from '@/components/findings/technique-chips';
import { RoleGraphView } from '@/components/graph/role-graph';
import { ScopeGapNotice } from '@/components/coverage/gap-notice';
import { auditEntity } from '@/lib/audit/entity';
import { auditPageView } from '@/lib/audit/page-view';
import { getConnection } from '@/lib/engine';
import { findingHref, findingsHref } from '@/lib/findings/params';
import { formatCount, formatTime, shortTime } from '@/lib/format';
import { loadPageUrl } from '@/lib/http/page-params';
import { getIncident } from '@/lib/incidents/load';
import { NO_SCOPE } from '@/lib/params/scope';
import { roleSessionHref } from '@/lib/role-sessions/profile-params';
import { userHref } from '@/lib/profiles/params';
import { eventsHref } from '@/lib/events/params';
import { reportHref } from '@/lib/reports/params';
import { toHref as listHref } from '../search-params';
import { incidentIdParam, queryParams } from './search-params';

export const dynamic = 'force-dynamic';

const td = 'px-2 py-1.5 align-top';
const sessionLabel = (id: string) => id.slice(id.indexOf(':') + 1);

/** One incident: who was behind it, the sessions they used, the findings in order, the chain's graph, one scope for all of it. */
export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { path: id } = await loadPageUrl({}, {
    path: { name: 'incident id', schema: incidentIdParam, value: (await params).id },
    query: queryParams,
    reset: { path: listHref(NO_SCOPE), query: listHref(NO_SCOPE) },
  });
  const incident = await getIncident(id);
  await auditPageView({ entity: auditEntity('incident', id), outcome: incident ? 'ok' : 'failed', detail: incident ? undefined : { reason: 'not found' } });
  if (!incident) {
    return (
      <Notice title="No such incident">
        There is no incident <code>{id}</code>: its findings may have been grouped differently since. <Link className="underline" href={listHref(NO_SCOPE, { status: 'all' })}>See every incident</Link>.
      </Notice>
    );
  }
  const { scope, origin } = incident;
  const conn = await getConnection();
  const [focus, ...rest] = incident.sessions;
  const subject = origin.type === 'iam-user' && origin.arn ? { kind: 'user' as const, id: origin.arn } : focus ? { kind: 'role-session' as const, id: focus } : null;
  return (
    <div className="space-y-5">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Incident · {formatCount(incident.findings.length)} findings</p>
        <p className="font-mono text-xs text-slate-500">{incident.id}</p>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex items-center gap-2 text-2xl font-semibold">
            <SeverityBadge label={incident.severityLabel} severity={incident.severity} /> {incident.title}
          </h1>
          <p className="mt-2 text-sm text-slate-800" data-testid="incident-origin">
            Behind it: <b>{incident.originLabel}</b>
            {origin.type === 'iam-user' && origin.arn ? (
              <>
                {' '}
                <Link className="text-indigo-700 hover:underline" href={userHref(origin.arn, scope)}>
                  profile →
                </Link>
              </>
            ) : null}
          </p>
          <p className="text-xs text-slate-500">
            {incident.open ? 'Open' : 'Closed'} · accounts {incident.accounts.join(', ') || '—'}
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <CopyLink scope={scope} />
          {subject && (
            <Link href={reportHref(subject, scope)} className="rounded bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700" data-testid="incident-report">
              Investigation report
            </Link>
          )}
          <span className="text-xs text-slate-500">
            scope {formatTime(scope.from)} → {formatTime(scope.to)}
          </span>
          <Link href={findingsHref(scope, {}, { status: 'all' })} className="text-xs text-indigo-700 hover:underline">
            Every finding in the scope →
          </Link>
        </div>
      </div>
      <ScopeGapNotice conn={conn} scope={scope} />
      <Card title="Findings, in order">
        <DataTable testId="incident-findings" look="log" columns={['Seen', 'Severity', 'Finding', 'Status', 'Session']}>
          {incident.findings.map((f) => (
            <tr key={f.id} className="border-b border-slate-100" data-testid="incident-finding">
              <td className={`${td} whitespace-nowrap text-xs`}>
                {shortTime(f.firstSeen)}
                {f.lastSeen !== f.firstSeen ? ` – ${shortTime(f.lastSeen)}` : ''}
              </td>
              <td className={td}>
                <SeverityBadge label={f.severityLabel} severity={f.severity} />
              </td>
              <td className={td}>
                <Link href={findingHref(f.id)} className="font-medium text-indigo-700 hover:underline">
                  {f.title}
                </Link>
                <p className="mt-0.5">
                  <TechniqueChips ids={f.techniques} listHref={(t) => findingsHref(NO_SCOPE, {}, { technique: t, status: 'all' })} />
                </p>
              </td>
              <td className={td}>
                <StatusBadge status={f.status} />
              </td>
              <td className={`${td} font-mono text-xs`}>
                {f.actor.sessionId ? (
                  <Link className="text-indigo-700 hover:underline" href={roleSessionHref(f.actor.sessionId, scope)}>
                    {sessionLabel(f.actor.sessionId)}
                  </Link>
                ) : (
                  (f.actor.arn ?? f.actor.principalId ?? '—')
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card title={`Sessions (${incident.sessions.length})`}>
        {incident.sessions.length === 0 ? (
          <p className="text-sm text-slate-500">The findings name no role session: the origin acted with its own credentials.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="incident-sessions">
            {incident.sessions.map((s) => (
              <li key={s} className="flex flex-wrap gap-3">
                <Link className="font-mono text-xs text-indigo-700 hover:underline" href={roleSessionHref(s, scope)}>
                  {s}
                </Link>
                <Link className="text-xs text-slate-600 hover:underline" href={eventsHref(scope, { principal: s })}>
                  its events in the scope →
                </Link>
              </li>
            ))}
          </ul>
        )}
        <dl className="mt-4 grid gap-4 sm:grid-cols-3">
          <Field label="First seen">{formatTime(incident.firstSeen)}</Field>
          <Field label="Last seen">{formatTime(incident.lastSeen)}</Field>
          <Field label="Scope">
            {formatTime(scope.from)} → {formatTime(scope.to)}
          </Field>
        </dl>
      </Card>
      {focus && (
        <div>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">The chain</h2>
          <RoleGraphView focus={`session:${focus}`} scope={scope} initial={{ expand: rest.map((s) => `session:${s}`), selected: null, path: true }} height={480} />
        </div>
      )}
    </div>
  );
}

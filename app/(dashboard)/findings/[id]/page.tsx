import Link from 'next/link';
import { Card, Field } from '@/components/card';
import { CopyLink } from '@/components/copy-link';
import { loadPageUrl } from '@/lib/http/page-params';
import { Notice } from '@/components/notice';
import { OriginLine } from '@/components/origin-line';
import { SqlPanel } from '@/components/sql-panel';
import { SeverityBadge } from '@/components/findings/severity-badge';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { getConnection } from '@/lib/engine';
import { investigationScope, resolveFindingActor } from '@/lib/findings/resolve-actor';
import { getFinding } from '@/lib/findings/store';
import { formatCount, formatTime } from '@/lib/format';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { toHref as roleSessionHref } from '@/app/(dashboard)/role-sessions/[sessionId]/search-params';
import { toHref as userHref } from '@/app/(dashboard)/users/[arn]/search-params';
import { NO_SCOPE } from '@/lib/params/scope';
import { toHref as findingsHref } from '../search-params';
import { findingIdParam, queryParams } from './search-params';
import { getDataRange } from '@/lib/data-range/get-data-range';
import { FindingTriage } from '@/components/findings/finding-triage';
import { FindingActivityList } from '@/components/findings/finding-activity';
import { StatusBadge } from '@/components/findings/status-badge';
import { assignableUsers } from '@/lib/findings/assignees';
import { findingActivity } from '@/lib/findings/workflow';
import { requirePageUser } from '@/lib/auth/page-access';
import { hasRole } from '@/lib/auth/roles';
import { TechniqueChips } from '@/components/findings/technique-chips';
import { ScopeGaps } from '@/components/coverage/scope-gaps';
import { reportHref } from '@/lib/reports/params';

export const dynamic = 'force-dynamic';

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  const { path: findingId } = await loadPageUrl({}, {
    path: { name: 'finding id', schema: findingIdParam, value: (await params).id },
    query: queryParams,
    reset: { path: findingsHref(NO_SCOPE), query: findingsHref(NO_SCOPE) },
  });
  const finding = await getFinding(findingId);
  await auditPageView({ entity: auditEntity('finding', findingId), outcome: finding ? 'ok' : 'failed', detail: finding ? undefined : { reason: 'not found' } });
  if (!finding) {
    return (
      <Notice title="No such finding">
        There is no finding <code>{findingId}</code> in this Trailscope. <Link className="underline" href={findingsHref(NO_SCOPE)}>Back to the findings</Link>.
      </Notice>
    );
  }
  const user = await requirePageUser();
  const canTriage = hasRole(user, 'analyst');
  const conn = await getConnection();
  const [range, activity, assignees] = await Promise.all([getDataRange(conn), findingActivity(finding.id), canTriage ? assignableUsers() : Promise.resolve([])]);
  const actor = await resolveFindingActor(conn, finding, range.first);
  const scope = investigationScope(finding);
  const investigate = actor.sessionId
    ? roleSessionHref(actor.sessionId, scope)
    : actor.arn && /:(user\/|root$)/.test(actor.arn)
      ? userHref(actor.arn, scope)
      : null;

  return (
    <div className="space-y-5">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
          Finding · {finding.source === 'guardduty' ? 'GuardDuty' : 'Trailscope detection'}
        </p>
        <p className="font-mono text-xs text-slate-500">{finding.id}</p>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex items-center gap-2 text-2xl font-semibold">
            <SeverityBadge label={finding.severityLabel} severity={finding.severity} /> {finding.title}
          </h1>
          <p className="font-mono text-xs text-slate-500">{finding.type}</p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <span className="font-medium uppercase tracking-wide text-slate-500">ATT&CK</span>
            <TechniqueChips ids={finding.techniques} listHref={(id) => findingsHref(NO_SCOPE, {}, { technique: id, status: 'all' })} full />
          </p>
          <p className="mt-1 flex items-center gap-2 text-xs text-slate-600">
            <StatusBadge status={finding.status} />
            <span data-testid="finding-assignee">{finding.assignee ? `assigned to ${finding.assignee}` : 'unassigned'}</span>
          </p>
          <p className="mt-2 text-sm text-slate-800" data-testid="finding-actor-sentence">
            {actor.sentence}
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <CopyLink scope={scope} />
          {investigate ? (
            <Link href={investigate} className="rounded bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700" data-testid="investigate">
              Investigate
            </Link>
          ) : (
            <span className="text-xs text-slate-500">No role session or user to open: the actor is not in the data.</span>
          )}
          <span className="text-xs text-slate-500">
            scope {formatTime(scope.from)} → {formatTime(scope.to)}
          </span>
          {actor.sessionId && (
            <Link href={roleSessionHref(actor.sessionId, scope, { tab: 'timeline' })} className="text-xs text-indigo-700 hover:underline">
              Timeline of the session →
            </Link>
          )}
          {actor.sessionId && (
            <Link href={reportHref({ kind: 'role-session', id: actor.sessionId }, scope)} className="text-xs text-indigo-700 hover:underline" data-testid="finding-report">
              Investigation report of the session →
            </Link>
          )}
        </div>
      </div>
      {actor.chain && <OriginLine chain={actor.chain} scope={scope} />}
      <ScopeGaps scope={scope} accountId={finding.accountId ?? undefined} region={finding.region ?? undefined} />
      <Card title="What happened" footer={actor.panel ? <SqlPanel query={actor.panel} label="SQL (who used the access key)" /> : undefined}>
        <p className="mb-4 text-sm text-slate-700">{finding.description}</p>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="First seen">{formatTime(finding.firstSeen)}</Field>
          <Field label="Last seen">{formatTime(finding.lastSeen)}</Field>
          <Field label="Count">{formatCount(finding.count)}</Field>
          <Field label="Account / region">
            <span className="font-mono">{finding.accountId ?? '—'}</span> / {finding.region ?? '—'}
          </Field>
          <Field label="Access key">
            {finding.actor.accessKeyId ? (
              <Link className="font-mono text-xs text-indigo-700 hover:underline" href={eventsHref(scope, { accessKeyId: finding.actor.accessKeyId })}>
                {finding.actor.accessKeyId}
              </Link>
            ) : (
              '—'
            )}
          </Field>
          <Field label="Principal">
            <span className="break-all font-mono text-xs">{finding.actor.arn ?? finding.actor.principalId ?? finding.actor.userName ?? '—'}</span>
          </Field>
          <Field label="User type">{finding.actor.userType ?? '—'}</Field>
          <Field label="Role session">
            {actor.sessionId ? (
              <Link className="font-mono text-xs text-indigo-700 hover:underline" href={roleSessionHref(actor.sessionId, scope)}>
                {actor.sessionId}
              </Link>
            ) : (
              '—'
            )}
          </Field>
        </dl>
      </Card>
      <Card title="Triage">
        <div className="grid gap-6 lg:grid-cols-2">
          {canTriage ? (
            <FindingTriage id={finding.id} status={finding.status} assignee={finding.assignee} assignees={assignees} me={user.name} />
          ) : (
            <p className="text-sm text-slate-500">Viewers read the triage; analysts and admins change it.</p>
          )}
          <div>
            <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">History</h3>
            <FindingActivityList activity={activity} />
          </div>
        </div>
      </Card>
      <Card title="Affected resources">
        {finding.resources.length === 0 ? (
          <p className="text-sm text-slate-500">None named.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="finding-resources">
            {finding.resources.map((r) => (
              <li key={`${r.type}:${r.id}`}>
                <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{r.type}</span>
                <span className="break-all font-mono text-xs">{r.id}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`Evidence: ${finding.evidenceEventIds.length} CloudTrail event${finding.evidenceEventIds.length === 1 ? '' : 's'}`}>
        {finding.evidenceEventIds.length === 0 ? (
          <p className="text-sm text-slate-500">The finding names no CloudTrail events; open the actor’s activity with Investigate.</p>
        ) : (
          <ul className="grid gap-1 text-xs sm:grid-cols-2" data-testid="finding-evidence">
            {finding.evidenceEventIds.slice(0, 100).map((e) => (
              <li key={e}>
                <Link className="font-mono text-indigo-700 hover:underline" href={eventsHref(scope, { eventId: e })}>
                  {e}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

import Link from 'next/link';
import { InvalidLink } from '@/components/invalid-link';
import { AssumerChip, UnknownAssumer } from '@/components/assumer-chip';
import { AssumptionsTable } from '@/components/assumptions-table';
import { Card, Field } from '@/components/card';
import { EventsCard } from '@/components/events-card';
import { ProfileShell } from '@/components/profile-shell';
import { ProfileTabs } from '@/components/profile-tabs';
import { SqlPanel } from '@/components/sql-panel';
import { getRoleSessionAttribution } from '@/lib/attribution/role-session';
import { roleNameOf } from '@/lib/attribution/assumer';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { formatCount, formatTime } from '@/lib/format';
import { toHref as roleHref } from '@/app/(dashboard)/roles/[roleArn]/search-params';
import { toHref as roleSessionsHref } from '../search-params';
import { queryParams, sessionIdParam, toHref as roleSessionHref } from './search-params';
import { queryParams as eventSearchParams } from '@/app/(dashboard)/events/search-params';
import { ROLE_SESSION_TABS } from '@/lib/role-sessions/profile-params';
import { searchEvents } from '@/lib/events/search-events';
import { loadPage } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { getSubjectExtent } from '@/lib/subjects/get-subject-extent';
import { SubjectActivity } from '@/components/activity/subject-activity';
import { NewBehaviorTab } from '@/components/new-behavior/new-behavior-tab';
import { OriginLine } from '@/components/origin-line';
import { GraphTab } from '@/components/graph/graph-tab';
import { SessionTimelineCard } from '@/components/session-timeline';
import { getSessionTimeline, timelineMarks } from '@/lib/timeline/get-timeline';
import type { Finding } from '@/lib/findings/types';
import { listFindings } from '@/lib/findings/store';
import { sessionNodeId } from '@/lib/graph/node-id';
import { getChain } from '@/lib/attribution/chain';
import { tryLoadSubjectActivity } from '@/lib/activity/load-activity';
import type { Connection } from '@/lib/engine/types';
import { NO_SCOPE, type Scope } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

export default async function RoleSessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<SearchParamsRecord>;
}) {
  const sp = await searchParams;
  const { page, params: p, path: sessionId } = await loadPage(sp, {
    path: { name: 'session id', schema: sessionIdParam, value: (await params).sessionId },
    query: queryParams,
    reset: { path: roleSessionsHref(NO_SCOPE, {}), query: (id) => roleSessionHref(id, NO_SCOPE) },
  });
  const { conn, scope } = page;
  await auditPageView({ entity: auditEntity('role-session', sessionId), scope, detail: { tab: p.tab } });
  const subject = { kind: 'role-session', principalId: sessionId } as const;

  const attributed = getRoleSessionAttribution(conn, sessionId, scope, page.range.first);
  const [attribution, extent, activity, chain] = await Promise.all([
    attributed,
    getSubjectExtent(conn, subject, scope),
    p.tab === 'overview' ? tryLoadSubjectActivity(conn, subject, scope, p, page.range.first) : null,
    p.tab === 'overview' ? attributed.then((a) => getChain(conn, sessionId, scope, page.range.first, undefined, a)) : null,
  ]);
  if (activity?.error) {
    return <InvalidLink parameter={activity.error.parameter} message={activity.error.message} resetHref={roleSessionHref(sessionId, scope)} />;
  }
  const ext = extent.rows[0];
  // From the scope's activity, else from any of the session's events: a scope without activity still names the role.
  const roleArn = attribution.roleArn ?? ext?.role_arn ?? null;
  const tabHref = (tab: string) => roleSessionHref(sessionId, scope, tab === 'overview' ? {} : { tab });

  return (
    <ProfileShell
      kind="Role session"
      id={sessionId}
      idTestId="session-id"
      report={{ kind: 'role-session', id: sessionId }}
      title={`${roleArn ? roleNameOf(roleArn) : 'Unknown role'} / ${attribution.sessionName}`}
      scope={scope}
      latest={page.range.last}
      tabs={<ProfileTabs tabs={ROLE_SESSION_TABS} active={p.tab} hrefFor={tabHref} />}
    >
      {p.tab === 'overview' && (
        <>
          {chain && <OriginLine chain={chain} scope={scope} />}
          <Card
            title="Role session details"
            footer={
              <div className="space-y-1">
                <SqlPanel query={extent} label="SQL (first/last observed)" />
                <SqlPanel query={attribution.panels.credentials} label="SQL (credentials used)" />
                <SqlPanel query={attribution.panels.assumeRoleEvents} label="SQL (AssumeRole calls)" />
              </div>
            }
          >
            <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              <Field label="Role">
                {roleArn ? (
                  <Link href={roleHref(roleArn, scope)} className="font-mono text-xs text-indigo-700 hover:underline" title={roleArn}>
                    {roleArn}
                  </Link>
                ) : (
                  '—'
                )}
              </Field>
              <Field label="Account">
                <span className="font-mono">{attribution.accountId ?? '—'}</span>
              </Field>
              <Field label="Session name">
                <span className="font-mono">{attribution.sessionName}</span>
              </Field>
              <Field label="Assumed by">
                <div className="flex flex-col gap-1" data-testid="assumed-by">
                  {attribution.assumedBy.map((b) => (
                    <AssumerChip key={b.assumer.key} by={b} scope={scope} />
                  ))}
                  {attribution.unattributed.length > 0 && <UnknownAssumer count={attribution.unattributed.length} />}
                  {attribution.assumedBy.length === 0 && attribution.unattributed.length === 0 && <span className="text-slate-500">no activity in the scope</span>}
                </div>
              </Field>
              <Field label="First observed">{formatTime(ext?.first)}</Field>
              <Field label="Last observed">{formatTime(ext?.last)}</Field>
              <Field label="Events (all data)">{formatCount(ext?.events ?? 0)}</Field>
              <Field label="Credentials used in scope">{formatCount(attribution.credentials.length)}</Field>
            </dl>
          </Card>
          {activity?.data && <SubjectActivity data={activity.data} subject={subject} scope={scope} />}
          <Card title="Assumptions in the scope">
            <AssumptionsTable credentials={attribution.credentials} scope={scope} />
          </Card>
        </>
      )}

      {p.tab === 'new-behavior' && (
        <NewBehaviorTab
          conn={conn}
          subject={subject}
          scope={scope}
          baselineDays={p.baseline}
          storeFirstEvent={page.range.first}
          baselineHref={(days) => roleSessionHref(sessionId, scope, { tab: 'new-behavior', baseline: String(days) })}
        />
      )}

      {p.tab === 'timeline' && (
        <SessionTimelineCard
          timeline={await getSessionTimeline(conn, sessionId, scope, timelineMarks(sessionId, attribution, await findingsAbout(sessionId, scope), scope))}
          scope={scope}
        />
      )}

      {p.tab === 'graph' && <GraphTab focus={sessionNodeId(sessionId)} scope={scope} searchParams={sp} resetHref={tabHref('graph')} />}

      {p.tab === 'events' && <SessionEvents sessionId={sessionId} scope={scope} cursor={p.cursor} conn={conn} />}
    </ProfileShell>
  );
}

async function SessionEvents({
  sessionId,
  scope,
  cursor,
  conn,
}: {
  sessionId: string;
  scope: Scope;
  cursor: string | undefined;
  conn: Connection;
}) {
  const result = await searchEvents(conn, eventSearchParams.parse({ principal: sessionId, cursor, limit: '100' }), scope);
  return (
    <EventsCard
      title={`${result.events.length}${result.nextCursor ? '+' : ''} events in the scope`}
      result={result}
      olderHref={result.nextCursor ? roleSessionHref(sessionId, scope, { tab: 'events', cursor: result.nextCursor }) : null}
    />
  );
}

/** Findings whose actor is this session, seen in the scope. */
async function findingsAbout(sessionId: string, scope: Scope): Promise<Finding[]> {
  return listFindings({ from: scope.from, to: scope.to, actor: sessionId, limit: 1000 });
}

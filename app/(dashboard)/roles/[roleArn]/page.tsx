import { Card, Field } from '@/components/card';
import { InvalidLink } from '@/components/invalid-link';
import { AssumedRolesTable, InvolvedSessionsTable, RoleAssumersTable } from '@/components/interaction-tables';
import { ProfileShell } from '@/components/profile-shell';
import { SqlPanel } from '@/components/sql-panel';
import { roleNameOf } from '@/lib/attribution/assumer';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { getRoleInteractions } from '@/lib/attribution/role-interactions';
import { formatCount, formatTime } from '@/lib/format';
import { loadPage } from '@/lib/http/page-params';
import { NO_SCOPE } from '@/lib/params/scope';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { getSubjectExtent } from '@/lib/subjects/get-subject-extent';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NewBehaviorTab } from '@/components/new-behavior/new-behavior-tab';
import { ProfileTabs, profileTabs } from '@/components/profile-tabs';
import { GraphTab } from '@/components/graph/graph-tab';
import { roleNodeId } from '@/lib/graph/node-id';
import { SubjectActivity } from '@/components/activity/subject-activity';
import { tryLoadSubjectActivity } from '@/lib/activity/load-activity';
import { toHref as roleSessionsHref } from '@/app/(dashboard)/role-sessions/search-params';
import { queryParams, roleArnParam, toHref } from './search-params';

export const dynamic = 'force-dynamic';

export default async function RolePage({ params, searchParams }: { params: Promise<{ roleArn: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const sp = await searchParams;
  const load = await loadPage(sp, {
    path: { name: 'role ARN', schema: roleArnParam, value: (await params).roleArn },
    query: queryParams,
    reset: { path: roleSessionsHref(NO_SCOPE, {}), query: (arn) => toHref(arn, NO_SCOPE) },
  });
  const roleArn = load.path;
  const { conn, scope, range } = load.page;
  await auditPageView({ entity: auditEntity('role', roleArn), scope, detail: { tab: load.params.tab } });
  const subject = { kind: 'role', arn: roleArn } as const;
  const self = (extra: Record<string, string | number | undefined>) => toHref(roleArn, scope, extra);
  const shell = (content: ReactNode) => (
    <ProfileShell
      kind="Role"
      id={roleArn}
      report={{ kind: 'role', id: roleArn }}
      title={roleNameOf(roleArn)}
      scope={scope}
      latest={range.last}
      tabs={<ProfileTabs tabs={profileTabs(true)} active={load.params.tab} hrefFor={(tab) => self({ tab: tab === 'overview' ? undefined : tab })} />}
    >
      {content}
    </ProfileShell>
  );
  if (load.params.tab === 'graph') return shell(<GraphTab focus={roleNodeId(roleArn)} scope={scope} searchParams={sp} resetHref={self({ tab: 'graph' })} />);
  if (load.params.tab === 'new-behavior') {
    const baselineHref = (days: number) => self({ tab: 'new-behavior', baseline: days });
    return shell(<NewBehaviorTab conn={conn} subject={subject} scope={scope} baselineDays={load.params.baseline} storeFirstEvent={range.first} baselineHref={baselineHref} />);
  }
  const [extent, interactions, activity] = await Promise.all([
    getSubjectExtent(conn, subject, scope),
    getRoleInteractions(conn, roleArn, scope),
    tryLoadSubjectActivity(conn, subject, scope, load.params, range.first),
  ]);
  if (activity.error) return <InvalidLink parameter={activity.error.parameter} message={activity.error.message} resetHref={toHref(roleArn, NO_SCOPE)} />;
  const ext = extent.rows[0];

  return shell(
    <>
      <Card title="Role details" footer={<SqlPanel query={extent} label="SQL (first/last observed)" />}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <Field label="Account">
            <span className="font-mono">{/^arn:[^:]*:iam::(\d{12})/.exec(roleArn)?.[1]}</span>
          </Field>
          <Field label="First observed">{formatTime(ext?.first)}</Field>
          <Field label="Last observed">{formatTime(ext?.last)}</Field>
          <Field label="Sessions (all data)">
            <Link className="text-indigo-700 hover:underline" href={roleSessionsHref(scope, { role: roleArn })}>
              {formatCount(ext?.sessions ?? 0)}
            </Link>
          </Field>
          <Field label="Events (all data)">{formatCount(ext?.events ?? 0)}</Field>
        </dl>
      </Card>
      <Card title="Resource interaction" footer={<SqlPanel query={interactions.panel} label="SQL (AssumeRole calls)" />}>
        <div className="space-y-6">
          <section>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">Resources that assumed this role</h3>
            <RoleAssumersTable rows={interactions.assumedBy} scope={scope} />
          </section>
          <section>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">Assumed roles</h3>
            <AssumedRolesTable rows={interactions.assumedRoles} scope={scope} />
          </section>
          <section>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">Sessions involved</h3>
            <InvolvedSessionsTable rows={interactions.sessions} scope={scope} />
          </section>
        </div>
      </Card>
      <SubjectActivity data={activity.data} subject={subject} scope={scope} />
    </>,
  );
}

import Link from 'next/link';
import { InvalidLink } from '@/components/invalid-link';
import { SubjectActivity } from '@/components/activity/subject-activity';
import { Card, Field } from '@/components/card';
import { CountLink } from '@/components/count-link';
import { RolesAssumedTable } from '@/components/roles-assumed-table';
import { ProfileShell } from '@/components/profile-shell';
import { SqlPanel } from '@/components/sql-panel';
import { tryLoadSubjectActivity } from '@/lib/activity/load-activity';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { formatCount, formatTime } from '@/lib/format';
import { toHref as ipHref } from '@/app/(dashboard)/ips/[ip]/search-params';
import { queryParams, serviceNameParam, toHref as serviceHref } from './search-params';
import { extentEventsHref } from '@/lib/profiles/profile-links';
import { rolesAssumedLines } from '@/lib/profiles/roles-assumed-model';
import { getServiceAssumptions } from '@/lib/profiles/service-profile';
import { loadPage } from '@/lib/http/page-params';
import { NO_SCOPE } from '@/lib/params/scope';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { getSubjectExtent } from '@/lib/subjects/get-subject-extent';

export const dynamic = 'force-dynamic';

const link = 'text-indigo-700 hover:underline';

export default async function ServicePage({ params, searchParams }: { params: Promise<{ name: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const load = await loadPage(await searchParams, {
    path: { name: 'service', schema: serviceNameParam, value: (await params).name },
    query: queryParams,
    reset: { path: '/', query: (n) => serviceHref(n, NO_SCOPE) },
  });
  const name = load.path;
  const { conn, scope, range } = load.page;
  await auditPageView({ entity: auditEntity('service', name), scope });
  const subject = { kind: 'service', name } as const;
  const [extent, assumptions, activity] = await Promise.all([
    getSubjectExtent(conn, subject, scope),
    getServiceAssumptions(conn, name, scope),
    tryLoadSubjectActivity(conn, subject, scope, load.params, range.first),
  ]);
  if (activity.error) return <InvalidLink parameter={activity.error.parameter} message={activity.error.message} resetHref={serviceHref(name, scope)} />;
  const ext = extent.rows[0];
  const allEvents = extentEventsHref(ext, { principal: name });
  const lines = rolesAssumedLines(assumptions.rolesAssumed, name, scope);

  return (
    <ProfileShell kind="AWS service" id={name} title={name} scope={scope} latest={range.last}>
      <Card title="Service details" footer={<SqlPanel query={extent} label="SQL (first/last observed)" />}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <Field label="Service principal">
            <span className="font-mono">{name}</span>
          </Field>
          <Field label="First observed">{formatTime(ext?.first)}</Field>
          <Field label="Last observed">{formatTime(ext?.last)}</Field>
          <Field label="Events (all data)">{allEvents ? <CountLink value={ext?.events ?? 0} href={allEvents} /> : formatCount(ext?.events ?? 0)}</Field>
          <Field label="As a source address">
            <Link href={ipHref(name, scope)} className={`text-xs ${link}`}>
              calls from {name} →
            </Link>
          </Field>
        </dl>
      </Card>
      <Card title="Roles assumed on behalf of resources in the scope" footer={<SqlPanel query={assumptions.panel} label="SQL (AssumeRole calls)" />}>
        <p className="mb-3 text-xs text-slate-500">
          The service assumes these roles for the resources it runs; each session is named after its resource (an instance id, a function, a task).
        </p>
        <RolesAssumedTable
          lines={lines}
          empty="This service assumed no role in the scope."
          sessionsHeader="Sessions (resources)"
          countTitle="Opens the service's calls of the same API in the scope"
        />
        {assumptions.capped && <p className="mt-2 text-xs text-amber-700">Only the first 5,000 AssumeRole calls are counted; narrow the scope to see all.</p>}
      </Card>
      <SubjectActivity data={activity.data} subject={subject} scope={scope} />
    </ProfileShell>
  );
}


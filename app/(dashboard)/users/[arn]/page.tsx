import Link from 'next/link';
import type { ReactNode } from 'react';
import { InvalidLink } from '@/components/invalid-link';
import { SubjectActivity } from '@/components/activity/subject-activity';
import { NewBehaviorTab } from '@/components/new-behavior/new-behavior-tab';
import { ProfileTabs, profileTabs } from '@/components/profile-tabs';
import { GraphTab } from '@/components/graph/graph-tab';
import { Card, Field } from '@/components/card';
import { CountLink } from '@/components/count-link';
import { DataTable, Empty, num, numeric, SeenCells, td, TimeCell } from '@/components/data-table';
import { RolesAssumedTable } from '@/components/roles-assumed-table';
import { ProfileShell } from '@/components/profile-shell';
import { SqlPanel } from '@/components/sql-panel';
import { tryLoadSubjectActivity } from '@/lib/activity/load-activity';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { formatCount, formatTime } from '@/lib/format';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { queryParams, toHref as userHref, userProfileArnParam } from './search-params';
import { NO_SCOPE, type Scope } from '@/lib/params/scope';
import { KEY_KIND_LABELS, type AccessKeyUsage } from '@/lib/profiles/access-keys';
import { extentEventsHref, ipProfileHref } from '@/lib/profiles/profile-links';
import { rolesAssumedLines } from '@/lib/profiles/roles-assumed-model';
import { USER_ARN_LABELS } from '@/lib/profiles/user-arn';
import { getUserProfile } from '@/lib/profiles/user-profile';
import { loadPage } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { getSubjectExtent } from '@/lib/subjects/get-subject-extent';

export const dynamic = 'force-dynamic';

const link = 'text-indigo-700 hover:underline';

export default async function UserPage({ params, searchParams }: { params: Promise<{ arn: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const sp = await searchParams;
  const load = await loadPage(sp, {
    path: { name: 'user ARN', schema: userProfileArnParam, value: (await params).arn },
    query: queryParams,
    reset: { path: '/', query: (u) => userHref(u.arn, NO_SCOPE) },
  });
  const { arn, user } = load.path;
  const { conn, scope, range } = load.page;
  await auditPageView({ entity: auditEntity('user', arn), scope, detail: { tab: load.params.tab } });
  const subject = { kind: 'user', arn } as const;
  // Federated users (GetFederationToken) assume no roles: no graph for them.
  const graphFocus = user.kind === 'iam-user' ? `user:${arn}` : user.kind === 'root' ? `root:${user.accountId}` : null;
  const shell = (content: ReactNode) => (
    <ProfileShell
      kind={USER_ARN_LABELS[user.kind]}
      id={arn}
      idTestId="user-arn"
      report={user.kind === 'iam-user' ? { kind: 'user', id: arn } : undefined}
      title={user.kind === 'root' ? `root (${user.accountId})` : user.name}
      scope={scope}
      latest={range.last}
      tabs={
        <ProfileTabs
          tabs={profileTabs(graphFocus !== null)}
          active={load.params.tab}
          hrefFor={(tab) => userHref(arn, scope, { tab: tab === 'overview' ? undefined : tab })}
        />
      }
    >
      {content}
    </ProfileShell>
  );
  if (load.params.tab === 'graph' && graphFocus) return shell(<GraphTab focus={graphFocus} scope={scope} searchParams={sp} resetHref={userHref(arn, scope)} />);
  if (load.params.tab === 'new-behavior') {
    const baselineHref = (days: number) => userHref(arn, scope, { tab: 'new-behavior', baseline: days });
    return shell(<NewBehaviorTab conn={conn} subject={subject} scope={scope} baselineDays={load.params.baseline} storeFirstEvent={range.first} baselineHref={baselineHref} />);
  }
  const [extent, profile, activity] = await Promise.all([
    getSubjectExtent(conn, subject, scope),
    getUserProfile(conn, arn, scope),
    tryLoadSubjectActivity(conn, subject, scope, load.params, range.first),
  ]);
  if (activity.error) return <InvalidLink parameter={activity.error.parameter} message={activity.error.message} resetHref={userHref(arn, scope)} />;
  const ext = extent.rows[0];
  const allEvents = extentEventsHref(ext, { principal: arn });

  return shell(
    <>
      <Card title="User details" footer={<SqlPanel query={extent} label="SQL (first/last observed)" />}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6">
          <Field label="Type">{USER_ARN_LABELS[user.kind]}</Field>
          <Field label="Account">
            <Link className={`font-mono ${link}`} href={eventsHref(scope, { account: user.accountId })} title="Events logged in this account in the scope">
              {user.accountId}
            </Link>
          </Field>
          <Field label="User name">
            <span className="font-mono">{user.name}</span>
          </Field>
          <Field label="First observed">{formatTime(ext?.first)}</Field>
          <Field label="Last observed">{formatTime(ext?.last)}</Field>
          <Field label="Events (all data)">{allEvents ? <CountLink value={ext?.events ?? 0} href={allEvents} /> : formatCount(ext?.events ?? 0)}</Field>
        </dl>
      </Card>
      <Card
        title="Roles assumed in the scope"
        footer={
          profile.assumptionsPanel ? (
            <SqlPanel query={profile.assumptionsPanel} label="SQL (AssumeRole calls)" />
          ) : (
            <p className="text-xs text-slate-500">No AssumeRole query ran: the user made no call in the scope.</p>
          )
        }
      >
        <RolesAssumedTable
          lines={rolesAssumedLines(profile.rolesAssumed, arn, scope)}
          empty="This user assumed no role in the scope."
          countTitle="Opens this user's calls of the same API in the scope"
        />
      </Card>
      <Card title="Access keys used in the scope" footer={<SqlPanel query={profile.keysPanel} label="SQL (access keys)" />}>
        <AccessKeysTable keys={profile.accessKeys} arn={arn} scope={scope} />
        {profile.keysCapped && <p className="mt-2 text-xs text-amber-700">Only the newest key and address pairs are shown; narrow the scope to see all.</p>}
      </Card>
      <SubjectActivity data={activity.data} subject={subject} scope={scope} />
    </>,
  );
}

function AccessKeysTable({ keys, arn, scope }: { keys: AccessKeyUsage[]; arn: string; scope: Scope }) {
  if (keys.length === 0) return <Empty>No call by this user in the scope.</Empty>;
  return (
    <DataTable testId="access-keys" columns={['Access key', 'Kind', 'Session issued', 'Source IPs', 'First', 'Last', numeric('Calls'), numeric('Failed')]}>
      {keys.map((k) => {
        // Calls without a key (the console sign-in) cannot be selected on /events apart from the others.
        const filters = k.accessKeyId ? { principal: arn, accessKeyId: k.accessKeyId } : null;
        return (
          <tr key={k.accessKeyId ?? 'none'} className="border-b border-slate-100 align-top" data-testid="access-key-row">
            <td className={`${td} font-mono`}>{k.accessKeyId ?? '—'}</td>
            <td className={td}>
              {KEY_KIND_LABELS[k.kind]}
              {k.mfa && <span className="ml-1 rounded bg-emerald-100 px-1 text-emerald-800">MFA</span>}
            </td>
            <TimeCell iso={k.sessionCreated} />
            <td className={`${td} font-mono`}>
              {k.sourceIps.map((ip) => {
                const ipLink = ipProfileHref(ip, scope);
                return ipLink ? (
                  <Link key={ip} href={ipLink} className={`mr-2 ${link}`}>
                    {ip}
                  </Link>
                ) : (
                  <span key={ip} className="mr-2">
                    {ip}
                  </span>
                );
              })}
            </td>
            <SeenCells first={k.firstSeen} last={k.lastSeen} />
            <td className={num}>{filters ? <CountLink value={k.events} href={eventsHref(scope, filters)} /> : formatCount(k.events)}</td>
            <td className={num}>
              {filters ? <CountLink value={k.failed} href={eventsHref(scope, { ...filters, errorCode: '*' })} tone="failed" /> : formatCount(k.failed)}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

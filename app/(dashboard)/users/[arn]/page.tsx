import Link from 'next/link';
import { InvalidLink } from '@/components/invalid-link';
import { SubjectActivity } from '@/components/activity/subject-activity';
import { NewBehaviorTab } from '@/components/new-behavior/new-behavior-tab';
import { ProfileTabs } from '@/components/profile-tabs';
import { GraphTab } from '@/components/graph/graph-tab';
import { Card, Field } from '@/components/card';
import { CountLink } from '@/components/count-link';
import { RolesAssumedTable } from '@/components/roles-assumed-table';
import { PageHeader } from '@/components/page-header';
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

const th = 'px-2 py-2 font-medium';
const td = 'px-2 py-1.5';
const short = (iso: string | null) => formatTime(iso).replace(' UTC', '');
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
  const header = (
    <>
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{USER_ARN_LABELS[user.kind]}</p>
        <p className="font-mono text-xs text-slate-500" data-testid="user-arn">
          {arn}
        </p>
      </div>
      <PageHeader title={user.kind === 'root' ? `root (${user.accountId})` : user.name} scope={scope} latest={range.last} />
      <ProfileTabs graph={graphFocus !== null} active={load.params.tab} hrefFor={(tab) => userHref(arn, scope, { tab: tab === 'overview' ? undefined : tab })} />
    </>
  );
  if (load.params.tab === 'graph' && graphFocus) {
    return (
      <div className="space-y-5">
        {header}
        <GraphTab focus={graphFocus} scope={scope} searchParams={sp} resetHref={userHref(arn, scope)} />
      </div>
    );
  }
  if (load.params.tab === 'new-behavior') {
    return (
      <div className="space-y-5">
        {header}
        <NewBehaviorTab
          conn={conn}
          subject={subject}
          scope={scope}
          baselineDays={load.params.baseline}
          storeFirstEvent={range.first}
          baselineHref={(days) => userHref(arn, scope, { tab: 'new-behavior', baseline: days })}
        />
      </div>
    );
  }
  const [extent, profile, activity] = await Promise.all([
    getSubjectExtent(conn, subject, scope),
    getUserProfile(conn, arn, scope),
    tryLoadSubjectActivity(conn, subject, scope, load.params, range.first),
  ]);
  if (activity.error) return <InvalidLink parameter={activity.error.parameter} message={activity.error.message} resetHref={userHref(arn, scope)} />;
  const ext = extent.rows[0];
  const allEvents = extentEventsHref(ext, { principal: arn });

  return (
    <div className="space-y-5">
      {header}
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
    </div>
  );
}

function AccessKeysTable({ keys, arn, scope }: { keys: AccessKeyUsage[]; arn: string; scope: Scope }) {
  if (keys.length === 0) return <p className="text-sm text-slate-500">No call by this user in the scope.</p>;
  return (
    <table className="w-full text-xs" data-testid="access-keys">
      <thead>
        <tr className="border-b border-slate-200 text-left uppercase tracking-wide text-slate-500">
          <th className={th}>Access key</th>
          <th className={th}>Kind</th>
          <th className={th}>Session issued</th>
          <th className={th}>Source IPs</th>
          <th className={th}>First</th>
          <th className={th}>Last</th>
          <th className={`${th} text-right`}>Calls</th>
          <th className={`${th} text-right`}>Failed</th>
        </tr>
      </thead>
      <tbody>
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
              <td className={`${td} whitespace-nowrap font-mono`}>{k.sessionCreated ? short(k.sessionCreated) : '—'}</td>
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
              <td className={`${td} whitespace-nowrap font-mono`}>{short(k.firstSeen)}</td>
              <td className={`${td} whitespace-nowrap font-mono`}>{short(k.lastSeen)}</td>
              <td className={`${td} text-right tabular-nums`}>{filters ? <CountLink value={k.events} href={eventsHref(scope, filters)} /> : formatCount(k.events)}</td>
              <td className={`${td} text-right tabular-nums`}>
                {filters ? <CountLink value={k.failed} href={eventsHref(scope, { ...filters, errorCode: '*' })} tone="failed" /> : formatCount(k.failed)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

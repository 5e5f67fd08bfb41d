import Link from 'next/link';
import { InvalidLink } from '@/components/invalid-link';
import { SubjectActivity } from '@/components/activity/subject-activity';
import { Card, Field } from '@/components/card';
import { CountLink } from '@/components/count-link';
import { DataTable, Empty, num, numeric, SeenCells, td } from '@/components/data-table';
import { ProfileShell } from '@/components/profile-shell';
import { SqlPanel } from '@/components/sql-panel';
import { tryLoadSubjectActivity } from '@/lib/activity/load-activity';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { formatCount, formatTime } from '@/lib/format';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { ipParam, queryParams, toHref as ipHref } from './search-params';
import { toHref as serviceHref } from '@/app/(dashboard)/services/[name]/search-params';
import { NO_SCOPE, type Scope } from '@/lib/params/scope';
import type { IpPrincipal } from '@/lib/profiles/ip-principals';
import { ipKind, type IpKindName } from '@/lib/profiles/ip-kind';
import { getIpPrincipals } from '@/lib/profiles/ip-profile';
import { extentEventsHref } from '@/lib/profiles/profile-links';
import { loadPage } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { getSubjectExtent } from '@/lib/subjects/get-subject-extent';

export const dynamic = 'force-dynamic';

const link = 'text-indigo-700 hover:underline';

const KIND_TONE: Record<IpKindName, string> = {
  public: 'bg-sky-100 text-sky-900',
  private: 'bg-violet-100 text-violet-900',
  special: 'bg-amber-100 text-amber-900',
  'aws-service': 'bg-slate-200 text-slate-800',
  invalid: 'bg-red-100 text-red-900',
};

export default async function IpPage({ params, searchParams }: { params: Promise<{ ip: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const load = await loadPage(await searchParams, {
    path: { name: 'IP address', schema: ipParam, value: (await params).ip },
    query: queryParams,
    reset: { path: '/', query: (i) => ipHref(i, NO_SCOPE) },
  });
  const ip = load.path;
  const { conn, scope, range } = load.page;
  await auditPageView({ entity: auditEntity('ip', ip), scope });
  const subject = { kind: 'ip', ip } as const;
  const [extent, users, activity] = await Promise.all([
    getSubjectExtent(conn, subject, scope),
    getIpPrincipals(conn, ip, scope),
    tryLoadSubjectActivity(conn, subject, scope, load.params, range.first),
  ]);
  if (activity.error) return <InvalidLink parameter={activity.error.parameter} message={activity.error.message} resetHref={ipHref(ip, scope)} />;
  const ext = extent.rows[0];
  const kind = ipKind(ip);
  const allEvents = extentEventsHref(ext, { ip });

  return (
    <ProfileShell kind="IP address" id={ip} title={ip} scope={scope} latest={range.last}>
      <Card title="IP address details" footer={<SqlPanel query={extent} label="SQL (first/last observed)" />}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <Field label="What it is">
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${KIND_TONE[kind.kind]}`} data-testid="ip-kind">
              {kind.label}
            </span>
            {kind.service && (
              <Link href={serviceHref(kind.service, scope)} className={`ml-2 text-xs ${link}`}>
                service profile →
              </Link>
            )}
          </Field>
          <Field label="First observed">{formatTime(ext?.first)}</Field>
          <Field label="Last observed">{formatTime(ext?.last)}</Field>
          <Field label="Events (all data)">{allEvents ? <CountLink value={ext?.events ?? 0} href={allEvents} /> : formatCount(ext?.events ?? 0)}</Field>
          <Field label="Principals in the scope">
            {formatCount(users.principals.length)}
            {users.capped ? '+' : ''}
          </Field>
        </dl>
      </Card>
      <Card title="Principals that used this address in the scope" footer={<SqlPanel query={users.panel} label="SQL (principals)" />}>
        <PrincipalsTable principals={users.principals} ip={ip} scope={scope} />
        {users.capped && <p className="mt-2 text-xs text-amber-700">Only the busiest principals are shown; narrow the scope to see all.</p>}
      </Card>
      <SubjectActivity data={activity.data} subject={subject} scope={scope} />
    </ProfileShell>
  );
}

function PrincipalsTable({ principals, ip, scope }: { principals: IpPrincipal[]; ip: string; scope: Scope }) {
  if (principals.length === 0) return <Empty>No call came from this address in the scope.</Empty>;
  return (
    <DataTable testId="ip-principals" columns={['Principal', 'Type', 'Account', 'First', 'Last', numeric('Calls'), numeric('Failed')]}>
      {principals.map((p) => {
        const filters = p.eventsPrincipal ? { ip, principal: p.eventsPrincipal } : null;
        return (
          <tr key={p.key} className="border-b border-slate-100 align-top" data-testid="ip-principal-row">
            <td className={`${td} max-w-[22rem] truncate font-mono`}>
              {p.profileHref ? (
                <Link href={p.profileHref} className={link} title={p.eventsPrincipal ?? p.label}>
                  {p.label}
                </Link>
              ) : (
                <span title={p.eventsPrincipal ?? p.label}>{p.label}</span>
              )}
            </td>
            <td className={td}>{p.typeLabel}</td>
            <td className={`${td} font-mono`}>{p.accountId ?? '—'}</td>
            <SeenCells first={p.firstSeen} last={p.lastSeen} />
            <td className={`${num} whitespace-nowrap`}>
              {p.roleAccountCopies > 0 && (
                <span className="mr-1.5 text-slate-400" title="The role's account logged its own copy of these cross-account AssumeRole calls">
                  +{formatCount(p.roleAccountCopies)} copies
                </span>
              )}
              {filters ? <CountLink value={p.events} href={eventsHref(scope, filters)} /> : formatCount(p.events)}
            </td>
            <td className={num}>
              {filters ? <CountLink value={p.failed} href={eventsHref(scope, { ...filters, errorCode: '*' })} tone="failed" /> : formatCount(p.failed)}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

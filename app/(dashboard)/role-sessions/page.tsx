import Link from 'next/link';
import { AssumerChip, UnknownAssumer } from '@/components/assumer-chip';
import { Card } from '@/components/card';
import { CallCountCells } from '@/components/count-link';
import { DataTable, Empty } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { SqlPanel } from '@/components/sql-panel';
import { shortTime } from '@/lib/format';
import { toHref as roleHref } from '@/app/(dashboard)/roles/[roleArn]/search-params';
import { toHref as roleSessionHref } from './[sessionId]/search-params';
import { NO_SCOPE } from '@/lib/params/scope';
import { path, queryParams, toHref, type RoleSessionListParams, type RoleSessionSort } from './search-params';
import { loadPage } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { listRoleSessions } from '@/lib/role-sessions/list-role-sessions';

export const dynamic = 'force-dynamic';

const FILTERS = [
  { name: 'account', label: 'Account' },
  { name: 'role', label: 'Role (ARN or name)' },
  { name: 'sessionName', label: 'Session name' },
  { name: 'assumer', label: 'Assumed by (ARN, user, subject, service)' },
] as const;

export default async function RoleSessionsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { page, params } = await loadPage(await searchParams, { query: queryParams, reset: { query: toHref(NO_SCOPE, {}) } });
  const { scope } = page;
  const result = await listRoleSessions(page.conn, params, scope, page.range.first);
  const state = (over: Partial<RoleSessionListParams>) => toHref(scope, { ...params, ...over });
  const sortLink = (sort: RoleSessionSort, label: string) => {
    const active = params.sort === sort;
    const next = active && params.order === 'desc' ? 'asc' : 'desc';
    return (
      <Link href={state({ sort, order: next, cursor: undefined })} className={active ? 'text-slate-900' : 'hover:text-slate-700'}>
        {label}
        {active ? (params.order === 'desc' ? ' ↓' : ' ↑') : ''}
      </Link>
    );
  };

  return (
    <div className="space-y-5">
      <PageHeader title="Role sessions" scope={scope} latest={page.range.last} />
      <form method="get" action={path} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5" aria-label="Role session filters">
        <input type="hidden" name="from" value={scope.from} />
        <input type="hidden" name="to" value={scope.to} />
        {FILTERS.map((f) => (
          <label key={f.name} className="flex flex-col text-xs font-medium text-slate-600">
            {f.label}
            <input name={f.name} defaultValue={params[f.name] ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1.5 font-mono text-sm font-normal text-slate-900" autoComplete="off" spellCheck={false} />
          </label>
        ))}
        <div className="flex items-end">
          <button type="submit" className="rounded bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">
            Filter
          </button>
        </div>
      </form>
      <Card
        title={`${result.sessions.length}${result.nextCursor ? '+' : ''} role sessions active in the scope`}
        actions={
          <div className="flex gap-2 text-xs">
            {params.cursor && (
              <Link className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100" href={state({ cursor: undefined })}>
                ← First page
              </Link>
            )}
            {result.nextCursor && (
              <Link className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100" href={state({ cursor: result.nextCursor })}>
                Next page →
              </Link>
            )}
          </div>
        }
        footer={
          <div className="space-y-1">
            <SqlPanel query={result.panels.sessions} label="SQL (sessions)" />
            {result.panels.attribution.map((p, i) => (
              <SqlPanel key={i} query={p} label={i === 0 ? 'SQL (credentials used)' : 'SQL (AssumeRole calls)'} />
            ))}
          </div>
        }
      >
        {result.sessions.length === 0 ? (
          <Empty>No role session was active in the scope with these filters.</Empty>
        ) : (
          <DataTable
            testId="role-sessions-table"
            look="list"
            scroll
            columns={[
              { key: 'session_id', label: sortLink('session_id', 'Session') },
              { key: 'role_arn', label: sortLink('role_arn', 'Role') },
              { key: 'account_id', label: sortLink('account_id', 'Account') },
              'Assumed by',
              { key: 'first_seen', label: sortLink('first_seen', 'First seen') },
              { key: 'last_seen', label: sortLink('last_seen', 'Last seen') },
              { key: 'events', label: sortLink('events', 'Events'), numeric: true },
              { key: 'failed', label: sortLink('failed', 'Failed'), numeric: true },
            ]}
          >
            {result.sessions.map((s) => (
              <tr key={s.sessionId} className="border-b border-slate-100 align-top hover:bg-slate-50" data-testid="role-session-row">
                <td className="px-2 py-1.5">
                  <Link href={roleSessionHref(s.sessionId, scope)} className="font-mono text-xs font-medium text-indigo-700 hover:underline" title={s.sessionId}>
                    {s.sessionName}
                  </Link>
                </td>
                <td className="max-w-[12rem] truncate px-2 py-1.5 text-xs">
                  {s.roleArn ? (
                    <Link href={roleHref(s.roleArn, scope)} className="text-indigo-700 hover:underline" title={s.roleArn}>
                      {s.roleName}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="px-2 py-1.5 font-mono text-xs">{s.accountId}</td>
                <td className="max-w-[18rem] px-2 py-1.5">
                  <div className="flex flex-col gap-1">
                    {s.assumedBy.map((b) => (
                      <AssumerChip key={b.assumer.key} by={b} scope={scope} />
                    ))}
                    {s.unattributed > 0 && <UnknownAssumer count={s.unattributed} />}
                  </div>
                </td>
                <td className="whitespace-nowrap px-2 py-1.5 font-mono text-xs">{shortTime(s.firstSeen)}</td>
                <td className="whitespace-nowrap px-2 py-1.5 font-mono text-xs">{shortTime(s.lastSeen)}</td>
                <CallCountCells scope={scope} filter={{ principal: s.sessionId }} calls={s.eventCount} failed={s.failedCount} />
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}

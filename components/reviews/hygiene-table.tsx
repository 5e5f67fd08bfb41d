import Link from 'next/link';
import type { ReactNode } from 'react';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { toHref as roleHref } from '@/app/(dashboard)/roles/[roleArn]/search-params';
import { toHref as roleSessionsHref } from '@/app/(dashboard)/role-sessions/search-params';
import { toHref as hygieneHref } from '@/app/(dashboard)/hygiene/search-params';
import type { Scope } from '@/lib/params/scope';
import type { RoleHygiene } from '@/lib/reviews/hygiene/analyse';
import type { HygieneParams, HygieneSort } from '@/lib/reviews/params';
import { CopySnippet } from './copy-snippet';
import { DataTable, Empty, num, td, type Column } from '@/components/data-table';
import { Badge } from './badge';
import { formatPercent } from '@/lib/format';
import { SortLink } from './sort-link';

const VERDICT: Record<RoleHygiene['verdict'], { tone: 'red' | 'green' | 'slate'; label: string }> = {
  'does-not-identify': { tone: 'red', label: 'names do not identify' },
  identifies: { tone: 'green', label: 'identifies the person' },
  'not-applicable': { tone: 'slate', label: 'AWS services only' },
};

/** The sessions of a role with a given name, as /events selects them: the calls those sessions made. */
const namedSessions = (roleArn: string, sessionName: string, scope: Scope) => eventsHref(scope, { principal: roleArn, sessionName });

function Findings({ r, scope }: { r: RoleHygiene; scope: Scope }) {
  const items: ReactNode[] = [];
  for (const s of r.sharedSessionNames) {
    items.push(
      <li key={`shared:${s.sessionName}`} data-testid="hygiene-shared">
        <Badge tone="red">shared</Badge>{' '}
        <Link href={namedSessions(r.roleArn, s.sessionName, scope)} className="font-mono text-indigo-700 hover:underline">
          {s.sessionName}
        </Link>{' '}
        by {s.assumers.map((a) => a.name).join(', ')} ({s.sessions} sessions)
      </li>,
    );
  }
  for (const g of r.genericSessionNames) {
    items.push(
      <li key={`generic:${g.label}`} data-testid="hygiene-generic">
        <Badge tone="amber">generic</Badge>{' '}
        <Link href={namedSessions(r.roleArn, g.examples[0] ?? g.label, scope)} className="font-mono text-indigo-700 hover:underline" title={g.examples.join(', ')}>
          {g.label}
        </Link>{' '}
        {g.distinctNames > 1 ? `(${g.distinctNames} names, ` : '('}
        {g.sessions} sessions) by {g.assumers.join(', ')}
      </li>,
    );
  }
  for (const m of r.mismatchedSessionNames.slice(0, 5)) {
    items.push(
      <li key={`mismatch:${m.sessionName}:${m.assumer}`} data-testid="hygiene-mismatch">
        <Badge tone="slate">not the user name</Badge>{' '}
        <Link href={namedSessions(r.roleArn, m.sessionName, scope)} className="font-mono text-indigo-700 hover:underline">
          {m.sessionName}
        </Link>{' '}
        by {m.assumer} ({m.sessions})
      </li>,
    );
  }
  if (r.mismatchedSessionNames.length > 5) items.push(<li key="more" className="text-slate-500">and {r.mismatchedSessionNames.length - 5} more names that are not the assumer’s</li>);
  if (items.length === 0) return <span className="text-slate-400">—</span>;
  return <ul className="space-y-0.5">{items}</ul>;
}

export function HygieneTable({ roles, scope, params, interactive = true }: { roles: RoleHygiene[]; scope: Scope; params: HygieneParams; interactive?: boolean }) {
  if (roles.length === 0) return <Empty testId="hygiene-empty">No role was assumed in the scope{params.show === 'flagged' || params.role ? ' with these filters' : ''}.</Empty>;
  const sortable = (sort: HygieneSort, label: string, numeric = false): Column => ({
    key: sort,
    numeric,
    label: <SortLink label={label} active={params.sort === sort} order={params.order} href={(order) => hygieneHref(scope, { ...params, sort, order })} />,
  });
  return (
    <DataTable
      testId="hygiene-table"
      scroll
      columns={[sortable('role', 'Role'), sortable('sessions', 'Sessions', true), sortable('assumers', 'Assumers', true), sortable('source_identity', 'Source identity', true), sortable('issues', 'Session names'), 'Recommendation']}
    >
      {roles.map((r) => {
        const v = VERDICT[r.verdict];
        return (
          <tr key={r.roleArn} className="border-b border-slate-100 align-top" data-testid="hygiene-row" data-role={r.roleName}>
            <td className={`${td} max-w-[16rem]`}>
              <Link href={roleHref(r.roleArn, scope)} className="break-all font-mono font-medium text-indigo-700 hover:underline" title={r.roleArn}>
                {r.roleName}
              </Link>
              <div className="font-mono text-[11px] text-slate-400">{r.accountId}</div>
              <div className="mt-1">
                <Badge tone={v.tone}>{v.label}</Badge>
              </div>
            </td>
            <td className={num} title="AssumeRole* calls into the role: the link opens its session list">
              <Link href={roleSessionsHref(scope, { role: r.roleArn })} className="text-indigo-700 hover:underline">
                {r.sessions}
              </Link>
            </td>
            <td className={`${num} max-w-[10rem]`} title={r.assumerList.map((a) => a.name).join(', ')}>
              {r.assumers}
              <div className="text-[11px] text-slate-500">{r.assumerList.slice(0, 3).map((a) => a.name).join(', ')}{r.assumerList.length > 3 ? '…' : ''}</div>
            </td>
            <td className={num}>{formatPercent(r.sourceIdentityShare)}</td>
            <td className={`${td} min-w-[12rem] max-w-[18rem]`}>
              <div className="mb-1 text-[11px] text-slate-500">
                {r.sessionNames} distinct name{r.sessionNames === 1 ? '' : 's'}
              </div>
              <Findings r={r} scope={scope} />
            </td>
            <td className={`${td} w-[24rem] max-w-[24rem]`} data-testid="hygiene-recommendation">
              <p className="mb-1 text-slate-700">{r.recommendation.summary}</p>
              {r.recommendation.snippet &&
                (interactive ? (
                  <CopySnippet text={r.recommendation.snippet} testId="hygiene-snippet" />
                ) : (
                  <pre className="whitespace-pre-wrap rounded bg-slate-100 p-2 font-mono text-[10px]">{r.recommendation.snippet}</pre>
                ))}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

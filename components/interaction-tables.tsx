import Link from 'next/link';
import type { AssumedRole, InvolvedSession, RoleAssumer } from '@/lib/attribution/role-interactions';
import { roleNameOf } from '@/lib/attribution/assumer';
import { ASSUMER_LABELS, assumerHref } from '@/lib/links';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { toHref as roleHref } from '@/app/(dashboard)/roles/[roleArn]/search-params';
import { toHref as roleSessionHref } from '@/app/(dashboard)/role-sessions/[sessionId]/search-params';
import { DataTable, Empty, num, numeric, SeenCells, td, TimeCell } from './data-table';
import type { Scope } from '@/lib/params/scope';

export function RoleAssumersTable({ rows, scope }: { rows: RoleAssumer[]; scope: Scope }) {
  if (rows.length === 0) return <Empty>No AssumeRole call into this role in the scope.</Empty>;
  return (
    <DataTable testId="role-assumers" columns={['Principal', 'Type', 'Account', 'Session names', 'First', 'Last', numeric('Assumptions')]}>
      {rows.map((r) => (
        <tr key={r.assumer.key} className="border-b border-slate-100 align-top">
          <td className="max-w-[18rem] truncate px-2 py-1.5">
            <Link href={assumerHref(r.assumer, scope)} className="font-mono text-indigo-700 hover:underline" title={r.assumer.arn ?? r.assumer.key}>
              {r.assumer.name}
            </Link>
          </td>
          <td className={td}>{ASSUMER_LABELS[r.assumer.type]}</td>
          <td className={`${td} font-mono`}>{r.assumer.accountId ?? '—'}</td>
          <td className="max-w-[14rem] truncate px-2 py-1.5 font-mono" title={r.sessionNames.join(', ')}>
            {r.sessionNames.slice(0, 3).join(', ')}
            {r.sessionNames.length > 3 ? ` +${r.sessionNames.length - 3}` : ''}
          </td>
          <SeenCells first={r.first} last={r.last} />
          <td className={num}>{r.count}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function AssumedRolesTable({ rows, scope }: { rows: AssumedRole[]; scope: Scope }) {
  if (rows.length === 0) return <Empty>This role’s sessions assumed no other role in the scope.</Empty>;
  return (
    <DataTable testId="assumed-roles" columns={['Role', 'Account', 'From sessions', 'First', 'Last', numeric('Assumptions')]}>
      {rows.map((r) => (
        <tr key={r.roleArn} className="border-b border-slate-100 align-top">
          <td className={td}>
            <Link href={roleHref(r.roleArn, scope)} className="text-indigo-700 hover:underline" title={r.roleArn}>
              {roleNameOf(r.roleArn)}
            </Link>
          </td>
          <td className={`${td} font-mono`}>{/^arn:[^:]*:iam::(\d{12})/.exec(r.roleArn)?.[1]}</td>
          <td className={`${td} font-mono`}>
            {r.fromSessions.map((s) => (
              <Link key={s} href={roleSessionHref(s, scope)} className="mr-2 text-indigo-700 hover:underline">
                {s.slice(s.indexOf(':') + 1)}
              </Link>
            ))}
          </td>
          <SeenCells first={r.first} last={r.last} />
          <td className={num}>{r.count}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function InvolvedSessionsTable({ rows, scope }: { rows: InvolvedSession[]; scope: Scope }) {
  if (rows.length === 0) return <Empty>No sessions involved in the scope.</Empty>;
  return (
    <DataTable testId="involved-sessions" columns={['Direction', 'Session', 'Assumed role', 'Assumed by', 'Issued', 'Evidence']}>
      {rows.map((r) => (
        <tr key={`${r.direction}-${r.evidenceEventIds[0] ?? r.issuedAt}`} className="border-b border-slate-100 align-top">
          <td className={td}>{r.direction === 'into' ? 'into this role' : 'out of this role'}</td>
          <td className={`${td} font-mono`}>
            {r.sessionId ? (
              <Link href={roleSessionHref(r.sessionId, scope)} className="text-indigo-700 hover:underline">
                {r.sessionName}
              </Link>
            ) : (
              r.sessionName
            )}
            {r.crossAccount && <span className="ml-1 rounded bg-orange-100 px-1 font-sans text-orange-800">cross-account</span>}
          </td>
          <td className={td}>{roleNameOf(r.roleArn)}</td>
          <td className="max-w-[18rem] truncate px-2 py-1.5">
            <Link href={assumerHref(r.assumer, scope)} className="font-mono text-indigo-700 hover:underline">
              {r.assumer.name}
            </Link>{' '}
            <span className="text-slate-500">{ASSUMER_LABELS[r.assumer.type]}</span>
          </td>
          <TimeCell iso={r.issuedAt} />
          <td className={td}>
            {r.evidenceEventIds.map((id) => (
              <Link key={id} href={eventsHref(scope, { eventId: id })} className="mr-1 font-mono text-indigo-700 hover:underline" title={id}>
                {id.slice(0, 8)}
              </Link>
            ))}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

import Link from 'next/link';
import type { AssumedRole, InvolvedSession, RoleAssumer } from '@/lib/attribution/role-interactions';
import { roleNameOf } from '@/lib/attribution/assumer';
import { ASSUMER_LABELS, assumerHref } from '@/lib/links';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { toHref as roleHref } from '@/app/(dashboard)/roles/[roleArn]/search-params';
import { toHref as roleSessionHref } from '@/app/(dashboard)/role-sessions/[sessionId]/search-params';
import { formatTime } from '@/lib/format';
import type { Scope } from '@/lib/params/scope';

const th = 'px-2 py-2 font-medium';
const short = (iso: string) => formatTime(iso).replace(' UTC', '');

export function RoleAssumersTable({ rows, scope }: { rows: RoleAssumer[]; scope: Scope }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No AssumeRole call into this role in the scope.</p>;
  return (
    <table className="w-full text-xs" data-testid="role-assumers">
      <thead>
        <tr className="border-b border-slate-200 text-left uppercase tracking-wide text-slate-500">
          <th className={th}>Principal</th>
          <th className={th}>Type</th>
          <th className={th}>Account</th>
          <th className={th}>Session names</th>
          <th className={th}>First</th>
          <th className={th}>Last</th>
          <th className={`${th} text-right`}>Assumptions</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.assumer.key} className="border-b border-slate-100 align-top">
            <td className="max-w-[18rem] truncate px-2 py-1.5">
              <Link href={assumerHref(r.assumer, scope)} className="font-mono text-indigo-700 hover:underline" title={r.assumer.arn ?? r.assumer.key}>
                {r.assumer.name}
              </Link>
            </td>
            <td className="px-2 py-1.5">{ASSUMER_LABELS[r.assumer.type]}</td>
            <td className="px-2 py-1.5 font-mono">{r.assumer.accountId ?? '—'}</td>
            <td className="max-w-[14rem] truncate px-2 py-1.5 font-mono" title={r.sessionNames.join(', ')}>
              {r.sessionNames.slice(0, 3).join(', ')}
              {r.sessionNames.length > 3 ? ` +${r.sessionNames.length - 3}` : ''}
            </td>
            <td className="whitespace-nowrap px-2 py-1.5 font-mono">{short(r.first)}</td>
            <td className="whitespace-nowrap px-2 py-1.5 font-mono">{short(r.last)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AssumedRolesTable({ rows, scope }: { rows: AssumedRole[]; scope: Scope }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">This role’s sessions assumed no other role in the scope.</p>;
  return (
    <table className="w-full text-xs" data-testid="assumed-roles">
      <thead>
        <tr className="border-b border-slate-200 text-left uppercase tracking-wide text-slate-500">
          <th className={th}>Role</th>
          <th className={th}>Account</th>
          <th className={th}>From sessions</th>
          <th className={th}>First</th>
          <th className={th}>Last</th>
          <th className={`${th} text-right`}>Assumptions</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.roleArn} className="border-b border-slate-100 align-top">
            <td className="px-2 py-1.5">
              <Link href={roleHref(r.roleArn, scope)} className="text-indigo-700 hover:underline" title={r.roleArn}>
                {roleNameOf(r.roleArn)}
              </Link>
            </td>
            <td className="px-2 py-1.5 font-mono">{/^arn:[^:]*:iam::(\d{12})/.exec(r.roleArn)?.[1]}</td>
            <td className="px-2 py-1.5 font-mono">
              {r.fromSessions.map((s) => (
                <Link key={s} href={roleSessionHref(s, scope)} className="mr-2 text-indigo-700 hover:underline">
                  {s.slice(s.indexOf(':') + 1)}
                </Link>
              ))}
            </td>
            <td className="whitespace-nowrap px-2 py-1.5 font-mono">{short(r.first)}</td>
            <td className="whitespace-nowrap px-2 py-1.5 font-mono">{short(r.last)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InvolvedSessionsTable({ rows, scope }: { rows: InvolvedSession[]; scope: Scope }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No sessions involved in the scope.</p>;
  return (
    <table className="w-full text-xs" data-testid="involved-sessions">
      <thead>
        <tr className="border-b border-slate-200 text-left uppercase tracking-wide text-slate-500">
          <th className={th}>Direction</th>
          <th className={th}>Session</th>
          <th className={th}>Assumed role</th>
          <th className={th}>Assumed by</th>
          <th className={th}>Issued</th>
          <th className={th}>Evidence</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.direction}-${r.evidenceEventIds[0] ?? r.issuedAt}`} className="border-b border-slate-100 align-top">
            <td className="px-2 py-1.5">{r.direction === 'into' ? 'into this role' : 'out of this role'}</td>
            <td className="px-2 py-1.5 font-mono">
              {r.sessionId ? (
                <Link href={roleSessionHref(r.sessionId, scope)} className="text-indigo-700 hover:underline">
                  {r.sessionName}
                </Link>
              ) : (
                r.sessionName
              )}
              {r.crossAccount && <span className="ml-1 rounded bg-orange-100 px-1 font-sans text-orange-800">cross-account</span>}
            </td>
            <td className="px-2 py-1.5">{roleNameOf(r.roleArn)}</td>
            <td className="max-w-[18rem] truncate px-2 py-1.5">
              <Link href={assumerHref(r.assumer, scope)} className="font-mono text-indigo-700 hover:underline">
                {r.assumer.name}
              </Link>{' '}
              <span className="text-slate-500">{ASSUMER_LABELS[r.assumer.type]}</span>
            </td>
            <td className="whitespace-nowrap px-2 py-1.5 font-mono">{short(r.issuedAt)}</td>
            <td className="px-2 py-1.5">
              {r.evidenceEventIds.map((id) => (
                <Link key={id} href={eventsHref(scope, { eventId: id })} className="mr-1 font-mono text-indigo-700 hover:underline" title={id}>
                  {id.slice(0, 8)}
                </Link>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

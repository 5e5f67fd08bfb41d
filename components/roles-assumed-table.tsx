import Link from 'next/link';
import { CountLink } from './count-link';
import { shortTime } from '@/lib/format';
import type { RoleAssumedLine } from '@/lib/profiles/roles-assumed-model';

const th = 'px-2 py-2 font-medium';
const td = 'px-2 py-1.5';
const link = 'text-indigo-700 hover:underline';

/** The roles a principal (a user, or a service for resources) assumed, with the sessions and counts. */
export function RolesAssumedTable({ lines, empty, sessionsHeader = 'Sessions', countTitle }: { lines: RoleAssumedLine[]; empty: string; sessionsHeader?: string; countTitle: string }) {
  if (lines.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <table className="w-full text-xs" data-testid="roles-assumed">
      <thead>
        <tr className="border-b border-slate-200 text-left uppercase tracking-wide text-slate-500">
          <th className={th}>Role</th>
          <th className={th}>Role account</th>
          <th className={th}>{sessionsHeader}</th>
          <th className={th}>First</th>
          <th className={th}>Last</th>
          <th className={`${th} text-right`}>Assumptions</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((r) => (
          <tr key={r.roleArn} className="border-b border-slate-100 align-top" data-testid="role-assumed-row">
            <td className={td}>
              <Link href={r.roleHref} className={link} title={r.roleArn}>
                {r.roleName}
              </Link>
            </td>
            <td className={`${td} whitespace-nowrap font-mono`}>
              {r.roleAccountId ?? '—'}
              {r.crossAccount && <span className="ml-1 rounded bg-orange-100 px-1 font-sans text-orange-800">cross-account</span>}
            </td>
            <td className={`${td} font-mono`}>
              {r.sessions.map((s) =>
                s.href ? (
                  <Link key={s.name} href={s.href} className={`mr-2 ${link}`} title={`${s.count} assumptions`}>
                    {s.name}
                  </Link>
                ) : (
                  <span key={s.name} className="mr-2">
                    {s.name}
                  </span>
                ),
              )}
              {r.more && (
                <Link href={r.more.href} className={`font-sans ${link}`}>
                  +{r.more.count} more
                </Link>
              )}
            </td>
            <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(r.first)}</td>
            <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(r.last)}</td>
            <td className={`${td} text-right tabular-nums`} title={countTitle}>
              <CountLink value={r.count} href={r.countHref} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import Link from 'next/link';
import { CountLink } from './count-link';
import { DataTable, Empty, num, numeric, SeenCells, td } from './data-table';
import type { RoleAssumedLine } from '@/lib/profiles/roles-assumed-model';

const link = 'text-indigo-700 hover:underline';

/** The roles a principal (a user, or a service for resources) assumed, with the sessions and counts. */
export function RolesAssumedTable({ lines, empty, sessionsHeader = 'Sessions', countTitle }: { lines: RoleAssumedLine[]; empty: string; sessionsHeader?: string; countTitle: string }) {
  if (lines.length === 0) return <Empty>{empty}</Empty>;
  return (
    <DataTable testId="roles-assumed" columns={['Role', 'Role account', { label: sessionsHeader, key: 'sessions' }, 'First', 'Last', numeric('Assumptions')]}>
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
          <SeenCells first={r.first} last={r.last} />
          <td className={num} title={countTitle}>
            <CountLink value={r.count} href={r.countHref} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

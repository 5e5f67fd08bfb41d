import Link from 'next/link';
import { CountLink } from '@/components/count-link';
import { ASSUMER_LABELS, assumerHref } from '@/lib/links';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { formatCount } from '@/lib/format';
import type { Scope } from '@/lib/params/scope';
import type { AssumeRoleCaller } from '@/lib/reviews/vendors/role-review';
import { DataTable, Empty, num, numeric, SeenCells, td } from '@/components/data-table';

/**
 * The AssumeRole calls of a caller, as /events selects them: its principal id in the role's
 * account (the copy that account logged). A superset when it also assumed other roles there.
 */
function assumptionsHref(c: AssumeRoleCaller, scope: Scope): string {
  const account = /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(c.roleArn)?.[1];
  return eventsHref(scope, { eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', account, principal: c.assumer.principalId ?? c.assumer.arn ?? undefined });
}

export function AssumeRoleCallersTable({ rows, scope }: { rows: AssumeRoleCaller[]; scope: Scope }) {
  if (rows.length === 0) return <Empty testId="assume-callers-empty">No AssumeRole call into this role in the scope.</Empty>;
  return (
    <DataTable testId="assume-callers-table" scroll columns={['Assumer', 'Type', 'Account', 'Session names', 'First (UTC)', 'Last (UTC)', numeric('AssumeRole calls'), numeric('With ExternalId')]}>
      {rows.map((c) => (
        <tr key={c.assumer.key} className="border-b border-slate-100 align-top" data-testid="assume-caller-row">
          <td className={`${td} max-w-[22rem]`}>
            <Link href={assumerHref(c.assumer, scope)} className="break-all font-mono text-indigo-700 hover:underline" title={c.userArn}>
              {c.userArn}
            </Link>
          </td>
          <td className={td}>{ASSUMER_LABELS[c.assumer.type]}</td>
          <td className={`${td} font-mono`}>{c.assumer.accountId ?? '—'}</td>
          <td className={`${td} font-mono`}>{c.sessionNames.join(', ')}</td>
          <SeenCells first={c.first} last={c.last} />
          <td className={num} title="The caller's AssumeRole calls as the role's account logged them (a superset if it assumed other roles there)">
            <CountLink value={c.count} href={assumptionsHref(c, scope)} />
          </td>
          <td className={num}>{formatCount(c.withExternalId)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

import Link from 'next/link';
import { CallCountCells } from '@/components/count-link';
import { roleNameOf } from '@/lib/attribution/assumer';
import { ASSUMER_LABELS, assumerHref } from '@/lib/links';
import { toHref as roleSessionHref } from '@/app/(dashboard)/role-sessions/[sessionId]/search-params';
import type { Scope } from '@/lib/params/scope';
import type { CallIdentity } from '@/lib/reviews/vendors/role-review';
import { DataTable, Empty, numeric, SeenCells, td } from '@/components/data-table';

/** Who made one API call with the role (the "who?" of a call): the identities that assumed it, by their sessions and keys. */
export function CallIdentitiesTable({ rows, roleArn, scope, call }: { rows: CallIdentity[]; roleArn: string; scope: Scope; call: { eventSource: string; eventName: string } }) {
  if (rows.length === 0) return <Empty testId="call-identities-empty">Nobody made this call with the role in the scope.</Empty>;
  return (
    <DataTable testId="call-identities-table" scroll columns={['Identity (who assumed the role)', 'Role sessions', numeric('Calls'), numeric('Failed'), 'First (UTC)', 'Last (UTC)']}>
      {rows.map((i) => {
        const filter = { principal: roleArn, eventSource: call.eventSource, eventName: call.eventName, accessKeyId: i.accessKeyIds.length === 1 ? i.accessKeyIds[0] : undefined };
        return (
          <tr key={i.assumer?.key ?? 'unknown'} className="border-b border-slate-100 align-top" data-testid="call-identity-row">
            <td className={td}>
              {i.assumer ? (
                <>
                  <Link href={assumerHref(i.assumer, scope)} className="break-all font-mono text-indigo-700 hover:underline">
                    {i.assumer.arn ?? i.assumer.name}
                  </Link>
                  <div className="text-[11px] text-slate-500">
                    {ASSUMER_LABELS[i.assumer.type]}
                    {i.assumer.accountId ? ` · ${i.assumer.accountId}` : ''}
                  </div>
                </>
              ) : (
                <span className="text-slate-500" title="No AssumeRole call in the data issued these access keys">
                  unknown: {i.accessKeyIds.length} key(s) without their AssumeRole in the data
                </span>
              )}
            </td>
            <td className={td}>
              {i.sessions.map((s) => (
                <Link key={s} href={roleSessionHref(s, scope)} className="block font-mono text-indigo-700 hover:underline">
                  {roleNameOf(roleArn)}/{s.slice(s.indexOf(':') + 1)}
                </Link>
              ))}
            </td>
            <CallCountCells scope={scope} filter={filter} calls={i.calls} failed={i.failed} callsTitle={i.accessKeyIds.length > 1 ? 'Several keys: the link opens every such call of the role' : undefined} />
            <SeenCells first={i.first} last={i.last} />
          </tr>
        );
      })}
    </DataTable>
  );
}

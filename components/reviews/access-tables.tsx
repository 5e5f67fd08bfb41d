import Link from 'next/link';
import { CallCountCells, CountLink } from '@/components/count-link';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { toHref as accessHref } from '@/app/(dashboard)/access/[principalArn]/search-params';
import type { Scope } from '@/lib/params/scope';
import type { AccessIndexEntry } from '@/lib/reviews/access/index-list';
import { eventSourceOf } from '@/lib/reviews/policy/iam-actions';
import type { AccessStatus, ServiceAccess, UsedService } from '@/lib/reviews/access/service-access';
import { DataTable, Empty, num, numeric, td, TimeCell } from '@/components/data-table';
import { Badge } from './badge';
import { shortTime } from '@/lib/format';

const STATUS: Record<AccessStatus, { tone: 'green' | 'amber' | 'red' | 'slate'; label: (days: number) => string }> = {
  used: { tone: 'green', label: () => 'used' },
  'not-used-recently': { tone: 'amber', label: (days) => `not used in ${days} days` },
  'never-used': { tone: 'red', label: () => 'never used' },
  unknown: { tone: 'slate', label: () => 'unknown' },
};

export function AccessIndexTable({ entries, scope }: { entries: AccessIndexEntry[]; scope: Scope }) {
  if (entries.length === 0) return <Empty testId="access-index-empty">No role or user made a call in the scope, and no uploaded file lists one.</Empty>;
  return (
    <DataTable testId="access-index-table" scroll columns={['Principal', 'Kind', numeric('Calls'), numeric('Failed'), numeric('Services'), 'Last call (UTC)', 'Grants known']}>
      {entries.map((e) => (
        <tr key={e.arn} className="border-b border-slate-100 align-top hover:bg-slate-50" data-testid="access-index-row">
          <td className={td}>
            <Link href={accessHref(e.arn, scope)} className="font-mono font-medium text-indigo-700 hover:underline" title={e.arn}>
              {e.name}
            </Link>
            <div className="font-mono text-[11px] text-slate-400">{e.arn.split(':')[4]}</div>
          </td>
          <td className={td}>{e.kind}</td>
          <td className={num}>{e.calls === 0 ? <Badge tone="red">no call</Badge> : <CountLink value={e.calls} href={eventsHref(scope, { principal: e.arn })} />}</td>
          <td className={num}>
            <CountLink value={e.failed} href={eventsHref(scope, { principal: e.arn, errorCode: '*' })} tone="failed" />
          </td>
          <td className={num}>{e.services}</td>
          <TimeCell iso={e.lastCall} />
          <td className={td}>{e.inDetails ? <Badge tone="indigo">uploaded</Badge> : <span className="text-slate-400">—</span>}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function GrantedTable({ rows, days, arn, scope }: { rows: ServiceAccess[]; days: number; arn: string; scope: Scope }) {
  if (rows.length === 0) return <Empty testId="access-granted-empty">The uploaded policies grant this principal no service (or only through policies not in the file).</Empty>;
  return (
    <DataTable testId="access-granted-table" scroll columns={['Service', 'Status', 'Last used (UTC)', 'Granted', 'By', 'Note']}>
      {rows.map((g) => {
        const s = STATUS[g.status];
        return (
          <tr key={g.service} className="border-b border-slate-100 align-top" data-testid="access-granted-row" data-service={g.service} data-status={g.status}>
            <td className={`${td} font-mono font-medium`}>{g.service}</td>
            <td className={td} data-testid={`access-status-${g.service}`}>
              <Badge tone={s.tone}>{s.label(days)}</Badge>
            </td>
            <td className={`${td} whitespace-nowrap font-mono`}>
              {g.lastUsed ? (
                <Link className="text-indigo-700 hover:underline" href={eventsHref(scope, { principal: arn, ...(g.service === '*' ? {} : { eventSource: eventSourceOf(g.service) }), errorCode: 'none' })}>
                  {shortTime(g.lastUsed)}
                </Link>
              ) : (
                '—'
              )}
            </td>
            <td className={`${td} max-w-[20rem] font-mono text-[11px]`}>{g.grantedActions.join(', ')}</td>
            <td className={`${td} text-[11px]`}>{g.policies.join(', ')}</td>
            <td className={`${td} max-w-[18rem] text-[11px] text-slate-500`}>{g.note}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export function UsedTable({ used, arn, scope }: { used: UsedService[]; arn: string; scope: Scope }) {
  if (used.length === 0) return <Empty testId="access-used-empty">No call by this principal in the scope.</Empty>;
  return (
    <DataTable testId="access-used-table" scroll columns={['Service', 'Action', numeric('Successful'), numeric('Failed'), 'Last used (UTC)']}>
      {used.flatMap((s) =>
        s.actions.map((a, i) => {
          const filter = { principal: arn, eventSource: a.eventSource, eventName: a.eventName };
          return (
            <tr key={`${a.eventSource}:${a.eventName}`} className={`align-top ${i === s.actions.length - 1 ? 'border-b border-slate-200' : ''}`} data-testid="access-used-row" data-service={s.service}>
              <td className={`${td} font-mono font-medium`}>
                {i === 0 && (
                  <Link href={eventsHref(scope, { principal: arn, eventSource: s.eventSource })} className="text-indigo-700 hover:underline">
                    {s.service}
                  </Link>
                )}
              </td>
              <td className={`${td} font-mono`}>{a.action}</td>
              <CallCountCells scope={scope} filter={filter} calls={a.calls} failed={a.failed} successes />
              <td className={`${td} whitespace-nowrap font-mono`}>{a.lastUsed ? shortTime(a.lastUsed) : <span className="text-slate-400">never succeeded</span>}</td>
            </tr>
          );
        }),
      )}
    </DataTable>
  );
}

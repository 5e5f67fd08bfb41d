import { CountLink } from '@/components/count-link';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import type { Scope } from '@/lib/params/scope';
import type { RoleThrottleRow } from '@/lib/reviews/queries/role-throttles';
import { DataTable, Empty, num, numeric, SeenCells, td } from '@/components/data-table';

/** The role's throttled calls, by API, region and error code. */
export function ThrottlesTable({ rows, roleArn, scope }: { rows: RoleThrottleRow[]; roleArn: string; scope: Scope }) {
  if (rows.length === 0) return <Empty testId="throttled-empty">No call of the role was throttled in the scope.</Empty>;
  return (
    <DataTable testId="throttled-table" scroll columns={['API', 'Region', 'Error code', numeric('Calls'), 'First (UTC)', 'Last (UTC)']}>
      {rows.map((r) => (
        <tr key={`${r.eventSource}:${r.eventName}:${r.region}:${r.errorCode}`} className="border-b border-slate-100" data-testid="throttled-row">
          <td className={`${td} font-mono`}>
            {r.eventSource.replace('.amazonaws.com', '')}:{r.eventName}
          </td>
          <td className={`${td} font-mono`}>{r.region ?? '—'}</td>
          <td className={`${td} font-mono`}>{r.errorCode}</td>
          <td className={num}>
            <CountLink
              value={r.count}
              href={eventsHref(scope, { principal: roleArn, eventSource: r.eventSource, eventName: r.eventName, errorCode: r.errorCode, region: r.region ?? undefined })}
              tone="failed"
            />
          </td>
          <SeenCells first={r.first} last={r.last} />
        </tr>
      ))}
    </DataTable>
  );
}

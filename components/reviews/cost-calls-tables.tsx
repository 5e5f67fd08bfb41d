import { CountLink } from '@/components/count-link';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import type { Scope } from '@/lib/params/scope';
import { COST_RULES } from '@/lib/reviews/vendors/cost-calls';
import type { CostCallSummary } from '@/lib/reviews/vendors/role-review';
import type { RoleCostCallRow } from '@/lib/reviews/queries/role-cost-calls';
import { DataTable, Empty, num, numeric, td } from '@/components/data-table';
import { CostPerDayTable } from './cost-per-day-table';

/** The role's cost-relevant calls (CloudWatch, Cost Explorer, …): totals, the counts per day, and which calls count. */
export function CostCallsTables({ summary, perDay, roleArn, scope, expanded = false }: { summary: CostCallSummary[]; perDay: RoleCostCallRow[]; roleArn: string; scope: Scope; expanded?: boolean }) {
  const apis = summary.map((s) => `${s.eventSource}:${s.eventName}`);
  return (
    <div className="space-y-4">
      {summary.length === 0 ? (
        <Empty testId="cost-calls-empty">No cost-relevant call in the scope.</Empty>
      ) : (
        <>
          <DataTable testId="cost-calls-table" scroll columns={['API', 'Why it costs', numeric('Calls'), numeric('Days'), numeric('Per day (avg)')]}>
            {summary.map((s) => (
              <tr key={`${s.eventSource}:${s.eventName}`} className="border-b border-slate-100 align-top" data-testid="cost-call-row">
                <td className={`${td} font-mono`}>
                  {s.eventSource.replace('.amazonaws.com', '')}:{s.eventName}
                </td>
                <td className={`${td} text-slate-600`}>{s.why}</td>
                <td className={num}>
                  <CountLink value={s.calls} href={eventsHref(scope, { principal: roleArn, eventSource: s.eventSource, eventName: s.eventName })} />
                </td>
                <td className={num}>{s.days}</td>
                <td className={num}>{(s.calls / Math.max(1, s.days)).toFixed(1)}</td>
              </tr>
            ))}
          </DataTable>
          <CostPerDayTable apis={apis} perDay={perDay} roleArn={roleArn} expanded={expanded} />
        </>
      )}
      <details className="text-xs text-slate-500">
        <summary className="cursor-pointer print:hidden">Which calls count as cost-relevant</summary>
        <ul className="mt-1 list-disc pl-5">
          {COST_RULES.map((r) => (
            <li key={r.eventSource}>
              <span className="font-mono">{r.eventSource.replace('.amazonaws.com', '')}</span>: {r.eventNames === '*' ? 'every call' : r.eventNames.join(', ')}. {r.why}.
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

import { CountLink } from '@/components/count-link';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import type { RoleCostCallRow } from '@/lib/reviews/queries/role-cost-calls';
import { DataTable, num, td } from '@/components/data-table';
import { isoUtc } from '@/lib/time';

const DAY_MS = 86_400_000;

/** The pivot under the cost table: one row per day, one column per cost-relevant API, each count opening that day's calls. */
export function CostPerDayTable({ apis, perDay, roleArn, expanded }: { apis: string[]; perDay: RoleCostCallRow[]; roleArn: string; expanded: boolean }) {
  const days = [...new Set(perDay.map((d) => d.day))].sort();
  const cell = new Map(perDay.map((d) => [`${d.day}|${d.eventSource}:${d.eventName}`, d]));
  return (
    <details className="text-xs" data-testid="cost-per-day" open={expanded || undefined}>
      <summary className="cursor-pointer text-slate-600 print:hidden">Counts per day</summary>
      <DataTable testId="cost-per-day-table" scroll columns={['Day (UTC)', ...apis.map((a) => ({ key: a, label: a.split(':').pop(), numeric: true }))]}>
        {days.map((day) => (
          <tr key={day} className="border-b border-slate-100">
            <td className={`${td} font-mono`}>{day.slice(0, 10)}</td>
            {apis.map((a) => {
              const d = cell.get(`${day}|${a}`);
              const [source, name] = [a.slice(0, a.lastIndexOf(':')), a.slice(a.lastIndexOf(':') + 1)];
              return (
                <td key={a} className={num}>
                  <CountLink value={d?.calls ?? 0} href={eventsHref({ from: day, to: isoUtc(Date.parse(day) + DAY_MS) }, { principal: roleArn, eventSource: source, eventName: name })} />
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
    </details>
  );
}

import { CallCountCells } from '@/components/count-link';
import type { Scope } from '@/lib/params/scope';
import type { UnexpectedCall } from '@/lib/reviews/vendors/expected-actions';
import { DataTable, Empty, numeric, SeenCells, td } from '@/components/data-table';
import { Badge } from './badge';

/** Calls outside the expected-actions list, with the rule that flagged each. */
export function UnexpectedCallsTable({ rows, roleArn, scope }: { rows: UnexpectedCall[]; roleArn: string; scope: Scope }) {
  if (rows.length === 0) return <Empty testId="unexpected-calls-empty">Every call in the scope is in the expected actions.</Empty>;
  return (
    <DataTable testId="unexpected-calls-table" scroll columns={['Action', 'Rule', numeric('Attempts'), numeric('Failed'), 'First (UTC)', 'Last (UTC)']}>
      {rows.map((u) => {
        const filter = { principal: roleArn, eventSource: u.eventSource, eventName: u.eventName };
        return (
          <tr key={`${u.action}@${u.bucket ?? ''}`} className="border-b border-slate-100 align-top" data-testid="unexpected-call-row">
            <td className={td}>
              <span className="font-mono font-medium text-red-800">{u.action}</span>
              {u.bucket && <span className="ml-1 text-slate-500">on {u.bucket}</span>}
            </td>
            <td className={td}>
              <Badge tone={u.rule.startsWith('!') ? 'red' : 'amber'}>{u.rule}</Badge>
            </td>
            <CallCountCells scope={scope} filter={filter} calls={u.count} failed={u.failed} />
            <SeenCells first={u.first} last={u.last} />
          </tr>
        );
      })}
    </DataTable>
  );
}

import Link from 'next/link';
import { CallCountCells, CountLink } from '@/components/count-link';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import type { Scope } from '@/lib/params/scope';
import type { ApiCallSummary } from '@/lib/reviews/vendors/role-review';
import { DataTable, Empty, num, numeric, SeenCells, td } from '@/components/data-table';
import { toHref as vendorRoleHref } from '@/app/(dashboard)/vendors/[roleArn]/search-params';

/** Every API call the role made: one line per API, the S3 buckets under it. */
export function VendorCallsTable({ calls, roleArn, scope, selected, throttleCodes }: { calls: ApiCallSummary[]; roleArn: string; scope: Scope; selected: string | null; throttleCodes: Map<string, string[]> }) {
  if (calls.length === 0) return <Empty testId="vendor-calls-empty">The role made no call in the scope.</Empty>;
  return (
    <DataTable
      testId="vendor-calls-table"
      scroll
      columns={[
        'Service',
        'API',
        numeric('Success'),
        numeric('Failed'),
        numeric('Throttled'),
        'First (UTC)',
        'Last (UTC)',
        { label: 'Who', className: 'print:hidden' },
      ]}
    >
      {calls.map((c) => {
        const filter = { principal: roleArn, eventSource: c.eventSource, eventName: c.eventName };
        const key = `${c.eventSource}:${c.eventName}`;
        const codes = throttleCodes.get(key) ?? [];
        return (
          <tr key={key} className={`border-b border-slate-100 align-top ${selected === key ? 'bg-indigo-50' : 'hover:bg-slate-50'}`} data-testid="vendor-call-row">
            <td className={`${td} font-mono`}>{c.eventSource.replace('.amazonaws.com', '')}</td>
            <td className={td}>
              <span className="font-mono">{c.eventName}</span>
              {c.buckets.length > 0 && (
                <div className="text-[11px] text-slate-500">
                  {c.buckets.map((b) => `${b.bucket ?? '(no bucket)'} ×${b.success + b.failed}`).join(', ')}
                </div>
              )}
            </td>
            <CallCountCells scope={scope} filter={filter} calls={c.success} failed={c.failed} successes />
            <td className={num} title={codes.length > 1 ? `Throttling codes: ${codes.join(', ')}; the link opens every failed call` : undefined}>
              <CountLink value={c.throttled} href={eventsHref(scope, { ...filter, errorCode: codes.length === 1 ? codes[0] : '*' })} tone="failed" />
            </td>
            <SeenCells first={c.first} last={c.last} />
            <td className={`${td} print:hidden`}>
              <Link href={`${vendorRoleHref(roleArn, scope, c)}#identities`} className="text-indigo-700 hover:underline" data-testid="vendor-call-who">
                who?
              </Link>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

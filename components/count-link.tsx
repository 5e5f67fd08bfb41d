import Link from 'next/link';
import { num } from './data-table';
import { formatCount } from '@/lib/format';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import type { Scope } from '@/lib/params/scope';

/** A count that opens the events behind it; a zero is shown plainly, since there is nothing to open. */
export function CountLink({ value, href, tone = 'normal' }: { value: number; href: string; tone?: 'normal' | 'failed' }) {
  if (value === 0) return <span className="text-slate-400">0</span>;
  return (
    <Link href={href} className={`${tone === 'failed' ? 'text-red-700' : 'text-indigo-700'} hover:underline`}>
      {formatCount(value)}
    </Link>
  );
}

/**
 * Two table cells: the calls a row counts and the failed ones among them, each opening those
 * events. `successes` when the first count holds only the calls that succeeded.
 */
export function CallCountCells({
  scope,
  filter,
  calls,
  failed,
  successes = false,
  callsTitle,
}: {
  scope: Scope;
  filter: Record<string, string | null | undefined>;
  calls: number;
  failed: number;
  successes?: boolean;
  callsTitle?: string;
}) {
  return (
    <>
      <td className={num} title={callsTitle}>
        <CountLink value={calls} href={eventsHref(scope, successes ? { ...filter, errorCode: 'none' } : filter)} />
      </td>
      <td className={num}>
        <CountLink value={failed} href={eventsHref(scope, { ...filter, errorCode: '*' })} tone="failed" />
      </td>
    </>
  );
}

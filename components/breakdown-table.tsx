import Link from 'next/link';
import { formatCount, splitArn } from '@/lib/format';
import { CountLink } from './count-link';

export interface BreakdownItem {
  key: string | null;
  events: number;
  failed: number;
  /** Where the counts drill down to: the events behind them. */
  href: string;
}

export function BreakdownTable({ items, keyLabel, empty = 'No events in the scope.' }: { items: BreakdownItem[]; keyLabel: string; empty?: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  const max = Math.max(...items.map((i) => i.events));
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
          <th className="pb-2 font-medium">{keyLabel}</th>
          <th className="pb-2 text-right font-medium">Events</th>
          <th className="pb-2 text-right font-medium">Failed</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.key ?? '(none)'} className="border-t border-slate-100">
            <td className="max-w-0 py-1.5 pr-3">
              <div className="relative">
                <div className="absolute inset-y-0 left-0 rounded bg-indigo-50" style={{ width: `${(i.events / max) * 100}%` }} />
                <KeyLabel value={i.key} />
              </div>
            </td>
            <td className="py-1.5 text-right tabular-nums">
              <Link href={i.href} className="text-indigo-700 hover:underline">
                {formatCount(i.events)}
              </Link>
            </td>
            <td className="py-1.5 text-right tabular-nums">
              <CountLink value={i.failed} href={`${i.href}&errorCode=*`} tone="failed" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function KeyLabel({ value }: { value: string | null }) {
  if (value === null) return <span className="relative block px-1 text-xs text-slate-400">(none)</span>;
  const { account, resource } = splitArn(value);
  return (
    <span className="relative block truncate px-1 font-mono text-xs" title={value}>
      {resource}
      {account && <span className="ml-1.5 text-slate-400">{account}</span>}
    </span>
  );
}

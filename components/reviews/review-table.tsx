import type { ReactNode } from 'react';

/** The review tables' shared look: a header row of small caps, compact rows. */
export const th = 'px-2 py-2 font-medium';
export const td = 'px-2 py-1.5';
export const num = 'px-2 py-1.5 text-right tabular-nums';

export function ReviewTable({ testId, head, children }: { testId: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs" data-testid={testId}>
        <thead>
          <tr className="border-b border-slate-200 text-left uppercase tracking-wide text-slate-500">{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function Empty({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="text-sm text-slate-500" data-testid={testId}>
      {children}
    </p>
  );
}

export function Badge({ tone, children, title }: { tone: 'red' | 'amber' | 'green' | 'slate' | 'indigo'; children: ReactNode; title?: string }) {
  const colors = {
    red: 'bg-red-100 text-red-900',
    amber: 'bg-amber-100 text-amber-900',
    green: 'bg-emerald-100 text-emerald-900',
    slate: 'bg-slate-100 text-slate-700',
    indigo: 'bg-indigo-100 text-indigo-900',
  }[tone];
  return (
    <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-[11px] font-medium ${colors}`} title={title}>
      {children}
    </span>
  );
}

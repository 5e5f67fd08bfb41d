import type { ReactNode } from 'react';

/** A short verdict beside a value in the review tables (a rule, a status, a recommendation). */
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

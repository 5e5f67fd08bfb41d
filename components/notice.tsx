import type { ReactNode } from 'react';

export function Notice({ tone = 'error', title, children }: { tone?: 'error' | 'info'; title: string; children?: ReactNode }) {
  const colors = tone === 'error' ? 'border-red-200 bg-red-50 text-red-900' : 'border-sky-200 bg-sky-50 text-sky-900';
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-lg border px-4 py-3 text-sm ${colors}`}>
      <p className="font-semibold">{title}</p>
      {children && <div className="mt-1">{children}</div>}
    </div>
  );
}

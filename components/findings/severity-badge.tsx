import type { SeverityLabel } from '@/lib/findings/types';

const COLOURS: Record<SeverityLabel, string> = {
  Low: 'bg-slate-500',
  Medium: 'bg-amber-500',
  High: 'bg-orange-600',
  Critical: 'bg-red-700',
};

export function SeverityBadge({ label, severity }: { label: SeverityLabel; severity?: number }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-[11px] font-semibold text-white ${COLOURS[label]}`} data-testid="severity">
      {label}
      {severity !== undefined && <span className="ml-1 font-normal opacity-80">{severity.toFixed(1)}</span>}
    </span>
  );
}

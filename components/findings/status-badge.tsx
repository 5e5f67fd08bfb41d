import { STATUS_LABELS, type FindingStatus } from '@/lib/findings/status';

const TONE: Record<FindingStatus, string> = {
  new: 'bg-sky-100 text-sky-800 ring-sky-300',
  investigating: 'bg-amber-100 text-amber-900 ring-amber-300',
  resolved: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  'false-positive': 'bg-slate-100 text-slate-600 ring-slate-200',
  benign: 'bg-slate-100 text-slate-600 ring-slate-200',
};

export function StatusBadge({ status }: { status: FindingStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${TONE[status]}`} data-testid="finding-status">
      {STATUS_LABELS[status]}
    </span>
  );
}

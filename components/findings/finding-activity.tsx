import { formatTime } from '@/lib/format';
import { STATUS_LABELS, SYSTEM_ACTOR, type FindingActivity, type FindingStatus } from '@/lib/findings/status';

const statusLabel = (v: string | null) => (v && v in STATUS_LABELS ? STATUS_LABELS[v as FindingStatus] : (v ?? 'nobody'));

function what(a: FindingActivity): string {
  switch (a.kind) {
    case 'status':
      return `changed the status from ${statusLabel(a.from)} to ${statusLabel(a.to)}`;
    case 'assignee':
      return a.to ? `assigned it to ${a.to}${a.from ? ` (was ${a.from})` : ''}` : `unassigned it (was ${a.from ?? 'nobody'})`;
    case 'reopened':
      return 'reopened it';
    case 'note':
      return 'noted';
  }
}

/** A finding's history, oldest first: who changed what when, and the notes in full. */
export function FindingActivityList({ activity }: { activity: readonly FindingActivity[] }) {
  if (activity.length === 0) return <p className="text-sm text-slate-500">Nobody has triaged it yet.</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="finding-activity">
      {activity.map((a) => (
        <li key={a.id} className="border-l-2 border-slate-200 pl-3">
          <p className="text-slate-700">
            <span className="font-medium">{a.actor === SYSTEM_ACTOR ? 'Trailscope' : a.actor}</span> {what(a)}
            <span className="ml-2 text-xs text-slate-500">{formatTime(a.at)}</span>
          </p>
          {a.note && <p className="whitespace-pre-wrap text-slate-800">{a.note}</p>}
        </li>
      ))}
    </ol>
  );
}

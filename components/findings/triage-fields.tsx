'use client';

import { FINDING_STATUSES, STATUS_LABELS, type FindingStatus } from '@/lib/findings/status';
import type { Assignee } from '@/lib/findings/assignees';

export const triageField = 'rounded border border-slate-300 px-2 py-1 text-sm';

/** A status picker; `keep` adds a first option meaning "leave it" (bulk changes). */
export function StatusSelect({ label, value, onChange, keep, testId }: { label: string; value: string; onChange: (v: FindingStatus | '') => void; keep?: string; testId: string }) {
  return (
    <label className="flex flex-col text-xs text-slate-600">
      {label}
      <select className={triageField} value={value} onChange={(e) => onChange(e.target.value as FindingStatus | '')} data-testid={testId}>
        {keep !== undefined && <option value="">{keep}</option>}
        {FINDING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** An assignee picker: `leading` options first (nobody, keep), then the assignable users, "(me)" marked. */
export function AssigneeSelect({
  label,
  value,
  onChange,
  leading,
  assignees,
  me,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  leading: readonly { value: string; label: string }[];
  assignees: readonly Assignee[];
  me: string;
  testId: string;
}) {
  return (
    <label className="flex flex-col text-xs text-slate-600">
      {label}
      <select className={triageField} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {leading.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {assignees.map((a) => (
          <option key={a.name} value={a.name}>
            {a.label}
            {a.name === me ? ' (me)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

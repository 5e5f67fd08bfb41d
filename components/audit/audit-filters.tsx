import Link from 'next/link';
import { AUDIT_ACTIONS } from '@/lib/audit/event';
import { AUDIT_FILTER_LABELS, type AuditSearchParams } from '@/lib/audit/search-params';
import { path as auditPath } from '@/app/(dashboard)/admin/audit/search-params';

const input = 'mt-1 rounded border border-slate-300 px-2 py-1.5 font-mono text-sm font-normal text-slate-900';
const label = 'flex flex-col text-xs font-medium text-slate-600';

/** A plain GET form: the filters land in the URL, so a filtered view is a link like any other. */
export function AuditFilters({ params }: { params: AuditSearchParams }) {
  const text = (name: 'actor' | 'entity' | 'from' | 'to', placeholder: string) => (
    <label className={label}>
      {AUDIT_FILTER_LABELS[name]}
      <input name={name} defaultValue={params[name] ?? ''} placeholder={placeholder} className={input} autoComplete="off" spellCheck={false} />
    </label>
  );
  return (
    <form method="get" action={auditPath} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5" aria-label="Audit log filters">
      {text('actor', 'any user')}
      <label className={label}>
        {AUDIT_FILTER_LABELS.action}
        <select name="action" defaultValue={params.action ?? ''} className={input} data-testid="audit-action">
          <option value="">any</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      {text('entity', 'e.g. role-session:')}
      {text('from', 'e.g. 2026-11-20T00:00:00Z')}
      {text('to', 'e.g. 2026-11-21T00:00:00Z')}
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-5">
        <button type="submit" className="rounded bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500" data-testid="audit-apply">
          Apply
        </button>
        <Link href={auditPath} className="text-sm text-slate-600 underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { FindingStatus } from '@/lib/findings/status';
import { AssigneeSelect, StatusSelect } from './triage-fields';
import type { Assignee } from '@/lib/findings/assignees';
import { apiErrorMessage, type ApiErrorBody } from '@/lib/http/error-message';
import { bulkTriageApiHref } from '@/app/(dashboard)/findings/search-params';

/** The form the list's row checkboxes belong to (`form` attribute): rows stay server-rendered. */
export const BULK_FORM = 'bulk-triage';
const selector = `input[form="${BULK_FORM}"][name="id"]`;
const KEEP = '';
const NOBODY = '-';

const checkedIds = () => [...document.querySelectorAll<HTMLInputElement>(`${selector}:checked`)].map((c) => c.value);

/** The header's checkbox: every row on the page, or none. */
export function SelectAllFindings() {
  return (
    <input
      type="checkbox"
      aria-label="Select every finding on this page"
      data-testid="select-all-findings"
      onChange={(e) => {
        for (const box of document.querySelectorAll<HTMLInputElement>(selector)) box.checked = e.target.checked;
        document.dispatchEvent(new Event('bulk-selection'));
      }}
    />
  );
}

/** Set the status or assignee of the selected findings at once; the list refreshes after. */
export function BulkTriage({ assignees, me }: { assignees: Assignee[]; me: string }) {
  const router = useRouter();
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState<FindingStatus | typeof KEEP>(KEEP);
  const [assignee, setAssignee] = useState(KEEP);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const count = () => setSelected(checkedIds().length);
    document.addEventListener('change', count);
    document.addEventListener('bulk-selection', count);
    return () => {
      document.removeEventListener('change', count);
      document.removeEventListener('bulk-selection', count);
    };
  }, []);

  async function apply() {
    const ids = checkedIds();
    const change = { ...(status !== KEEP ? { status } : {}), ...(assignee !== KEEP ? { assignee: assignee === NOBODY ? null : assignee } : {}) };
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(bulkTriageApiHref, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids, ...change }) });
      if (!res.ok) throw new Error(apiErrorMessage((await res.json().catch(() => null)) as ApiErrorBody | null, res.status));
      const r = (await res.json()) as { changed: string[]; unchanged: string[]; missing: string[] };
      setMessage({ kind: 'ok', text: `${r.changed.length} changed${r.unchanged.length ? `, ${r.unchanged.length} already so` : ''}${r.missing.length ? `, ${r.missing.length} no longer exist` : ''}` });
      for (const box of document.querySelectorAll<HTMLInputElement>(selector)) box.checked = false;
      setSelected(0);
      router.refresh();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      id={BULK_FORM}
      aria-label="Change the selected findings"
      className="mb-3 flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        void apply();
      }}
    >
      <span className="self-center text-xs text-slate-600" data-testid="bulk-selected">
        {selected} selected
      </span>
      <StatusSelect label="Set status" value={status} onChange={setStatus} keep="keep" testId="bulk-status" />
      <AssigneeSelect
        label="Assign to"
        value={assignee}
        onChange={setAssignee}
        leading={[
          { value: KEEP, label: 'keep' },
          { value: NOBODY, label: 'nobody' },
        ]}
        assignees={assignees}
        me={me}
        testId="bulk-assignee"
      />
      <button type="submit" disabled={busy || selected === 0 || (status === KEEP && assignee === KEEP)} className="rounded bg-indigo-600 px-3 py-1 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-50" data-testid="bulk-apply">
        {busy ? 'Applying…' : 'Apply'}
      </button>
      {message && (
        <span className={`self-center text-xs ${message.kind === 'error' ? 'text-rose-700' : 'text-slate-700'}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="bulk-message">
          {message.text}
        </span>
      )}
    </form>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { MAX_NOTE_LENGTH, type FindingStatus } from '@/lib/findings/status';
import { AssigneeSelect, StatusSelect, triageField } from './triage-fields';
import type { Assignee } from '@/lib/findings/assignees';
import { apiErrorMessage, type ApiErrorBody } from '@/lib/http/error-message';
import { triageApiHref } from '@/app/(dashboard)/findings/[id]/search-params';


/**
 * A finding's status, assignee and a note, saved together in one PATCH; the page refreshes to show
 * the new state and its history. Only analysts and admins get this (the page renders it for them).
 */
export function FindingTriage({ id, status, assignee, assignees, me }: { id: string; status: FindingStatus; assignee: string | null; assignees: Assignee[]; me: string }) {
  const router = useRouter();
  const [nextStatus, setStatus] = useState(status);
  const [nextAssignee, setAssignee] = useState(assignee ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = {
    ...(nextStatus !== status ? { status: nextStatus } : {}),
    ...((nextAssignee || null) !== assignee ? { assignee: nextAssignee || null } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
  const unchanged = Object.keys(change).length === 0;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(triageApiHref(id), { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });
      if (!res.ok) throw new Error(apiErrorMessage((await res.json().catch(() => null)) as ApiErrorBody | null, res.status));
      setNote('');
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const others = assignees.some((a) => a.name === assignee) || !assignee ? assignees : [...assignees, { name: assignee, label: `${assignee} (no longer assignable)` }];
  return (
    <form
      className="space-y-3"
      aria-label="Triage"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <StatusSelect label="Status" value={nextStatus} onChange={(v) => v && setStatus(v)} testId="triage-status" />
        <AssigneeSelect label="Assignee" value={nextAssignee} onChange={setAssignee} leading={[{ value: '', label: 'nobody' }]} assignees={others} me={me} testId="triage-assignee" />
      </div>
      <label className="flex flex-col text-xs text-slate-600">
        Note
        <textarea
          className={`${triageField} min-h-16`}
          value={note}
          maxLength={MAX_NOTE_LENGTH}
          onChange={(e) => setNote(e.target.value)}
          placeholder="What you found, who you asked, why you closed it"
          data-testid="triage-note"
        />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy || unchanged} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-50" data-testid="triage-save">
          {busy ? 'Saving…' : 'Save'}
        </button>
        {error && (
          <p className="text-sm text-rose-700" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { expectedActionsApiHref } from '@/app/(dashboard)/vendors/[roleArn]/search-params';
import { apiErrorMessage } from '@/lib/http/error-message';

interface Props {
  roleArn: string;
  patterns: readonly string[];
  source: 'saved' | 'default';
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * Edits a vendor role's expected-actions list: type patterns, or load a file (lines, a JSON list or
 * an IAM policy document) into the box, then save it on the server. The server validates; its
 * message is shown as is.
 */
export function ExpectedActionsEditor({ roleArn, patterns, source, updatedBy, updatedAt }: Props) {
  const router = useRouter();
  const [text, setText] = useState(patterns.join('\n'));
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const url = expectedActionsApiHref(roleArn);

  const send = (method: 'PUT' | 'DELETE') => {
    setMessage(null);
    startTransition(async () => {
      const response = await fetch(url, { method, headers: { 'content-type': 'text/plain' }, body: method === 'PUT' ? text : undefined });
      const body = (await response.json().catch(() => ({}))) as { patterns?: string[]; message?: string; error?: string };
      if (!response.ok) {
        setMessage({ tone: 'error', text: apiErrorMessage(body, response.status) });
        return;
      }
      if (body.patterns) setText(body.patterns.join('\n'));
      setMessage({ tone: 'ok', text: method === 'PUT' ? 'Saved.' : 'Back to the defaults.' });
      router.refresh();
    });
  };

  return (
    <div className="space-y-2" data-testid="expected-actions-editor">
      <p className="text-xs text-slate-500" data-testid="expected-actions-source">
        {source === 'saved'
          ? `Saved by ${updatedBy ?? 'unknown'}${updatedAt ? ` at ${updatedAt.replace('T', ' ').replace('Z', ' UTC')}` : ''}.`
          : 'No list saved for this role: the defaults for read-only vendor roles apply.'}{' '}
        One pattern per line: <code>service:Action</code> with <code>*</code> and <code>?</code>; <code>!</code> flags a call even when another line expects it;{' '}
        <code>@bucket-glob</code> limits an S3 pattern to matching buckets.
      </p>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={Math.min(16, Math.max(6, text.split('\n').length + 1))}
        spellCheck={false}
        data-testid="expected-actions-text"
        aria-label="Expected actions"
        className="w-full rounded border border-slate-300 p-2 font-mono text-xs"
      />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button
          type="button"
          disabled={pending}
          onClick={() => send('PUT')}
          data-testid="expected-actions-save"
          className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          Save
        </button>
        <button
          type="button"
          disabled={pending || source === 'default'}
          onClick={() => send('DELETE')}
          data-testid="expected-actions-reset"
          className="rounded border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100 disabled:opacity-50"
        >
          Reset to defaults
        </button>
        <label className="cursor-pointer rounded border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100">
          Load from file…
          <input
            type="file"
            accept=".txt,.json,text/plain,application/json"
            className="sr-only"
            data-testid="expected-actions-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then((t) => setText(t));
              e.target.value = '';
            }}
          />
        </label>
        {message && (
          <span role={message.tone === 'error' ? 'alert' : 'status'} data-testid="expected-actions-message" className={message.tone === 'error' ? 'text-red-700' : 'text-emerald-700'}>
            {message.text}
          </span>
        )}
      </div>
    </div>
  );
}

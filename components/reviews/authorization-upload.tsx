'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { authorizationDetailsApiHref } from '@/app/(dashboard)/access/search-params';
import { formatBytes } from '@/lib/format';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { apiErrorMessage } from '@/lib/http/error-message';

/**
 * Uploads `aws iam get-account-authorization-details` output to the server, which keeps it; the
 * page only ever receives summaries and per-principal results.
 */
export function AuthorizationUpload() {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      data-testid="auth-details-upload"
      className="flex flex-wrap items-center gap-2 text-sm print:hidden"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const file = form.get('file');
        if (!(file instanceof File) || file.size === 0) {
          setMessage({ tone: 'error', text: 'Choose the JSON file first.' });
          return;
        }
        if (file.size > BODY_LIMITS.authorizationDetails) {
          setMessage({ tone: 'error', text: `The file is larger than ${formatBytes(BODY_LIMITS.authorizationDetails)}.` });
          return;
        }
        setMessage(null);
        startTransition(async () => {
          const response = await fetch(authorizationDetailsApiHref(), { method: 'POST', body: form });
          const body = (await response.json().catch(() => ({}))) as { accountId?: string; counts?: { roles: number; users: number }; message?: string; error?: string };
          if (!response.ok) {
            setMessage({ tone: 'error', text: apiErrorMessage(body, response.status) });
            return;
          }
          setMessage({ tone: 'ok', text: `Stored for account ${body.accountId}: ${body.counts?.roles ?? 0} roles, ${body.counts?.users ?? 0} users.` });
          router.refresh();
        });
      }}
    >
      <input type="file" name="file" accept=".json,application/json" data-testid="auth-details-file" className="text-xs" title={`up to ${formatBytes(BODY_LIMITS.authorizationDetails)}`} />
      <button type="submit" disabled={pending} data-testid="auth-details-submit" className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500 disabled:opacity-50">
        {pending ? 'Uploading…' : 'Upload'}
      </button>
      {message && (
        <span role={message.tone === 'error' ? 'alert' : 'status'} data-testid="auth-details-message" className={message.tone === 'error' ? 'text-red-700' : 'text-emerald-700'}>
          {message.text}
        </span>
      )}
    </form>
  );
}

/** Removes an account's upload. */
export function DeleteAuthorizationDetails({ accountId }: { accountId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="print:hidden">
      <button
        type="button"
        disabled={pending}
        data-testid={`auth-details-delete-${accountId}`}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-50"
        onClick={() =>
          startTransition(async () => {
            const response = await fetch(authorizationDetailsApiHref(accountId), { method: 'DELETE' });
            if (!response.ok) {
              const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string };
              setError(apiErrorMessage(body, response.status));
              return;
            }
            router.refresh();
          })
        }
      >
        Remove
      </button>
      {error && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}

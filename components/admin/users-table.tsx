'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { userApiHref } from '@/app/(dashboard)/admin/users/search-params';
import { ROLES, type Role } from '@/lib/auth/roles';
import type { UserSummary } from '@/lib/state/users';

type Change = { role: Role } | { disabled: boolean } | { resetPassword: true } | 'delete';

/** The users list with its actions; each goes to PATCH/DELETE /api/admin/users/{name} and reloads the list. */
export function UsersTable({ users }: { users: UserSummary[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function change(name: string, what: Change) {
    if (what === 'delete' && !window.confirm(`Delete ${name}? Their sessions end now.`)) return;
    setBusy(name);
    setMessage(null);
    const url = userApiHref(name);
    const response = what === 'delete' ? await fetch(url, { method: 'DELETE' }) : await fetch(url, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(what) });
    const body = (await response.json().catch(() => ({}))) as { message?: string; password?: string };
    setBusy(null);
    if (!response.ok) setMessage(`Could not change ${name}: ${body.message ?? response.statusText}`);
    else if (body.password) setMessage(`New password for ${name} (shown only now): ${body.password}`);
    else setMessage(`${what === 'delete' ? 'Deleted' : 'Changed'} ${name}; their open sessions have ended.`);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {message && (
        <p role="status" className="rounded border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-800" data-testid="users-message">
          {message}
        </p>
      )}
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1 pr-4">User</th>
            <th className="py-1 pr-4">Signs in with</th>
            <th className="py-1 pr-4">Role</th>
            <th className="py-1 pr-4">Status</th>
            <th className="py-1 pr-4">Changed (UTC)</th>
            <th className="py-1">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.name} className="border-t border-slate-100 align-middle" data-testid={`user-${u.name}`}>
              <td className="py-1.5 pr-4">
                <span className="font-medium">{u.displayName ?? u.name}</span>
                {u.displayName && <span className="ml-2 break-all font-mono text-xs text-slate-500">{u.name}</span>}
              </td>
              <td className="py-1.5 pr-4">{u.source === 'oidc' ? 'single sign-on' : 'password'}</td>
              <td className="py-1.5 pr-4">
                <select
                  aria-label={`Role of ${u.name}`}
                  className="rounded border border-slate-300 px-1 py-0.5"
                  value={u.role}
                  disabled={busy === u.name}
                  onChange={(e) => void change(u.name, { role: e.target.value as Role })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-1.5 pr-4">{u.disabled ? <span className="text-red-700">disabled</span> : 'active'}</td>
              <td className="py-1.5 pr-4 tabular-nums text-slate-600">{u.updatedAt.replace('T', ' ').replace('Z', '')}</td>
              <td className="space-x-3 py-1.5 text-xs">
                <button type="button" className="text-indigo-700 hover:underline disabled:opacity-50" disabled={busy === u.name} onClick={() => void change(u.name, { disabled: !u.disabled })}>
                  {u.disabled ? 'Enable' : 'Disable'}
                </button>
                {u.hasPassword && (
                  <button type="button" className="text-indigo-700 hover:underline disabled:opacity-50" disabled={busy === u.name} onClick={() => void change(u.name, { resetPassword: true })}>
                    Reset password
                  </button>
                )}
                <button type="button" className="text-red-700 hover:underline disabled:opacity-50" disabled={busy === u.name} onClick={() => void change(u.name, 'delete')}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

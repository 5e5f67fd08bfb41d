'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { webhookApiHref, webhooksApiHref, webhookTestApiHref } from '@/app/(dashboard)/admin/notifications/search-params';
import { Card } from '@/components/card';
import { DataTable, Empty, td } from '@/components/data-table';
import { SEVERITY_LABELS, type SeverityLabel } from '@/lib/findings/types';
import { WEBHOOK_FORMATS, WEBHOOK_KINDS, type DeliverySummary, type WebhookFormat, type WebhookKind, type WebhookSummary } from '@/lib/notifications/types';
import { LastDelivery } from './webhook-deliveries-table';

const FORMAT_LABELS: Record<WebhookFormat, string> = { slack: 'Slack (incoming webhook)', json: 'JSON (signed, version 1)' };

interface Draft {
  name: string;
  url: string;
  format: WebhookFormat;
  minSeverity: SeverityLabel;
  kinds: WebhookKind[];
}

const EMPTY: Draft = { name: '', url: '', format: 'slack', minSeverity: 'High', kinds: ['findings', 'incidents'] };

type Answer = { message?: string; parameter?: string; secret?: string; delivery?: DeliverySummary; webhook?: WebhookSummary };

/**
 * The webhooks with their actions, and the form that adds one or edits one. Every change goes to
 * /api/admin/webhooks and reloads the page's data; a new or rotated signing secret is shown once.
 */
export function WebhooksPanel({ webhooks, publicUrl }: { webhooks: WebhookSummary[]; publicUrl: string | null }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<WebhookSummary | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function send(key: string, url: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown): Promise<{ ok: boolean; answer: Answer }> {
    setBusy(key);
    setMessage(null);
    const response = await fetch(url, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
    const answer = (await response.json().catch(() => ({}))) as Answer;
    setBusy(null);
    if (!response.ok) setMessage({ tone: 'error', text: `Refused: ${answer.parameter ? `${answer.parameter} ` : ''}${answer.message ?? response.statusText}` });
    router.refresh();
    return { ok: response.ok, answer };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (editing) {
      // A blank URL keeps the one stored: it is never sent back to the browser to be shown.
      const { url, ...rest } = draft;
      const { ok, answer } = await send('form', webhookApiHref(editing.id), 'PATCH', url.trim() ? { ...rest, url } : rest);
      if (ok) {
        setMessage({ tone: 'ok', text: `Saved “${answer.webhook?.name ?? draft.name}”.` });
        setEditing(null);
        setDraft(EMPTY);
      }
      return;
    }
    const { ok, answer } = await send('form', webhooksApiHref, 'POST', draft);
    if (ok) {
      setMessage({ tone: 'ok', text: `Added “${answer.webhook?.name}”. Signing secret (shown only now; JSON receivers check X-Trailscope-Signature with it): ${answer.secret}` });
      setDraft(EMPTY);
    }
  }

  function edit(w: WebhookSummary) {
    setEditing(w);
    setDraft({ name: w.name, url: '', format: w.format, minSeverity: w.minSeverity, kinds: w.kinds });
    setMessage(null);
  }

  async function test(w: WebhookSummary) {
    const { ok, answer } = await send(w.id, webhookTestApiHref(w.id), 'POST');
    const d = answer.delivery;
    if (ok && d) {
      setMessage(
        d.outcome === 'delivered'
          ? { tone: 'ok', text: `Test message to “${w.name}” delivered (HTTP ${d.status}, ${d.durationMs} ms).` }
          : { tone: 'error', text: `Test message to “${w.name}” failed: ${d.error ?? `HTTP ${d.status}`}` },
      );
    }
  }

  async function rotate(w: WebhookSummary) {
    if (!window.confirm(`Make a new signing secret for “${w.name}”? Its receiver must be given the new one.`)) return;
    const { ok, answer } = await send(w.id, webhookApiHref(w.id), 'PATCH', { rotateSecret: true });
    if (ok) setMessage({ tone: 'ok', text: `New signing secret for “${w.name}” (shown only now): ${answer.secret}` });
  }

  async function remove(w: WebhookSummary) {
    if (!window.confirm(`Delete the webhook “${w.name}” and its delivery log?`)) return;
    const { ok } = await send(w.id, webhookApiHref(w.id), 'DELETE');
    if (ok) setMessage({ tone: 'ok', text: `Deleted “${w.name}”.` });
  }

  const toggleKind = (kind: WebhookKind, on: boolean) => setDraft((d) => ({ ...d, kinds: on ? WEBHOOK_KINDS.filter((k) => k === kind || d.kinds.includes(k)) : d.kinds.filter((k) => k !== kind) }));
  const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

  return (
    <div className="space-y-5">
      {message && (
        <p
          role="status"
          className={`rounded border px-3 py-2 font-mono text-sm break-all ${message.tone === 'ok' ? 'border-slate-200 bg-slate-50 text-slate-800' : 'border-red-200 bg-red-50 text-red-900'}`}
          data-testid="webhooks-message"
        >
          {message.text}
        </p>
      )}
      <Card title={`${webhooks.length} ${webhooks.length === 1 ? 'webhook' : 'webhooks'}`}>
        {webhooks.length === 0 ? (
          <Empty testId="webhooks-empty">No webhooks yet: add one below.</Empty>
        ) : (
          <DataTable columns={['Name', 'Address', 'Format', 'At or above', 'Told about', 'State', 'Last delivery (UTC)', 'Actions']} testId="webhooks-table" look="list" scroll>
            {webhooks.map((w) => (
              <tr key={w.id} className="border-t border-slate-100 align-top" data-testid={`webhook-${w.name}`}>
                <td className={`${td} whitespace-nowrap font-medium`}>{w.name}</td>
                <td className={`${td} whitespace-nowrap font-mono text-xs`} title="Only the start of the address is shown: a Slack webhook URL is a secret">
                  {w.maskedUrl}
                </td>
                <td className={td}>{w.format === 'slack' ? 'Slack' : 'JSON'}</td>
                <td className={td}>{w.minSeverity}</td>
                <td className={td}>{w.kinds.join(', ')}</td>
                <td className={td}>{w.enabled ? 'enabled' : <span className="text-red-700">disabled</span>}</td>
                <td className={td}>
                  <LastDelivery delivery={w.lastDelivery} />
                </td>
                <td className={`${td} text-xs`}>
                  <div className="flex max-w-44 flex-wrap gap-x-3 gap-y-1">
                    <button type="button" className="text-indigo-700 hover:underline disabled:opacity-50" disabled={busy !== null} onClick={() => void test(w)}>
                      {busy === w.id ? 'Sending…' : 'Send test'}
                    </button>
                    <button type="button" className="text-indigo-700 hover:underline disabled:opacity-50" disabled={busy !== null} onClick={() => edit(w)}>
                      Edit
                    </button>
                    <button type="button" className="text-indigo-700 hover:underline disabled:opacity-50" disabled={busy !== null} onClick={() => void send(w.id, webhookApiHref(w.id), 'PATCH', { enabled: !w.enabled })}>
                      {w.enabled ? 'Disable' : 'Enable'}
                    </button>
                    <button type="button" className="text-indigo-700 hover:underline disabled:opacity-50" disabled={busy !== null} onClick={() => void rotate(w)}>
                      New secret
                    </button>
                    <button type="button" className="text-red-700 hover:underline disabled:opacity-50" disabled={busy !== null} onClick={() => void remove(w)}>
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <Card title={editing ? `Edit “${editing.name}”` : 'Add a webhook'}>
        <form onSubmit={(e) => void submit(e)} className="grid grid-cols-1 gap-3 text-sm md:grid-cols-2" aria-label={editing ? 'Edit webhook' : 'Add webhook'}>
          <label className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-600">Name</span>
            <input className={input} required maxLength={100} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-600">URL {editing && <span className="font-normal text-slate-500">(blank keeps {editing.maskedUrl})</span>}</span>
            <input
              className={`${input} font-mono`}
              type="url"
              required={!editing}
              maxLength={2048}
              placeholder="https://hooks.slack.com/services/…"
              value={draft.url}
              onChange={(e) => setDraft({ ...draft, url: e.target.value })}
            />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-600">Format</span>
            <select className={input} value={draft.format} onChange={(e) => setDraft({ ...draft, format: e.target.value as WebhookFormat })}>
              {WEBHOOK_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-600">Severity at or above</span>
            <select className={input} value={draft.minSeverity} onChange={(e) => setDraft({ ...draft, minSeverity: e.target.value as SeverityLabel })}>
              {SEVERITY_LABELS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="flex items-center gap-4">
            <legend className="mb-1 text-xs font-medium text-slate-600">Tell it about</legend>
            {WEBHOOK_KINDS.map((k) => (
              <label key={k} className="flex items-center gap-1.5">
                <input type="checkbox" checked={draft.kinds.includes(k)} onChange={(e) => toggleKind(k, e.target.checked)} />
                {k === 'findings' ? 'new and reopened findings' : 'new incidents'}
              </label>
            ))}
          </fieldset>
          <div className="flex items-end gap-3">
            <button type="submit" className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50" disabled={busy !== null || draft.kinds.length === 0}>
              {editing ? 'Save' : 'Add webhook'}
            </button>
            {editing && (
              <button
                type="button"
                className="text-sm text-slate-600 hover:underline"
                onClick={() => {
                  setEditing(null);
                  setDraft(EMPTY);
                }}
              >
                Cancel
              </button>
            )}
          </div>
        </form>
        <p className="mt-3 text-xs text-slate-500">
          https:// only (plain http:// only to this machine). Links in messages {publicUrl ? <>open under <code>{publicUrl}</code></> : 'are paths (see above)'}. A JSON
          webhook&apos;s requests carry <code>X-Trailscope-Signature: t=…,v1=…</code>, an HMAC-SHA256 of <code>t.body</code> with the secret shown when it is added.
        </p>
      </Card>
    </div>
  );
}

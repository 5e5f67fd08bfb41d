'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { Scope } from '@/lib/params/scope';
import type { RuleRun, runCost } from '@/lib/detections/run';
import { formatBytes, formatUsd } from '@/lib/format';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { apiErrorMessage, type ApiErrorBody } from '@/lib/http/error-message';
import { importApiHref, runDetectionsHref } from '@/app/(dashboard)/findings/search-params';

interface ImportResult {
  imported: number;
  updated: number;
  skipped: { index: number; reason: string }[];
}

async function errorText(res: Response): Promise<string> {
  return apiErrorMessage((await res.json().catch(() => null)) as ApiErrorBody | null, res.status);
}

/** Import a GuardDuty export, or run the built-in detections over the scope; the list refreshes after. */
export function FindingsActions({ scope }: { scope: Scope }) {
  const router = useRouter();
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'import' | 'detect' | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; details?: string[] } | null>(null);

  async function importFile(f: File) {
    if (f.size > BODY_LIMITS.findingsImport) {
      setMessage({ kind: 'error', text: `${f.name}: the file is larger than ${formatBytes(BODY_LIMITS.findingsImport)}` });
      if (file.current) file.current.value = '';
      return;
    }
    setBusy('import');
    setMessage(null);
    try {
      // The File itself: the browser streams it, instead of holding a copy as a string.
      const res = await fetch(importApiHref, { method: 'POST', body: f, headers: { 'content-type': 'application/json' } });
      if (!res.ok) throw new Error(await errorText(res));
      const r = (await res.json()) as ImportResult;
      setMessage({
        kind: 'ok',
        text: `${f.name}: ${r.imported} new, ${r.updated} updated, ${r.skipped.length} skipped`,
        details: r.skipped.slice(0, 20).map((s) => `finding #${s.index + 1}: ${s.reason}`),
      });
      router.refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: `${f.name}: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(null);
      if (file.current) file.current.value = '';
    }
  }

  async function runDetections() {
    setBusy('detect');
    setMessage(null);
    try {
      const res = await fetch(runDetectionsHref(scope), { method: 'POST' });
      if (!res.ok) throw new Error(await errorText(res));
      const r = (await res.json()) as { findings: unknown[]; inserted: number; updated: number; perRule: Pick<RuleRun, 'rule' | 'error' | 'skipped'>[]; cost: ReturnType<typeof runCost> };
      const cost = r.cost.costUsd === null ? '' : `; queries scanned ${formatBytes(r.cost.bytesScanned)}, ${formatUsd(r.cost.costUsd)}`;
      setMessage({
        kind: 'ok',
        text: `Detections: ${r.findings.length} findings in the scope (${r.inserted} new, ${r.updated} already known)${cost}`,
        details: r.perRule.flatMap((rule) => {
          const why = rule.error ?? rule.skipped;
          return why ? [`${rule.rule} could not run: ${why}`] : [];
        }),
      });
      router.refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: `Detections failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => void runDetections()}
          disabled={busy !== null}
          className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-50"
          data-testid="run-detections"
        >
          {busy === 'detect' ? 'Running detections…' : 'Run detections over the scope'}
        </button>
        <label className="cursor-pointer rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
          {busy === 'import' ? 'Importing…' : `Import GuardDuty findings (JSON, up to ${formatBytes(BODY_LIMITS.findingsImport)})`}
          <input
            ref={file}
            type="file"
            accept="application/json,.json,.jsonl"
            className="sr-only"
            data-testid="import-findings"
            disabled={busy !== null}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importFile(f);
            }}
          />
        </label>
      </div>
      {message && (
        <div role="status" className={`rounded px-3 py-2 text-sm ${message.kind === 'ok' ? 'bg-emerald-50 text-emerald-900' : 'bg-red-50 text-red-800'}`} data-testid="findings-message">
          {message.text}
          {message.details && message.details.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {message.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

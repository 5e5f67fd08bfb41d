'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { withScope } from '@/lib/params/href';
import { isoUtc } from '@/lib/time';

const PRESETS = [
  { label: '1h', hours: 1 },
  { label: '24h', hours: 24 },
  { label: '7d', hours: 24 * 7 },
  { label: '30d', hours: 24 * 30 },
] as const;

/** `2026-11-20T14:00:00Z` ⇄ the `datetime-local` value `2026-11-20T14:00`, read as UTC. */
const toInput = (iso: string) => iso.slice(0, 16);
const fromInput = (v: string) => `${v}:00Z`;

/**
 * The global scope time. It lives in the URL as absolute UTC instants, so a copied link shows
 * the same window next week; presets count back from the newest event, not from the clock,
 * because stored logs are often days old.
 */
export function ScopePicker({ from, to, latest }: { from: string; to: string; latest: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const [draftFrom, setDraftFrom] = useState(toInput(from));
  const [draftTo, setDraftTo] = useState(toInput(to));

  const apply = (f: string, t: string) => {
    // Read at click time rather than with useSearchParams, which would keep the picker out of the
    // server render (it renders behind a Suspense fallback until hydration).
    router.push(`${pathname}?${withScope(window.location.search, { from: f, to: t })}`);
  };

  const preset = (hours: number) => {
    const hour = 3600_000;
    const end = Math.ceil((Date.parse(latest ?? to) + 1000) / hour) * hour;
    apply(isoUtc(end - hours * hour), isoUtc(end));
  };

  return (
    <form
      className="flex flex-wrap items-end gap-2 text-sm"
      aria-label="Scope time"
      onSubmit={(e) => {
        e.preventDefault();
        apply(fromInput(draftFrom), fromInput(draftTo));
      }}
    >
      <UtcInput label="From (UTC)" name="scope-from" value={draftFrom} onChange={setDraftFrom} />
      <UtcInput label="To (UTC)" name="scope-to" value={draftTo} onChange={setDraftTo} />
      <button type="submit" className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500">
        Apply
      </button>
      <div className="flex overflow-hidden rounded border border-slate-300" role="group" aria-label="Scope presets">
        {PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            onClick={() => preset(p.hours)}
            className="border-l border-slate-300 bg-white px-2 py-1.5 text-slate-700 first:border-l-0 hover:bg-slate-100"
          >
            {p.label}
          </button>
        ))}
      </div>
    </form>
  );
}

function UtcInput({ label, name, value, onChange }: { label: string; name: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="flex flex-col text-xs text-slate-500">
      {label}
      <input
        type="datetime-local"
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      />
    </label>
  );
}

'use client';

import { useState } from 'react';
import type { QueryStats } from '@/lib/engine/types';
import { sqlForDisplay } from '@/lib/engine/sql-display';
import { formatBytes, formatUsd } from '@/lib/format';
import type { SqlParam } from '@/lib/sql/sql';

export interface PanelQuery {
  sql: string;
  params: SqlParam[];
  /** Null for a statement that failed before the engine reported figures. */
  stats: QueryStats | null;
  /** What the reader must know about the panel's rows (lib/engine/panel.ts), shown whether or not the SQL is open. */
  notes?: readonly string[];
}

/** "Show SQL": the exact statement a panel ran, its parameters written in, what it cost, and its notes. */
export function SqlPanel({ query, label = 'SQL' }: { query: PanelQuery; label?: string }) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = sqlForDisplay(query.sql.trim(), query.params);
  const { stats } = query;
  return (
    <div className="text-xs text-slate-500">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <button
          type="button"
          onClick={() => setOpen((o) => !o)}
          className="rounded border border-slate-300 px-2 py-0.5 font-medium text-slate-600 hover:bg-slate-100"
          aria-expanded={open}
        >
          {open ? `Hide ${label}` : `Show ${label}`}
        </button>
        {stats ? (
          <>
            <span title="engine time">{stats.elapsedMs} ms</span>
            <span>{stats.engine}</span>
            {stats.cached && <span title="this page reused the result of an earlier run: nothing was read or billed now">cached</span>}
            {/* What the engine reports: Athena bytes and cost, Trino bytes (it bills no one), DuckDB neither. */}
            {stats.bytesScanned !== null && <span>scanned {formatBytes(stats.bytesScanned)}</span>}
            {stats.costUsd !== null && <span>{formatUsd(stats.costUsd)}</span>}
            <span>{stats.rowCount === 1 ? '1 row' : `${stats.rowCount} rows`}</span>
          </>
        ) : (
          <span>no figures: the engine failed before reporting any</span>
        )}
      </div>
      {query.notes && query.notes.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-amber-800" data-testid="panel-notes">
          {query.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {open && (
        <div className="relative mt-2">
          <pre className="max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-[11px] leading-relaxed text-slate-100" data-testid="sql-text">
            {text}
          </pre>
          <button
            type="button"
            className="absolute right-2 top-2 rounded bg-slate-700 px-2 py-0.5 text-slate-100 hover:bg-slate-600"
            onClick={() => {
              void navigator.clipboard?.writeText(text).then(() => setCopied(true));
            }}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      )}
    </div>
  );
}

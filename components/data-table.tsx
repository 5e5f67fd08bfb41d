import type { ReactNode } from 'react';
import { shortTime } from '@/lib/format';

/**
 * The tables' shared look, in three weights: `compact` for the small tables inside a card
 * (profiles, reviews, new behavior), `list` for a page's main list (larger text under small-caps
 * headers), `log` for the findings and audit lists (bolder headers, set on each cell).
 */
export type TableLook = 'compact' | 'list' | 'log';

const LOOKS: Record<TableLook, { text: 'xs' | 'sm'; headRow: string; th: string }> = {
  compact: { text: 'xs', headRow: 'border-b border-slate-200 text-left uppercase tracking-wide text-slate-500', th: 'px-2 py-2 font-medium' },
  list: { text: 'sm', headRow: 'border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500', th: 'px-2 py-2 font-medium' },
  log: { text: 'sm', headRow: 'border-b border-slate-200', th: 'px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500' },
};

// Whole class names, so Tailwind finds them in the source.
const TABLE_TEXT = { xs: 'w-full text-xs', sm: 'w-full text-sm' } as const;

/** A body cell, and one holding a count or a rate (right-aligned, digits of one width, as its header). */
export const td = 'px-2 py-1.5';
export const num = 'px-2 py-1.5 text-right tabular-nums';

export interface Column {
  label: ReactNode;
  /** Counts and rates: the header aligns right over its `num` cells. */
  numeric?: boolean;
  className?: string;
  /** The order a sortable column is sorted in now, said to assistive technology. */
  sort?: 'ascending' | 'descending';
  /** Needed when the label is not a unique string. */
  key?: string;
}

/** A column of counts or rates. */
export function numeric(label: string): Column {
  return { label, numeric: true };
}

/**
 * A table: its header row from `columns` (a string is a plain text column), the rows as children.
 * `scroll` lets a wide table scroll sideways inside its card; `text` overrides the look's body size.
 */
export function DataTable({
  columns,
  children,
  testId,
  look = 'compact',
  text,
  scroll = false,
}: {
  columns: readonly (Column | string)[];
  children: ReactNode;
  testId?: string;
  look?: TableLook;
  text?: 'xs' | 'sm';
  scroll?: boolean;
}) {
  const l = LOOKS[look];
  const table = (
    <table className={TABLE_TEXT[text ?? l.text]} data-testid={testId}>
      <thead>
        <tr className={l.headRow}>
          {columns.map((column, i) => {
            const c = typeof column === 'string' ? { label: column } : column;
            const className = [l.th, c.numeric ? 'text-right' : '', c.className ?? ''].filter(Boolean).join(' ');
            return (
              <th key={c.key ?? (typeof c.label === 'string' ? c.label : i)} className={className} aria-sort={c.sort}>
                {c.label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return scroll ? <div className="overflow-x-auto">{table}</div> : table;
}

/** What a table shows when it has no rows: a sentence saying why. */
export function Empty({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="text-sm text-slate-500" data-testid={testId}>
      {children}
    </p>
  );
}

/** A UTC time on one line, without the suffix: the column header or the page says UTC. */
export function TimeCell({ iso }: { iso: string | null | undefined }) {
  return <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(iso)}</td>;
}

/** When something was first and last seen: two `TimeCell`s, the columns most tables end with. */
export function SeenCells({ first, last }: { first: string | null | undefined; last: string | null | undefined }) {
  return (
    <>
      <TimeCell iso={first} />
      <TimeCell iso={last} />
    </>
  );
}

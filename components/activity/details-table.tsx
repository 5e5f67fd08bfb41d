'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { DETAILS_TAB_LABELS, type DetailItem, type DetailsTabModel } from '@/lib/activity/details-model';
import { filterDetailRows, nextSort, sortDetailRows, type DetailSort, type DetailSortColumn } from '@/lib/activity/details-table';
import { formatCount, formatTime } from '@/lib/format';

interface Column {
  id: DetailSortColumn;
  label: string;
  numeric: boolean;
}

/** One tab's rows: sortable by any column, filtered by a text box, every count opening its events. */
export function DetailsTable({ model }: { model: DetailsTabModel }) {
  const labels = DETAILS_TAB_LABELS[model.tab];
  const [sort, setSort] = useState<DetailSort | null>(null);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const kept = filterDetailRows(model.items, filter);
    // Without a chosen order, keep the query's: most calls first.
    return sort ? sortDetailRows(kept, sort) : kept;
  }, [model.items, filter, sort]);

  const columns: Column[] = [
    ...(labels.service ? [{ id: 'service' as const, label: labels.service, numeric: false }] : []),
    { id: 'key', label: labels.key, numeric: false },
    { id: 'success', label: 'Successful', numeric: true },
    { id: 'failed', label: 'Failed', numeric: true },
    { id: 'firstSeen', label: 'First seen', numeric: false },
    { id: 'lastSeen', label: 'Last seen', numeric: false },
  ];

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={labels.filter}
          aria-label={labels.filter}
          className="w-72 rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <span className="text-xs text-slate-500" data-testid="details-row-count">
          {rows.length === model.items.length ? formatCount(rows.length) : `${formatCount(rows.length)} of ${formatCount(model.items.length)}`}
          {model.items.length === 1 ? ' row' : ' rows'}
        </span>
        {model.capped && (
          <span className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-800" role="note">
            Only the {formatCount(model.limit)} busiest rows are shown; narrow the scope time to see the rest.
          </span>
        )}
      </div>
      {model.items.length === 0 ? (
        <p className="py-6 text-sm text-slate-500">No calls in the scope time.</p>
      ) : (
        <div className="max-h-[28rem] overflow-auto">
          <table className="w-full text-sm" data-testid={`details-table-${model.tab}`}>
            <thead className="sticky top-0 bg-white">
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                {columns.map((c) => (
                  <th
                    key={c.id}
                    className={`pb-2 font-medium ${c.numeric ? 'text-right' : ''}`}
                    aria-sort={sort?.column === c.id ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button type="button" className="uppercase tracking-wide hover:text-slate-800" onClick={() => setSort(nextSort(sort, c.id))}>
                      {c.label}
                      <span aria-hidden className="ml-1 inline-block w-2 text-slate-400">
                        {sort?.column === c.id ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row key={`${row.service ?? ''}|${row.key ?? ''}`} row={row} withService={labels.service !== null} />
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="py-4 text-sm text-slate-500">No row matches “{filter.trim()}”.</p>}
        </div>
      )}
    </div>
  );
}

function Row({ row, withService }: { row: DetailItem; withService: boolean }) {
  return (
    <tr className="border-t border-slate-100" data-testid="details-row">
      {withService && <td className="py-1.5 pr-3 font-mono text-xs text-slate-600">{row.service}</td>}
      <td className="py-1.5 pr-3 font-mono text-xs">
        {row.key === null ? (
          <span className="text-slate-400">(none)</span>
        ) : row.links.profile ? (
          <Link href={row.links.profile} className="text-indigo-700 hover:underline">
            {row.key}
          </Link>
        ) : (
          row.key
        )}
      </td>
      <td className="py-1.5 pr-3 text-right tabular-nums">
        <Count value={row.success} href={row.links.succeeded} tone="text-indigo-700" title="Successful calls of this row" />
      </td>
      <td className="py-1.5 pr-3 text-right tabular-nums">
        <Count value={row.failed} href={row.links.failed} tone="text-red-700" title="Failed calls of this row" />
      </td>
      <td className="whitespace-nowrap py-1.5 pr-3 text-xs text-slate-600">{formatTime(row.firstSeen)}</td>
      <td className="whitespace-nowrap py-1.5 text-xs text-slate-600">{formatTime(row.lastSeen)}</td>
    </tr>
  );
}

function Count({ value, href, tone, title }: { value: number; href: string | null; tone: string; title: string }) {
  if (value === 0) return <span className="text-slate-400">0</span>;
  if (!href) return <span title="/events cannot filter by this value">{formatCount(value)}</span>;
  return (
    <Link href={href} className={`${tone} hover:underline`} title={title}>
      {formatCount(value)}
    </Link>
  );
}

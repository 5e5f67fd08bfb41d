'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { Card } from '@/components/card';
import { SqlPanel } from '@/components/sql-panel';
import { DETAILS_TAB_LABELS, type DetailsModel } from '@/lib/activity/details-model';
import { detailsTabOf } from '@/lib/activity/params';
import { DETAILS_TABS, type DetailsTab } from '@/lib/activity/scope-details';
import { withParam } from '@/lib/params/href';
import { DetailsTable } from './details-table';

/**
 * Detective's "Display details for scope time". The tab is in the URL (`details=`) so a shared link
 * opens the same one; all tabs are loaded, so switching only rewrites the URL (history.pushState,
 * which Next's router follows) instead of running the page's queries again.
 */
export function ScopeDetails({ model }: { model: DetailsModel }) {
  // useSearchParams needs a boundary above it, so pages can place this panel anywhere.
  return (
    <Suspense>
      <ScopeDetailsTabs model={model} />
    </Suspense>
  );
}

function ScopeDetailsTabs({ model }: { model: DetailsModel }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const active = detailsTabOf(search.get('details'));
  const current = model[active];

  const open = (tab: DetailsTab) => {
    window.history.pushState(null, '', `${pathname}?${withParam(search.toString(), 'details', tab)}`);
  };

  return (
    <Card title="Display details for scope time" footer={<SqlPanel query={current.query} label={`SQL (${DETAILS_TAB_LABELS[active].tab})`} />}>
      <div role="tablist" aria-label="Details for scope time" className="-mt-1 mb-3 flex gap-1 border-b border-slate-200">
        {DETAILS_TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`details-tab-${tab}`}
            aria-selected={tab === active}
            aria-controls={`details-panel-${tab}`}
            onClick={() => open(tab)}
            className={
              tab === active
                ? '-mb-px border-b-2 border-indigo-600 px-3 py-2 text-sm font-medium text-indigo-700'
                : '-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-slate-600 hover:text-slate-900'
            }
          >
            {DETAILS_TAB_LABELS[tab].tab}
            <span className="ml-1.5 rounded bg-slate-100 px-1.5 text-xs tabular-nums text-slate-500">{model[tab].items.length}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`details-panel-${active}`} aria-labelledby={`details-tab-${active}`}>
        {/* Keyed by tab: each tab starts with its own default order and an empty filter. */}
        <DetailsTable key={active} model={current} />
      </div>
    </Card>
  );
}

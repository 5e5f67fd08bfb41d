import Link from 'next/link';
import { InvalidLink } from '@/components/invalid-link';
import { parseGraphView, toHref as graphHref } from '@/app/(dashboard)/graph/search-params';
import type { Scope } from '@/lib/params/scope';
import type { SearchParamsRecord } from '@/lib/http/page-scope';
import { RoleGraphView } from './role-graph';

/** The graph on a profile's Graph tab: focused on the profile's entity, its view state in the profile's URL. */
export function GraphTab({ focus, scope, searchParams, resetHref }: { focus: string; scope: Scope; searchParams: SearchParamsRecord; resetHref: string }) {
  const view = parseGraphView(searchParams);
  if (!view.ok) return <InvalidLink parameter={view.parameter} message={view.message} resetHref={resetHref} />;
  const { expand, selected, path } = view.view;
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <Link href={graphHref(focus, scope, expand)} className="text-xs font-medium text-indigo-700 hover:underline" data-testid="open-graph-page">
          Open on the graph page →
        </Link>
      </div>
      <RoleGraphView focus={focus} scope={scope} initial={{ expand, selected: selected ?? null, path }} />
    </div>
  );
}

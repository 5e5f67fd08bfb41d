import Link from 'next/link';
import { Card } from '@/components/card';
import { linkIsValid } from '@/lib/http/invalid-link';
import { PageHeader } from '@/components/page-header';
import { RoleGraphView } from '@/components/graph/role-graph';
import { KIND_STYLE } from '@/components/graph/graph-style';
import { auditPageView } from '@/lib/audit/page-view';
import { auditEntity } from '@/lib/audit/entity';
import { nodeIdParam, parseNodeId } from '@/lib/graph/node-id';
import { loadPage } from '@/lib/http/page-params';
import { NO_SCOPE } from '@/lib/params/scope';
import { firstValues, type SearchParamsRecord } from '@/lib/http/page-scope';
import { graphViewParams, path as graphPath, toHref } from './search-params';
import { path as roleSessionsPath } from '../role-sessions/search-params';

export const dynamic = 'force-dynamic';

export default async function GraphPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const sp = await searchParams;
  const { focus: rawFocus } = firstValues(sp);
  if (!rawFocus) {
    await linkIsValid();
    return (
      <div className="space-y-5">
        <h1 className="text-2xl font-semibold">Role-chaining graph</h1>
        <Card title="Choose what to start from">
          <p className="text-sm text-slate-600">
            The graph starts from one identity or session and shows one hop each way: who assumed it and what it assumed. Open it from the <b>Graph</b> tab
            of a <Link href={roleSessionsPath} className="text-indigo-700 hover:underline">role session</Link> or a role, or from a node’s “Focus here”.
          </p>
        </Card>
      </div>
    );
  }
  const { page, params: view, path: focus } = await loadPage(sp, {
    path: { name: 'focus', schema: nodeIdParam, value: rawFocus },
    query: graphViewParams,
    repeated: ['expand'],
    reset: { path: graphPath, query: (f) => toHref(f, NO_SCOPE) },
  });
  const kind = parseNodeId(focus)?.kind ?? 'session';
  const { expand, selected, path } = view;
  await auditPageView({ entity: auditEntity('graph', focus), scope: page.scope, detail: expand.length ? { expanded: expand.length } : undefined });
  return (
    <div className="space-y-4">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Role-chaining graph · {KIND_STYLE[kind].label}</p>
        <p className="font-mono text-xs text-slate-500" data-testid="graph-focus">
          {focus}
        </p>
      </div>
      <PageHeader title="Role-chaining graph" scope={page.scope} latest={page.range.last} />
      <RoleGraphView focus={focus} scope={page.scope} initial={{ expand, selected: selected ?? null, path }} height={700} />
    </div>
  );
}

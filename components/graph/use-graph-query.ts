import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiHref, queryKey, type GraphRequest } from '@/app/(dashboard)/graph/search-params';
import type { GraphQueries } from '@/lib/graph/load';
import type { RoleGraph } from '@/lib/graph/types';
import { apiErrorMessage, type ApiErrorBody } from '@/lib/http/error-message';
import type { Scope } from '@/lib/params/scope';

export type GraphResponse = RoleGraph & { queries: GraphQueries[]; scope: Scope };

async function fetchGraph(url: string, signal: AbortSignal): Promise<GraphResponse> {
  const res = await fetch(url, { signal });
  const body = (await res.json().catch(() => null)) as (GraphResponse & ApiErrorBody) | null;
  if (!res.ok || !body) throw new Error(`The graph could not be loaded: ${apiErrorMessage(body, res.status)}`);
  return body;
}

/** The focus's neighbourhood from GET /api/graph; the previous graph stays drawn while an expansion loads. */
export function useGraphQuery(request: GraphRequest) {
  return useQuery({
    queryKey: queryKey(request),
    queryFn: ({ signal }) => fetchGraph(apiHref(request), signal),
    placeholderData: keepPreviousData,
  });
}

import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import { classifySearch, type SearchQuery } from './classify';
import { lookupWindow } from './lookup-window';
import { identityLookup, type IdentityRow } from './queries/identity-lookup';
import { lookupFor, resolveSearch, type SearchOutcome } from './resolve';

export interface SearchResult {
  query: SearchQuery;
  outcome: SearchOutcome;
  /** The lookup that ran, for the results page's SQL panel; null when the shape said it all. */
  panel: PanelResult<IdentityRow> | null;
}

/**
 * The header search: classify, run at most one bounded lookup, resolve. `scope` bounds the lookup;
 * `linkScope` is what the destination links carry (the search's own from/to, possibly empty).
 */
export async function search(conn: Connection, input: string, scope: Scope, linkScope: Scope, signal?: AbortSignal): Promise<SearchResult> {
  const query = classifySearch(input);
  const lookup = lookupFor(query);
  const panel = lookup ? await runPanel(conn, identityLookup, { ...lookup, ...lookupWindow(scope) }, signal) : null;
  return { query, outcome: resolveSearch(query, panel?.rows ?? [], linkScope), panel };
}

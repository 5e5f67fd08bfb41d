import type { PanelQuery } from '@/lib/engine/panel';
import { queriesOf } from '@/lib/engine/panel';
import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { gapCovers, type CoverageGap } from './coverage';
import { loadCoverage } from './load-coverage';

export interface GapsOverlapping {
  gaps: CoverageGap[];
  queries: PanelQuery[];
}

/**
 * The gaps in the logs that overlap a scope, for a page that shows what happened in it (and must
 * say where the logs are silent): optionally only those of one account and region, where a trail
 * known to log every region (or every account) counts for each. Files are not counted, so on the
 * embedded store the hours come from the hourly summary alone.
 */
export async function gapsOverlapping(conn: Connection, scope: Scope, filter: { accountId?: string; region?: string } = {}, signal?: AbortSignal): Promise<GapsOverlapping> {
  const coverage = await loadCoverage(conn, scope, { files: false, signal });
  return {
    gaps: coverage.gaps.filter((g) => gapCovers(g, filter)),
    queries: queriesOf([coverage.panels?.counts, coverage.panels?.trailHours, coverage.panels?.trailEvents]),
  };
}

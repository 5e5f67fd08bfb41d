import type { Enricher } from '@/lib/enrichment/types';
import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { panelQuery, runPanel, type PanelQuery } from '@/lib/engine/panel';
import type { Subject } from '@/lib/subjects/subject';
import { analyseNewBehavior, sourceValues, type NewBehaviorPanels } from './analyse';
import { behaviorCounts } from './behavior-counts';
import { baselineWindow } from './coverage';
import { checkBaselineDays, DEFAULT_BASELINE_DAYS } from './params';

export interface NewBehaviorOptions {
  /** Days of baseline before the scope start (1–90, Detective's 45 by default). */
  baselineDays?: number;
  enricher: Enricher;
  /** The store's earliest event, so a young store shortens the baseline instead of making everything new. */
  storeFirstEvent?: string | null;
  signal?: AbortSignal;
}

export type NewBehaviorQuery = PanelQuery;

/** What GET /api/{role-sessions|roles|users}/{id}/new-behavior returns. */
export interface NewBehavior extends NewBehaviorPanels {
  scope: Scope;
  baselineDays: number;
  queries: NewBehaviorQuery[];
  /** Milliseconds spent enriching the distinct source IPs. */
  enrichMs: number;
}

/** Detective's "New behavior" for a subject: one counts query, one batched enrichment, pure analysis. */
export async function getNewBehavior(conn: Connection, subject: Subject, scope: Scope, options: NewBehaviorOptions): Promise<NewBehavior> {
  const baselineDays = checkBaselineDays(options.baselineDays ?? DEFAULT_BASELINE_DAYS);
  const window = baselineWindow(scope.from, baselineDays);
  const counts = await runPanel(conn, behaviorCounts, { subject, baselineFrom: window.from, scopeFrom: scope.from, scopeTo: scope.to }, options.signal);
  const started = performance.now();
  const infos = await options.enricher.enrich(sourceValues(counts.rows));
  const enrichMs = performance.now() - started;
  const panels = analyseNewBehavior(counts.rows, infos, { ...window, scope }, options.storeFirstEvent);
  return {
    ...panels,
    scope,
    baselineDays,
    queries: [panelQuery(counts)],
    enrichMs,
  };
}

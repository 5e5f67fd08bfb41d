import type { PanelResult } from '@/lib/queries/panel';

/** The SQL, parameters and stats of the panels behind a response, as every API answer carries them. */
export function queriesOf(panels: readonly (PanelResult<unknown> | null | undefined)[]): { sql: string; params: PanelResult<unknown>['params']; stats: PanelResult<unknown>['stats'] }[] {
  return panels.filter((p): p is PanelResult<unknown> => !!p).map(({ sql, params, stats }) => ({ sql, params, stats }));
}

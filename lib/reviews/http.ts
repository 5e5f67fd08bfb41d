import { panelQuery, type PanelQuery, type PanelResult } from '@/lib/engine/panel';

/** The SQL, parameters, stats and notes of the panels behind a response, as every API answer carries them. */
export function queriesOf(panels: readonly (PanelResult<unknown> | null | undefined)[]): PanelQuery[] {
  return panels.filter((p): p is PanelResult<unknown> => !!p).map(panelQuery);
}

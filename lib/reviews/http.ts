import type { NextRequest } from 'next/server';
import { ParamError } from '@/lib/params/param-error';
import type { PanelResult } from '@/lib/queries/panel';

/** The request body as text, refusing one larger than `maxBytes` before reading it whole. */
export async function bodyText(req: NextRequest, maxBytes: number, parameter: string): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new ParamError(parameter, `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  const text = await req.text();
  if (text.length > maxBytes) throw new ParamError(parameter, `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  return text;
}

/** The SQL, parameters and stats of the panels behind a response, as every API answer carries them. */
export function queriesOf(panels: readonly (PanelResult<unknown> | null | undefined)[]): { sql: string; params: PanelResult<unknown>['params']; stats: PanelResult<unknown>['stats'] }[] {
  return panels.filter((p): p is PanelResult<unknown> => !!p).map(({ sql, params, stats }) => ({ sql, params, stats }));
}

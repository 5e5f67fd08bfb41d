import type { z } from 'zod';
import { ParamError } from '@/lib/params/param-error';
import { readBodyText, type BodyLimit } from './read-body';

/**
 * A small JSON request body, read within its limit (413 past it), parsed and validated: a 400
 * naming the field, never a 500.
 */
export async function jsonBody<S extends z.ZodType>(req: Request, schema: S, parameter: string, limit: BodyLimit): Promise<z.output<S>> {
  const text = await readBodyText(req, limit);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ParamError(parameter, 'is not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw ParamError.fromZod(parsed.error, parameter, 'path');
  return parsed.data;
}

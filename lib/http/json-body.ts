import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { ParamError } from '@/lib/params/param-error';

const MAX_JSON_BYTES = 64 * 1024;

/** A small JSON request body, parsed and validated: a 400 naming the field, never a 500. */
export async function jsonBody<S extends z.ZodType>(req: NextRequest, schema: S, parameter: string): Promise<z.output<S>> {
  const text = await req.text();
  if (text.length > MAX_JSON_BYTES) throw new ParamError(parameter, 'is larger than 64 KB');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ParamError(parameter, 'is not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ParamError(issue?.path.length ? issue.path.join('.') : parameter, issue?.message ?? 'is invalid');
  }
  return parsed.data;
}

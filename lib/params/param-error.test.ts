import { describe, expect, it } from 'vitest';
import { z } from '@/lib/zod';
import { ParamError, paramProblem } from './param-error';

describe('paramProblem', () => {
  const schema = z.object({ roles: z.array(z.object({ name: z.string() })) });
  const error = schema.safeParse({ roles: [{ name: 1 }] }).error as z.ZodError;

  it('names the top-level parameter for URLs and the full path for bodies', () => {
    expect(paramProblem(error, 'query').parameter).toBe('roles');
    expect(paramProblem(error, 'body', 'path').parameter).toBe('roles.0.name');
    expect(ParamError.fromZod(error, 'body', 'path')).toMatchObject({ name: 'ParamError', parameter: 'roles.0.name' });
  });

  it('falls back to the name given when the issue is about the whole input', () => {
    const whole = z.string().safeParse(1).error as z.ZodError;
    expect(paramProblem(whole, 'the file', 'path')).toEqual({ parameter: 'the file', message: expect.any(String) });
  });
});

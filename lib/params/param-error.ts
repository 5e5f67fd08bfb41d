import type { z } from 'zod';

/** A request parameter that passed its schema but is wrong in context (a scope that ends before it starts). */
export class ParamError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParamError';
  }

  // By name, not prototype: Next may bundle this module twice (see EngineError).
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'ParamError';
  }

  /** The first problem of a failed parse as a ParamError (see paramProblem). */
  static fromZod(error: z.ZodError, fallback: string, naming: ProblemNaming = 'top'): ParamError {
    const { parameter, message } = paramProblem(error, fallback, naming);
    return new ParamError(parameter, message);
  }
}

export interface ParamProblem {
  parameter: string;
  message: string;
}

/** `top`: the top-level key (`expand`), as URLs name parameters; `path`: the full path (`roles.0.name`), for JSON bodies. */
type ProblemNaming = 'top' | 'path';

/**
 * What a failed parse tells the caller, the one way every page, route and body reader says it: the
 * first issue, naming the parameter (or `fallback` when the issue is about the whole input).
 */
export function paramProblem(error: z.ZodError, fallback: string, naming: ProblemNaming = 'top'): ParamProblem {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const parameter = path.length === 0 ? fallback : naming === 'top' ? String(path[0]) : path.join('.');
  return { parameter, message: issue?.message ?? 'is invalid' };
}

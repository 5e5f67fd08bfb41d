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
}

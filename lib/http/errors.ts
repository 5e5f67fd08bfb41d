import { EngineError, type QueryStats } from '@/lib/engine/types';
import { ParamError } from '@/lib/params/param-error';
import { BodyTooLargeError } from './read-body';

/**
 * The JSON error bodies every API route answers with. Clients can rely on `error` always being
 * present; the other fields depend on the kind of failure.
 */
export type ErrorBody =
  | { error: 'unauthorized' }
  | { error: 'forbidden'; message: string }
  | { error: 'invalid parameter'; parameter: string; message: string }
  | { error: 'invalid input' | 'not found' | 'too large' | 'conflict'; message: string }
  | { error: string; code: EngineError['code']; stats?: QueryStats }
  | { error: 'internal error' };

export function jsonError(status: number, body: ErrorBody): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

export function unauthorized(): Response {
  return jsonError(401, { error: 'unauthorized' });
}

/** Signed in, but without the role the route declares, or a write from another site's page. */
export function forbidden(message: string): Response {
  return jsonError(403, { error: 'forbidden', message });
}

export function invalidParameter(parameter: string, message: string): Response {
  return jsonError(400, { error: 'invalid parameter', parameter, message });
}

/** A request body that could not be used (not JSON, not a GuardDuty export, …). */
export function invalidInput(message: string): Response {
  return jsonError(400, { error: 'invalid input', message });
}

export function notFound(message: string): Response {
  return jsonError(404, { error: 'not found', message });
}

export function tooLarge(message: string): Response {
  return jsonError(413, { error: 'too large', message });
}

/**
 * Engine failures are upstream failures: the query engine, not this server, timed out or failed.
 * What the failed query scanned and cost goes with it (Athena bills stopped queries); its SQL does not.
 */
export function engineErrorResponse(error: EngineError): Response {
  const stats = error.details?.stats;
  return jsonError(error.code === 'TIMEOUT' ? 504 : 502, { error: error.message, code: error.code, ...(stats ? { stats } : {}) });
}

/**
 * Maps anything a handler threw to a response. Unknown errors are logged here with their stack and
 * answered without detail, so internals (paths, SQL, secrets in messages) never reach the client.
 */
export function errorResponse(error: unknown, context: string): Response {
  if (error instanceof EngineError) return engineErrorResponse(error);
  if (error instanceof ParamError) return invalidParameter(error.parameter, error.message);
  if (error instanceof BodyTooLargeError) return tooLarge(error.message);
  console.error(`[api] ${context} failed:`, error);
  return jsonError(500, { error: 'internal error' });
}

import type { AuthUser } from '@/lib/auth/roles';
import type { AuditAction, AuditEvent, AuditOutcome, AuditScope } from './event';

/**
 * What a route declares about auditing (withAuth's `audit`), and the entry one call of it makes.
 * The action is fixed per route; entity and detail are read from the validated request and, for
 * what only the handler knows (the account an upload was for, how many findings it imported),
 * its result. The scope is found, not declared: the handler's `scope` (the resolved one, defaults
 * included) or else the query's `from`/`to`.
 */
export interface RouteAuditSpec<I> {
  action: AuditAction;
  entity?: (input: I) => string | null | undefined;
  detail?: (input: I) => Record<string, unknown> | undefined;
}

/** What the callbacks see: the parsed query and path, the caller, and the handler's data (undefined when it failed or answered with a Response). */
export interface RouteAuditInput {
  query: unknown;
  params: unknown;
  user: AuthUser;
  result: unknown;
}

export interface RouteCall<I> {
  user: AuthUser;
  /** Null when the query or path did not validate: the entry then names no entity. */
  input: I | null;
  status: number;
  method: string;
  pathname: string;
  address: string | null;
}

/** 2xx/3xx did it; 403 was not allowed; anything else (400, 404, 5xx) was allowed and did not work. */
export function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'ok';
  return status === 403 ? 'refused' : 'failed';
}

export function routeAuditEvent<I extends RouteAuditInput>(spec: RouteAuditSpec<I>, call: RouteCall<I>): AuditEvent {
  const outcome = outcomeOf(call.status);
  const input = call.input;
  // A callback that trips over an unexpected result must not cost the entry, only its detail.
  const entity = input && spec.entity ? attempt(() => spec.entity?.(input)) : undefined;
  const detail = input && spec.detail ? attempt(() => spec.detail?.(input)) : undefined;
  return {
    action: spec.action,
    actor: call.user.name,
    via: call.user.via,
    address: call.address,
    entity: entity ?? null,
    scope: input ? (scopeOf(member(input.result, 'scope')) ?? scopeOf(input.query)) : null,
    outcome,
    detail: { request: `${call.method} ${call.pathname}`, ...(outcome === 'ok' ? {} : { status: call.status }), ...detail },
  };
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    console.error('[audit] a route audit callback failed:', error);
    return undefined;
  }
}

function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

function scopeOf(value: unknown): AuditScope | null {
  const from = member(value, 'from');
  const to = member(value, 'to');
  return typeof from === 'string' && typeof to === 'string' ? { from, to } : null;
}

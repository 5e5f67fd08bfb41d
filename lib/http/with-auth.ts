import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import type { AuditAction } from '@/lib/audit/event';
import { recordAudit } from '@/lib/audit/record';
import { routeAuditEvent, type RouteAuditSpec } from '@/lib/audit/route-audit';
import { requestUser } from '@/lib/auth/request-user';
import { hasRole, type AuthUser, type Role } from '@/lib/auth/roles';
import { env } from '@/lib/env';
import { paramProblem } from '@/lib/params/param-error';
import { clientAddress } from './client-address';
import { errorResponse, forbidden, invalidParameter, unauthorized } from './errors';
import { appOriginsOf, changesState, isSameOriginRequest } from './same-origin';

/**
 * The one wrapper every API route handler goes through: who is calling, may they (the role the
 * route declares), did a write come from this app's own pages, are the query and path parameters
 * valid, and how failures become JSON. Handlers return data (sent as JSON) or a Response of their
 * own, and never need a try/catch.
 *
 *   export const GET = withAuth({ query: queryParams }, ({ req, query }) => eventsForRequest(query, req.signal), { role: 'viewer' });
 *
 * The schemas come from the page route's search-params.ts; the handler is one call into lib (a
 * domain's `for-request.ts`), which shapes the answer, so a route file holds no logic of its own.
 *
 * A route that views an entity or changes state also declares what the audit log records; every
 * call by a known caller is then recorded, refused and failed ones included (lib/audit):
 *
 *   { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('finding', params.id) } }
 */

export interface RouteSchemas {
  query?: z.ZodType;
  params?: z.ZodType;
}

/** What a route declares about who may call it (required, so a new route cannot forget it) and what the audit log keeps of each call. */
export interface RouteAccess<S extends RouteSchemas = RouteSchemas, R = unknown> {
  role: Role;
  audit?: RouteAuditSpec<AuditInput<S, R>>;
}

type Parsed<S extends RouteSchemas, K extends keyof RouteSchemas> = S extends { [P in K]: infer T extends z.ZodType }
  ? z.output<T>
  : undefined;

export interface AuthedRequest<S extends RouteSchemas> {
  req: NextRequest;
  query: Parsed<S, 'query'>;
  params: Parsed<S, 'params'>;
  user: AuthUser;
}

/** What a route's audit callbacks see. `result` is the handler's data; undefined when it failed or answered with a Response. */
export interface AuditInput<S extends RouteSchemas, R> {
  query: Parsed<S, 'query'>;
  params: Parsed<S, 'params'>;
  user: AuthUser;
  result: Exclude<Awaited<R>, Response> | undefined;
}

/** What Next 16 passes a route handler as its second argument: params arrive as a Promise. */
export interface NextRouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * A route as exported: the role it declares, the action it audits and the parameters it validates
 * are readable, for the route-table and bad-input probe tests.
 */
export type RouteHandler = ((req: NextRequest, context: NextRouteContext) => Promise<Response>) & {
  readonly access: Readonly<{ role: Role; audit?: AuditAction }>;
  readonly schemas: Readonly<RouteSchemas>;
};

/** What one call got to, for its audit entry. */
interface CallState<S extends RouteSchemas, R> {
  user?: AuthUser;
  input?: Omit<AuditInput<S, R>, 'result'>;
  result?: Exclude<Awaited<R>, Response>;
}

export function withAuth<S extends RouteSchemas, R>(
  schemas: S,
  handler: (request: AuthedRequest<S>) => R,
  access: RouteAccess<S, R>,
): RouteHandler {
  const respond = async (req: NextRequest, context: NextRouteContext, call: CallState<S, R>): Promise<Response> => {
    try {
      const user = await requestUser(req);
      if (!user) return unauthorized();
      call.user = user;
      // Parsed before the role check so a refused call's entry still names its entity; a refusal
      // still answers before a validation error does.
      const input = await parseInput(schemas, req, context);
      if (!(input instanceof Response)) call.input = { ...input, user };
      if (!hasRole(user, access.role)) {
        return forbidden(
          user.via === 'token'
            ? 'API tokens are read-only: sign in as an administrator to change this'
            : `this needs the ${access.role} role; you are signed in as a ${user.role}`,
        );
      }
      if (user.via === 'session' && changesState(req.method) && !isSameOriginRequest({ headers: req.headers, appOrigins: appOrigins(req) })) {
        return forbidden('the request came from another site (its Origin is not this app): refused to protect your session');
      }
      if (input instanceof Response) return input;

      const result = await handler({ req, user, ...input } as AuthedRequest<S>);
      if (result instanceof Response) return result;
      call.result = result as Exclude<Awaited<R>, Response>;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result);
    } catch (error) {
      return errorResponse(error, `${req.method} ${req.nextUrl.pathname}`);
    }
  };

  const route = async (req: NextRequest, context: NextRouteContext): Promise<Response> => {
    const call: CallState<S, R> = {};
    const response = await respond(req, context, call);
    // Nobody to name (no session, a wrong token): nothing to record here; the proxy answers most of those.
    if (access.audit && call.user) {
      await recordAudit(
        routeAuditEvent(access.audit, {
          user: call.user,
          input: call.input ? { ...call.input, result: call.result } : null,
          status: response.status,
          method: req.method,
          pathname: req.nextUrl.pathname,
          address: clientAddress(req.headers),
        }),
      );
    }
    return response;
  };
  return Object.assign(route, {
    access: Object.freeze({ role: access.role, ...(access.audit ? { audit: access.audit.action } : {}) }),
    schemas: Object.freeze({ ...schemas }),
  });
}

/** The validated query and path parameters, or the 400 response naming the first bad one. */
async function parseInput<S extends RouteSchemas>(
  schemas: S,
  req: NextRequest,
  context: NextRouteContext,
): Promise<{ query: Parsed<S, 'query'>; params: Parsed<S, 'params'> } | Response> {
  const query = validate(schemas.query, 'query', searchParamsObject(req.nextUrl.searchParams));
  if (query instanceof Response) return query;
  const params = validate(schemas.params, 'params', schemas.params ? await context.params : undefined);
  if (params instanceof Response) return params;
  return { query: query as Parsed<S, 'query'>, params: params as Parsed<S, 'params'> };
}

function appOrigins(req: NextRequest): string[] {
  const settings = env();
  return appOriginsOf(req.headers, { requestUrl: req.url, publicUrl: settings.AUTH_URL, trustForwarded: settings.AUTH_TRUST_HOST });
}

/** Returns the parsed value, or the 400 response naming the first offending parameter. */
function validate(schema: z.ZodType | undefined, source: 'query' | 'params', input: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { parameter, message } = paramProblem(result.error, source);
  return invalidParameter(parameter, message);
}

/** A repeated key (`?role=a&role=b`) becomes an array; a single one stays a string. */
export function searchParamsObject(searchParams: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

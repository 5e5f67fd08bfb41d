import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { requestUser } from '@/lib/auth/request-user';
import { hasRole, type AuthUser, type Role } from '@/lib/auth/roles';
import { env } from '@/lib/env';
import { errorResponse, forbidden, invalidParameter, unauthorized } from './errors';
import { appOriginsOf, changesState, isSameOriginRequest } from './same-origin';

/**
 * The one wrapper every API route handler goes through: who is calling, may they (the role the
 * route declares), did a write come from this app's own pages, are the query and path parameters
 * valid, and how failures become JSON. Handlers return data (sent as JSON) or a Response of their
 * own, and never need a try/catch.
 *
 *   export const GET = withAuth({ query: eventsQuery }, ({ query }) => searchEvents(query), { role: 'viewer' });
 */

export interface RouteSchemas {
  query?: z.ZodType;
  params?: z.ZodType;
}

/** What a route declares about who may call it. Required, so a new route cannot forget it. */
export interface RouteAccess {
  role: Role;
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

/** What Next 16 passes a route handler as its second argument: params arrive as a Promise. */
export interface NextRouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export type RouteHandler = ((req: NextRequest, context: NextRouteContext) => Promise<Response>) & { readonly access: RouteAccess };

export function withAuth<S extends RouteSchemas>(
  schemas: S,
  handler: (request: AuthedRequest<S>) => unknown,
  access: RouteAccess,
): RouteHandler {
  const route = async (req: NextRequest, context: NextRouteContext): Promise<Response> => {
    try {
      const user = await requestUser(req);
      if (!user) return unauthorized();
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

      const query = validate(schemas.query, 'query', searchParamsObject(req.nextUrl.searchParams));
      if (query instanceof Response) return query;
      const params = validate(schemas.params, 'params', schemas.params ? await context.params : undefined);
      if (params instanceof Response) return params;

      const result = await handler({ req, user, query, params } as AuthedRequest<S>);
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result);
    } catch (error) {
      return errorResponse(error, `${req.method} ${req.nextUrl.pathname}`);
    }
  };
  return Object.assign(route, { access: Object.freeze({ ...access }) });
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
  const issue = result.error.issues[0];
  const name = issue?.path[0];
  return invalidParameter(name === undefined ? source : String(name), issue?.message ?? 'is invalid');
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

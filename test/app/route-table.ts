import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROLES, type Role } from '@/lib/auth/roles';

/**
 * Every page and API route of the app, read from the `app/` tree, with the role each one declares:
 * the input of the route-table tests (test/route-table.test.ts checks the declarations against
 * the modules; e2e/route-table.spec.ts asks the running app). A route added tomorrow is in the
 * table tomorrow, and one without a declared role fails both.
 *
 * API routes declare their role in the wrapper, `withAuth(schemas, handler, { role })`, read here
 * from the source with the TypeScript parser. Pages need a session (the proxy and the dashboard
 * layout), and pages under /admin the admin role (its layout). Auth.js's own routes and the
 * sign-in page are the only public ones.
 */

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type Access = { kind: 'role'; role: Role } | { kind: 'public'; why: string } | { kind: 'undeclared'; why: string };

export interface RouteEntry {
  kind: 'page' | 'api';
  /** The module, relative to the repository. */
  file: string;
  /** URL pattern with Next's segments: `/api/role-sessions/[sessionId]/chain`. */
  pattern: string;
  /** The dynamic segments' names, in order. */
  params: string[];
  /** Pages: GET; API routes: the methods the module exports, each with its access. */
  methods: Partial<Record<HttpMethod, Access>>;
}

const ROOT = path.resolve(__dirname, '../..');
const APP = path.join(ROOT, 'app');

/** Auth.js's endpoints: sign-in, callback, sign-out, session, CSRF token. It guards them itself. */
const PUBLIC_API = new Set(['/api/auth/[...nextauth]']);
const PUBLIC_PAGES = new Set(['/sign-in']);

export function routeTable(appDir: string = APP): RouteEntry[] {
  const entries: RouteEntry[] = [];
  for (const file of walk(appDir)) {
    const base = path.basename(file);
    if (base !== 'page.tsx' && base !== 'route.ts') continue;
    const pattern = urlPattern(path.relative(appDir, path.dirname(file)));
    const params = [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1] as string);
    const rel = path.relative(ROOT, file);
    if (base === 'page.tsx') {
      const access: Access = PUBLIC_PAGES.has(pattern)
        ? { kind: 'public', why: 'the sign-in page' }
        : { kind: 'role', role: pattern === '/admin' || pattern.startsWith('/admin/') ? 'admin' : 'viewer' };
      entries.push({ kind: 'page', file: rel, pattern, params, methods: { GET: access } });
    } else {
      const methods = declaredMethods(fs.readFileSync(file, 'utf8'), file);
      if (PUBLIC_API.has(pattern)) for (const m of Object.keys(methods) as HttpMethod[]) methods[m] = { kind: 'public', why: 'Auth.js endpoints' };
      entries.push({ kind: 'api', file: rel, pattern, params, methods });
    }
  }
  return entries.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** `(dashboard)/roles/[roleArn]` → `/roles/[roleArn]`; route groups are not part of the URL. */
function urlPattern(dir: string): string {
  const segments = dir.split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/**
 * The HTTP methods a route module exports and the role each declares. `export const GET =
 * withAuth(…, …, { role: 'viewer' })` is a declaration; anything else exported under a method's
 * name (a bare function, a wrapper without a literal role) is undeclared.
 */
export function declaredMethods(source: string, fileName = 'route.ts'): Partial<Record<HttpMethod, Access>> {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const methods: Partial<Record<HttpMethod, Access>> = {};
  const isMethod = (name: string): name is HttpMethod => (HTTP_METHODS as readonly string[]).includes(name);
  for (const statement of sf.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name && isMethod(statement.name.text)) {
      methods[statement.name.text] = { kind: 'undeclared', why: 'a bare function, not withAuth(…, { role })' };
    }
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (ts.isObjectBindingPattern(decl.name)) {
        for (const element of decl.name.elements) {
          const name = element.name.getText(sf);
          if (isMethod(name)) methods[name] = { kind: 'undeclared', why: 'destructured, not withAuth(…, { role })' };
        }
        continue;
      }
      const name = decl.name.getText(sf);
      if (!isMethod(name)) continue;
      methods[name] = accessOf(decl.initializer, sf);
    }
  }
  return methods;
}

function accessOf(init: ts.Expression | undefined, sf: ts.SourceFile): Access {
  if (!init || !ts.isCallExpression(init) || init.expression.getText(sf) !== 'withAuth') return { kind: 'undeclared', why: 'not a withAuth(…) call' };
  const options = init.arguments[2];
  if (!options || !ts.isObjectLiteralExpression(options)) return { kind: 'undeclared', why: 'withAuth without its { role } argument' };
  for (const prop of options.properties) {
    if (!ts.isPropertyAssignment(prop) || prop.name.getText(sf) !== 'role') continue;
    const value = prop.initializer;
    if (ts.isStringLiteral(value) && (ROLES as readonly string[]).includes(value.text)) return { kind: 'role', role: value.text as Role };
    return { kind: 'undeclared', why: `role is ${value.getText(sf)}, not one of ${ROLES.join(', ')} written out` };
  }
  return { kind: 'undeclared', why: 'withAuth options without role' };
}

/**
 * A real OpenID Connect provider on loopback for the end-to-end tests: `oidc-provider` (a certified
 * implementation), over HTTPS with a throwaway CA this module makes, so Trailscope's server talks to
 * it as to a production identity provider, with no test-only switch in the app.
 *
 *   browser ──▶ /auth ──▶ /interaction/:uid (login form below) ──▶ /auth/:uid ──▶ <app>/api/auth/callback/oidc
 *   app server ──▶ /.well-known/openid-configuration, /token (client_secret_basic, PKCE S256 required), /me, /jwks
 *   Playwright ──▶ /test-control/forge (bearer control token): the next ID token gets a wrong `iss` or `aud`
 *
 * Claims follow OIDC Core §5.4 strictly (oidc-provider's default): the ID token carries `sub`, and
 * `name`, `email` and `groups` come from the userinfo endpoint.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { isAllowedApiToken } from '@/lib/auth/api-tokens';

export const OIDC_TEST_ADMIN_GROUP = 'trailscope-admins';

/** Sign in with the key as username; `name` is what Trailscope's header should show. */
export const OIDC_TEST_ACCOUNTS = {
  'oidc-viewer': { sub: '00u1vera', name: 'Vera Viewer', email: 'vera@example.test', groups: [] as string[] },
  'oidc-admin': { sub: '00u2ada', name: 'Ada Admin', email: 'ada@example.test', groups: ['staff', OIDC_TEST_ADMIN_GROUP] },
};
type Login = keyof typeof OIDC_TEST_ACCOUNTS;

/** Which claim of the next ID token the token endpoint forges (still signed with the provider's key). */
export const FORGEABLE_CLAIMS = ['iss', 'aud'] as const;
export type ForgeableClaim = (typeof FORGEABLE_CLAIMS)[number];
export const FORGED_VALUES: Record<ForgeableClaim, string> = { iss: 'https://idp.attacker.example', aud: 'another-client' };
export const CONTROL_PATH = '/test-control/forge';

export interface OidcTestProviderOptions {
  port: number;
  /** Where the certificates go; the caller removes it. */
  dir: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The password of every test account. */
  password: string;
  /** Bearer token for CONTROL_PATH. */
  controlToken: string;
}

export interface OidcTestProvider {
  issuer: string;
  /** The CA that signed the provider's certificate: NODE_EXTRA_CA_CERTS for Node processes that call it. */
  caFile: string;
  close(): Promise<void>;
}

export async function startOidcTestProvider(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
  // ESM-only package; loaded here so importing the account list above stays cheap.
  const { default: Provider } = await import('oidc-provider');
  const issuer = `https://127.0.0.1:${options.port}`;
  const tls = makeCertificates(options.dir);
  const { privateKey, jwk } = signingKey();
  const forge = { armed: null as ForgeableClaim | null, forged: 0 };

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'], groups: ['groups'] },
    pkce: { required: () => true },
    // Lifetimes for one test run, set so the provider does not warn about its defaults.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount(_ctx, sub) {
      const login = loginOf(sub);
      if (!login) return undefined;
      const { name, email, groups } = OIDC_TEST_ACCOUNTS[login];
      return { accountId: sub, claims: () => ({ sub, name, preferred_username: login, email, email_verified: true, groups }) };
    },
    // One first-party client: consent is implied, as in a company IdP where the admin assigned the app.
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);

  // Before the provider's own routes; `ctx.oidc` is only there for them.
  provider.use(async (ctx: KoaContextWithOIDC, next) => {
    const interaction = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(ctx.path);
    if (interaction) return interact(ctx, interaction[1] as string, interaction[2] !== undefined);
    if (ctx.path === CONTROL_PATH) return control(ctx);
    await next();
    if (ctx.oidc?.route === 'token' && ctx.status === 200 && forge.armed) {
      const body = ctx.body as { id_token?: string };
      if (body.id_token) {
        body.id_token = forgeIdToken(body.id_token, forge.armed, privateKey);
        forge.armed = null;
        forge.forged += 1;
      }
    }
  });

  async function interact(ctx: KoaContextWithOIDC, uid: string, submitted: boolean): Promise<void> {
    ctx.set('cache-control', 'no-store');
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    // loadExistingGrant answers consent, so login is the only prompt left to a person.
    if (details.prompt.name !== 'login') ctx.throw(501, `prompt ${details.prompt.name} is not part of the test provider`);
    if (!submitted) return renderLogin(ctx, uid);
    const form = await formBody(ctx.req);
    const login = form.get('login') ?? '';
    const known = Object.hasOwn(OIDC_TEST_ACCOUNTS, login) ? OIDC_TEST_ACCOUNTS[login as Login] : undefined;
    if (!known || !isAllowedApiToken(form.get('password') ?? '', [options.password])) return renderLogin(ctx, uid, 'Wrong username or password.');
    await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: known.sub } }, { mergeWithLastSubmission: false });
  }

  function control(ctx: KoaContextWithOIDC): void {
    const authorization = ctx.get('authorization');
    if (!isAllowedApiToken(authorization, [`Bearer ${options.controlToken}`])) {
      ctx.status = 401;
      return;
    }
    if (ctx.method === 'POST') {
      const claim = ctx.query.claim;
      if (!FORGEABLE_CLAIMS.includes(claim as ForgeableClaim)) ctx.throw(400, `claim must be one of ${FORGEABLE_CLAIMS.join(', ')}`);
      forge.armed = claim as ForgeableClaim;
    }
    ctx.body = forge;
  }

  // What the provider refused and why, in the harness output (Trailscope's log only says it failed).
  const events: EventEmitter = provider;
  for (const event of ['authorization.error', 'grant.error', 'userinfo.error', 'server_error']) {
    events.on(event, (_ctx: unknown, error: Error & { error_description?: string; error_detail?: string }) =>
      console.warn(`[oidc-test-provider] ${event}: ${[error.message, error.error_description, error.error_detail].filter(Boolean).join(': ')}`),
    );
  }

  const server = https.createServer({ key: tls.key, cert: tls.cert }, provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });

  return {
    issuer,
    caFile: tls.caFile,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function loginOf(sub: string): Login | undefined {
  return (Object.keys(OIDC_TEST_ACCOUNTS) as Login[]).find((login) => OIDC_TEST_ACCOUNTS[login].sub === sub);
}

function renderLogin(ctx: KoaContextWithOIDC, uid: string, error?: string): void {
  ctx.type = 'html';
  ctx.body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Loopback IdP · Sign in</title></head>
<body>
  <h1>Loopback test identity provider</h1>
  ${error ? `<p role="alert">${error}</p>` : ''}
  <form method="post" action="/interaction/${uid}/login">
    <label>Username <input name="login" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit">Continue</button>
  </form>
</body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** An RS256 key (the ID token algorithm clients get by default), kept here so forged tokens verify too. */
function signingKey(): { privateKey: KeyObject; jwk: Record<string, string> } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(privateKey.export({ format: 'jwk' }) as Record<string, string>), kid: 'e2e-1', alg: 'RS256', use: 'sig' };
  return { privateKey, jwk };
}

/** The provider's own ID token with one claim replaced, re-signed with the provider's key. */
function forgeIdToken(idToken: string, claim: ForgeableClaim, privateKey: KeyObject): string {
  const [header, payload] = idToken.split('.') as [string, string];
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), [claim]: FORGED_VALUES[claim] };
  const signingInput = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signingInput}.${sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
}

/** A one-day CA and a certificate for 127.0.0.1 signed by it (the CA alone is what clients trust). */
function makeCertificates(dir: string): { key: Buffer; cert: Buffer; caFile: string } {
  fs.mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '1', '-subj', '/CN=Trailscope e2e test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  openssl('req', ...ec, '-keyout', file('idp.key'), '-out', file('idp.csr'), '-subj', '/CN=127.0.0.1');
  fs.writeFileSync(file('idp.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n');
  openssl('x509', '-req', '-in', file('idp.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-set_serial', `0x${randomBytes(8).toString('hex')}`,
    '-days', '1', '-extfile', file('idp.ext'), '-out', file('idp.crt'));
  return { key: fs.readFileSync(file('idp.key')), cert: fs.readFileSync(file('idp.crt')), caFile: file('ca.crt') };
}

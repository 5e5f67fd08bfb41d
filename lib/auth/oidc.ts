import type { OIDCConfig } from 'next-auth/providers';
import type { Env } from '@/lib/env';
import type { Role } from './roles';

/** The claims we read (from the ID token and the userinfo response); providers add more, which we ignore. */
interface OidcProfile extends Record<string, unknown> {
  sub: string;
  name?: string;
  preferred_username?: string;
  email?: string;
}

export const OIDC_PROVIDER_ID = 'oidc';

export type OidcRoleSettings = Pick<Env, 'TRAILSCOPE_OIDC_ADMIN_GROUPS' | 'TRAILSCOPE_OIDC_ANALYST_GROUPS' | 'TRAILSCOPE_OIDC_GROUPS_CLAIM'>;

/** Who signed in through the identity provider, as a sign-in callback or the users table needs it. */
export interface OidcIdentity {
  /** The provider's `sub`: stable for the user, unlike the display name. */
  subject: string;
  name: string;
  email: string | null;
  role: Role;
}

/**
 * The groups a claim lists. Providers send an array (Okta, Entra ID, Keycloak, Dex), some a single
 * string separated by spaces or commas; anything else lists no group.
 */
export function groupsFromClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string' && g.length > 0);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((g) => g.length > 0);
  return [];
}

/**
 * Admin when the groups claim names one of TRAILSCOPE_OIDC_ADMIN_GROUPS, else analyst when it names
 * one of TRAILSCOPE_OIDC_ANALYST_GROUPS (exactly: a near miss in case or spacing must not grant a
 * role), else viewer. Who may reach Trailscope at all is decided at the identity provider.
 */
export function roleFromClaims(claims: Record<string, unknown>, settings: OidcRoleSettings): Role {
  const admins = new Set(settings.TRAILSCOPE_OIDC_ADMIN_GROUPS);
  const analysts = new Set(settings.TRAILSCOPE_OIDC_ANALYST_GROUPS);
  if (admins.size === 0 && analysts.size === 0) return 'viewer';
  const groups = groupsFromClaim(claims[settings.TRAILSCOPE_OIDC_GROUPS_CLAIM]);
  if (groups.some((g) => admins.has(g))) return 'admin';
  return groups.some((g) => analysts.has(g)) ? 'analyst' : 'viewer';
}

export function oidcIdentity(claims: OidcProfile, settings: OidcRoleSettings): OidcIdentity {
  const text = (v: unknown) => (typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined);
  return {
    subject: claims.sub,
    name: text(claims.name) ?? text(claims.preferred_username) ?? text(claims.email) ?? claims.sub,
    email: text(claims.email) ?? null,
    role: roleFromClaims(claims, settings),
  };
}

/**
 * The user's claims from both places a provider may put them. Strict providers (and Okta's default
 * server) send profile and group claims only from the userinfo endpoint when an access token is
 * issued, as OIDC Core §5.4 says; others (Entra ID's groups) only in the ID token. Auth.js has
 * already validated this ID token (issuer, audience, expiry, nonce) and checked that userinfo's
 * `sub` matches it, so reading its payload here trusts nothing new.
 */
export function mergedClaims(userinfo: OidcProfile, idToken: string | undefined): OidcProfile {
  const payload = idToken?.split('.')[1];
  const fromIdToken: unknown = payload ? JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) : {};
  return { ...(fromIdToken as Record<string, unknown>), ...userinfo };
}

/**
 * The single-sign-on provider, when TRAILSCOPE_OIDC_ISSUER is set. Discovery comes from the
 * issuer's /.well-known/openid-configuration; Auth.js (oauth4webapi) checks state, PKCE and the
 * nonce, and the ID token's issuer and audience. The role comes from the groups claim.
 */
export function oidcProvider(settings: Env): OIDCConfig<OidcProfile> | null {
  const issuer = settings.TRAILSCOPE_OIDC_ISSUER;
  const clientId = settings.TRAILSCOPE_OIDC_CLIENT_ID;
  const clientSecret = settings.TRAILSCOPE_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.TRAILSCOPE_OIDC_NAME,
    type: 'oidc',
    issuer,
    clientId,
    clientSecret,
    authorization: { params: { scope: settings.TRAILSCOPE_OIDC_SCOPES.join(' ') } },
    checks: ['pkce', 'state', 'nonce'],
    // Also ask the userinfo endpoint (the ID token is still required and validated): see mergedClaims.
    idToken: false,
    profile(userinfo, tokens) {
      const identity = oidcIdentity(mergedClaims(userinfo, tokens.id_token), settings);
      return { id: identity.subject, name: identity.name, email: identity.email, role: identity.role };
    },
  };
}

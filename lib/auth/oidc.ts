import type { OIDCConfig } from 'next-auth/providers';
import type { Env } from '@/lib/env';

/** The claims we read from the ID token; providers add more, which we ignore. */
interface OidcProfile extends Record<string, unknown> {
  sub: string;
  name?: string;
  preferred_username?: string;
  email?: string;
}

export const OIDC_PROVIDER_ID = 'oidc';

/**
 * The single-sign-on provider, when TRAILSCOPE_OIDC_ISSUER is set. Discovery comes from the
 * issuer's /.well-known/openid-configuration. Everyone the identity provider lets in is a viewer;
 * who may reach Trailscope at all is decided there.
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
    checks: ['pkce', 'state', 'nonce'],
    profile(profile) {
      return {
        id: profile.sub,
        name: profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub,
        email: profile.email ?? null,
        role: 'viewer',
      };
    },
  };
}

import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from '@/auth.config';
import { ensureAuthSecret } from '@/lib/auth/auth-secret';
import { verifyCredentials } from '@/lib/auth/credentials';
import { OIDC_PROVIDER_ID, oidcProvider } from '@/lib/auth/oidc';
import { admitOidcUser } from '@/lib/auth/oidc-users';
import { endSession } from '@/lib/auth/sign-out';
import { recordAudit } from '@/lib/audit/record';
import { env } from '@/lib/env';

/**
 * The full Auth.js setup: the shared token handling plus the providers. Initialised lazily so
 * nothing (env validation, the session secret file) runs while `next build` imports this module.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const oidc = oidcProvider(env());
  return {
    ...authConfig,
    secret: ensureAuthSecret(),
    providers: [
      Credentials({
        credentials: { username: { label: 'Username' }, password: { label: 'Password', type: 'password' } },
        authorize: (credentials, request) => verifyCredentials(credentials, request),
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      ...authConfig.callbacks,
      async signIn({ user, account }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const displayName = user.name ?? account.providerAccountId;
        const admitted = await admitOidcUser({ subject: account.providerAccountId, displayName, role: user.role ?? 'viewer' });
        await recordAudit({
          action: admitted ? 'sign-in' : 'sign-in-failed',
          actor: admitted?.name ?? `sso:${account.providerAccountId}`,
          via: 'oidc',
          outcome: admitted ? 'ok' : 'refused',
          detail: { displayName },
        });
        if (!admitted) return false;
        // The same object reaches the jwt callback, which starts the session under this key and version.
        user.userKey = admitted.name;
        user.role = admitted.role;
        user.sessionVersion = admitted.sessionVersion;
        return true;
      },
    },
    events: {
      async signOut(message) {
        if (!('token' in message) || !message.token) return;
        await endSession(message.token);
        await recordAudit({ action: 'sign-out', actor: message.token.user ?? null, via: 'session' });
      },
    },
    logger: {
      // A wrong password is routine, not an error with a stack trace in the server log.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error('[auth]', error);
      },
    },
  };
});

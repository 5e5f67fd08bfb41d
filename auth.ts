import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from '@/auth.config';
import { ensureAuthSecret } from '@/lib/auth/auth-secret';
import { verifyCredentials } from '@/lib/auth/credentials';
import { oidcProvider } from '@/lib/auth/oidc';
import { env } from '@/lib/env';

/**
 * The full Auth.js setup: the edge-safe config plus the providers. Initialised lazily so nothing
 * (env validation, the session secret file) runs while `next build` imports this module.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const oidc = oidcProvider(env());
  return {
    ...authConfig,
    secret: ensureAuthSecret(),
    providers: [
      Credentials({
        credentials: { username: { label: 'Username' }, password: { label: 'Password', type: 'password' } },
        authorize: verifyCredentials,
      }),
      ...(oidc ? [oidc] : []),
    ],
    logger: {
      // A wrong password is routine, not an error with a stack trace in the server log.
      error(error) {
        if (error instanceof CredentialsSignin) console.warn('[auth] sign-in refused: wrong username or password');
        else console.error('[auth]', error);
      },
    },
  };
});

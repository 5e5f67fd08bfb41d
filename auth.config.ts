import type { NextAuthConfig } from 'next-auth';
import { roleSchema } from '@/lib/auth/roles';
import '@/lib/auth/next-auth-types';

/**
 * The part of the Auth.js setup that only reads and writes the session token: no providers, no
 * database, no bcrypt. proxy.ts builds on this alone, so the gate in front of every request stays
 * light; auth.ts adds the providers for the sign-in routes.
 */
export const authConfig = {
  // Failed OIDC round trips land on our page with `?error=`, not on Auth.js's unstyled one.
  pages: { signIn: '/sign-in', error: '/sign-in' },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // `user` is only present on the sign-in request: copy what the session needs into the token.
      if (user) {
        token.name = user.name ?? token.name;
        token.role = user.role ?? 'viewer';
      }
      return token;
    },
    session({ session, token }) {
      // Only the name and role reach the browser; nothing else from the token or the provider.
      const role = roleSchema.catch('viewer').parse(token.role);
      return { expires: session.expires, user: { id: token.sub, name: token.name ?? token.sub, role } };
    },
  },
} satisfies NextAuthConfig;

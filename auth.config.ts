import type { NextAuthConfig } from 'next-auth';
import { roleSchema } from '@/lib/auth/roles';
import { currentSession } from '@/lib/auth/session-check';
import '@/lib/auth/next-auth-types';

/**
 * The part of the Auth.js setup that reads and writes the session token, shared by proxy.ts and
 * auth.ts (both run on Node.js). The role copied in at sign-in is never trusted afterwards: every
 * read of the token asks the app state who the user is now (lib/auth/session-check.ts), and a
 * session that no longer speaks for anyone is dropped, which clears its cookie.
 */
export const authConfig = {
  // Failed OIDC round trips land on our page with `?error=`, not on Auth.js's unstyled one.
  pages: { signIn: '/sign-in', error: '/sign-in' },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    async jwt({ token, user }) {
      // `user` is only present on the sign-in request: start the session's claims.
      if (user) {
        token.name = user.name ?? token.name;
        token.user = user.userKey ?? user.name ?? undefined;
        token.role = user.role ?? 'viewer';
        token.sv = user.sessionVersion;
        token.sid = crypto.randomUUID();
        return token;
      }
      if (!token.user || token.sv === undefined || !token.sid) return null;
      const current = await currentSession({ name: token.user, sessionVersion: token.sv, sessionId: token.sid });
      if (!current) return null;
      token.role = current.role;
      return token;
    },
    session({ session, token }) {
      // Only the name and role reach the browser; nothing else from the token or the provider.
      const role = roleSchema.catch('viewer').parse(token.role);
      // `id` is the users-table key (who acts, in the audit log); `name` is what the header shows.
      return { expires: session.expires, user: { id: token.user ?? token.sub, name: token.name ?? token.user ?? token.sub, role } };
    },
  },
} satisfies NextAuthConfig;

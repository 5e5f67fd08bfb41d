import type { Role } from './roles';

/** Teaches Auth.js's types about what we carry from sign-in into the JWT and the session. */
declare module '@auth/core/types' {
  interface User {
    role?: Role;
    /** The users-table version the session starts under (lib/auth/session-check.ts). */
    sessionVersion?: number;
    /** The users-table key when it is not the name (single sign-on: `sso:<subject>`). */
    userKey?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    role?: Role;
    /** The users-table key: the user name for passwords, the mapped name for single sign-on. */
    user?: string;
    /** Session version at sign-in. */
    sv?: number;
    /** This session's id, listed on sign-out. */
    sid?: string;
  }
}

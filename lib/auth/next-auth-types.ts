import type { Role } from './roles';

/** Teaches Auth.js's types about the role we carry from sign-in into the JWT and the session. */
declare module '@auth/core/types' {
  interface User {
    role?: Role;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    role?: Role;
  }
}

import { z } from '@/lib/zod';

/** Edge-safe: imported by auth.config.ts. Ordered from least to most privileged. */
export const ROLES = ['viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** The signed-in principal as route handlers and pages see it. `via` says how it proved itself. */
export interface AuthUser {
  /** The users-table key: the user name, or `sso:<subject>` for single sign-on. */
  name: string;
  /** What pages show, when it differs from the key (single sign-on). */
  displayName?: string;
  role: Role;
  via: 'session' | 'token';
}

/**
 * Whether `user` may do what needs `required`. API tokens are for scripts that read: whatever the
 * configuration, a token never meets more than `viewer`.
 */
export function hasRole(user: AuthUser, required: Role): boolean {
  const effective: Role = user.via === 'token' ? 'viewer' : user.role;
  return ROLES.indexOf(effective) >= ROLES.indexOf(required);
}

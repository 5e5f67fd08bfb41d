import { z } from '@/lib/zod';

/**
 * Edge-safe: imported by auth.config.ts. Ordered from least to most privileged: a viewer reads;
 * an analyst also triages findings (status, assignee, notes) and runs the detections; an admin
 * also administers (users, imports, uploads, vendors' expected actions).
 */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
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
  return roleAtLeast(user.via === 'token' ? 'viewer' : user.role, required);
}

/** Whether a role carries at least what `required` does. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

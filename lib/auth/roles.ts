import { z } from 'zod';

/** Edge-safe: imported by auth.config.ts. */
export const ROLES = ['admin', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** The signed-in principal as route handlers and pages see it. `via` says how it proved itself. */
export interface AuthUser {
  name: string;
  role: Role;
  via: 'session' | 'token';
}

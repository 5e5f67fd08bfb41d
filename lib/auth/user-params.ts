import { z } from '@/lib/zod';
import { USER_NAME } from './bootstrap';
import { roleSchema } from './roles';

/** `/api/admin/users/{name}`: the same rule user:add applies, so no odd name reaches the store. */
export const userNameParam = z
  .string()
  .refine((v) => USER_NAME.test(v) || /^sso:[\x21-\x7e]{1,255}$/.test(v), 'must be a user name (2–64 of a-z, 0-9, . _ - starting with a letter) or sso:<subject>');

/** What an administrator may change: `{ role?, disabled?, resetPassword? }`. */
export const userChangeBody = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    /** Generates a new password, returned once in the answer. */
    resetPassword: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'name at least one of role, disabled, resetPassword');

import type { Role } from '@/lib/auth/roles';
import { roleSchema } from '@/lib/auth/roles';
import { withStateConnection } from './db';

export interface StoredUser {
  name: string;
  /** bcrypt hash; null for users who only sign in through OIDC. */
  passwordHash: string | null;
  role: Role;
}

export async function getUser(name: string): Promise<StoredUser | null> {
  return withStateConnection(async (connection) => {
    const reader = await connection.runAndReadAll(
      'SELECT name, password_hash, role FROM users WHERE name = $name',
      { name },
    );
    const row = reader.getRowObjectsJS()[0];
    if (!row) return null;
    return {
      name: String(row.name),
      passwordHash: typeof row.password_hash === 'string' ? row.password_hash : null,
      role: roleSchema.parse(row.role),
    };
  });
}

export async function upsertUser(user: StoredUser): Promise<void> {
  await withStateConnection((connection) =>
    connection.run(
      `INSERT INTO users (name, password_hash, role) VALUES ($name, $passwordHash, $role)
       ON CONFLICT (name) DO UPDATE SET
         password_hash = excluded.password_hash,
         role = excluded.role,
         updated_at = now()`,
      { name: user.name, passwordHash: user.passwordHash, role: user.role },
    ),
  );
}

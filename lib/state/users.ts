import type { Role } from '@/lib/auth/roles';
import { roleSchema } from '@/lib/auth/roles';
import { code, sql } from '@/lib/sql/sql';
import { withStateConnection } from './db';
import { execute, select } from './statement';

export const USER_SOURCES = ['password', 'oidc'] as const;
export type UserSource = (typeof USER_SOURCES)[number];

export interface StoredUser {
  name: string;
  /** bcrypt hash; null for users who only sign in through OIDC. */
  passwordHash: string | null;
  role: Role;
  /** Sessions carry the version they started under; bumping it ends them all. */
  sessionVersion: number;
  disabled: boolean;
  source: UserSource;
  /** What pages show for a single-sign-on user, whose key is `sso:<subject>`; null for password users. */
  displayName: string | null;
}

export interface UserSummary {
  name: string;
  role: Role;
  disabled: boolean;
  source: UserSource;
  displayName: string | null;
  hasPassword: boolean;
  updatedAt: string;
}

const COLUMNS = code('name, password_hash, role, session_version, disabled, source, display_name');

function toUser(row: Record<string, unknown>): StoredUser {
  return {
    name: String(row.name),
    passwordHash: typeof row.password_hash === 'string' ? row.password_hash : null,
    role: roleSchema.parse(row.role),
    sessionVersion: Number(row.session_version),
    disabled: row.disabled === true,
    source: row.source === 'oidc' ? 'oidc' : 'password',
    displayName: typeof row.display_name === 'string' ? row.display_name : null,
  };
}

export async function getUser(name: string): Promise<StoredUser | null> {
  return withStateConnection(async (connection) => {
    const [row] = await select(connection, sql`SELECT ${COLUMNS} FROM users WHERE name = ${name}`);
    return row ? toUser(row) : null;
  });
}

export async function listUsers(): Promise<UserSummary[]> {
  return withStateConnection(async (connection) => {
    const rows = await select(
      connection,
      sql`SELECT name, role, disabled, source, display_name, password_hash IS NOT NULL AS has_password,
              strftime(updated_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS updated_at
         FROM users ORDER BY name`,
    );
    return rows.map((row) => ({
      name: String(row.name),
      role: roleSchema.parse(row.role),
      disabled: row.disabled === true,
      source: row.source === 'oidc' ? 'oidc' : 'password',
      displayName: typeof row.display_name === 'string' ? row.display_name : null,
      hasPassword: row.has_password === true,
      updatedAt: String(row.updated_at),
    }));
  });
}

export interface UserWrite {
  name: string;
  passwordHash: string | null;
  role: Role;
  source?: UserSource;
  disabled?: boolean;
  displayName?: string | null;
}

/**
 * Creates the user, or replaces its password hash, role, source and disabled flag. When any of
 * those changes, the session version goes up, so sessions begun before the change end.
 */
export async function upsertUser(user: UserWrite): Promise<StoredUser> {
  return withStateConnection(async (connection) => {
    const [row] = await select(
      connection,
      sql`INSERT INTO users (name, password_hash, role, source, disabled, display_name)
       VALUES (${user.name}, ${user.passwordHash}, ${user.role}, ${user.source ?? 'password'}, ${user.disabled ?? false}, ${user.displayName ?? null})
       ON CONFLICT (name) DO UPDATE SET
         session_version = users.session_version + CASE
           WHEN users.password_hash IS DISTINCT FROM excluded.password_hash OR users.role <> excluded.role
             OR users.disabled <> excluded.disabled OR users.source <> excluded.source THEN 1 ELSE 0 END,
         password_hash = excluded.password_hash,
         role = excluded.role,
         source = excluded.source,
         disabled = excluded.disabled,
         display_name = excluded.display_name,
         updated_at = now()
       RETURNING ${COLUMNS}`,
    );
    return toUser(row as Record<string, unknown>);
  });
}

/** Removes the user; their sessions end because the lookup finds no one. */
export async function deleteUser(name: string): Promise<boolean> {
  return withStateConnection(async (connection) => {
    const rows = await select(connection, sql`DELETE FROM users WHERE name = ${name} RETURNING name`);
    return rows.length > 0;
  });
}

/** Ends one session (sign-out): kept until `expiresAt`, when the cookie is dead anyway. */
export async function revokeSession(sessionId: string, userName: string, expiresAt: Date): Promise<void> {
  await withStateConnection(async (connection) => {
    await execute(connection, sql`DELETE FROM revoked_sessions WHERE expires_at < now()`);
    await execute(
      connection,
      sql`INSERT INTO revoked_sessions (session_id, user_name, expires_at) VALUES (${sessionId}, ${userName}, ${expiresAt.toISOString()}::TIMESTAMPTZ)
       ON CONFLICT (session_id) DO NOTHING`,
    );
  });
}

export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  return withStateConnection(async (connection) => {
    const rows = await select(connection, sql`SELECT 1 FROM revoked_sessions WHERE session_id = ${sessionId}`);
    return rows.length > 0;
  });
}

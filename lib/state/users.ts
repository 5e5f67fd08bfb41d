import type { Role } from '@/lib/auth/roles';
import { roleSchema } from '@/lib/auth/roles';
import { withStateConnection } from './db';

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

const COLUMNS = 'name, password_hash, role, session_version, disabled, source, display_name';

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
    const reader = await connection.runAndReadAll(`SELECT ${COLUMNS} FROM users WHERE name = $name`, { name });
    const row = reader.getRowObjectsJS()[0];
    return row ? toUser(row) : null;
  });
}

export async function listUsers(): Promise<UserSummary[]> {
  return withStateConnection(async (connection) => {
    const reader = await connection.runAndReadAll(
      `SELECT name, role, disabled, source, display_name, password_hash IS NOT NULL AS has_password,
              strftime(updated_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS updated_at
         FROM users ORDER BY name`,
    );
    return reader.getRowObjectsJS().map((row) => ({
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
    const reader = await connection.runAndReadAll(
      `INSERT INTO users (name, password_hash, role, source, disabled, display_name) VALUES ($name, $passwordHash, $role, $source, $disabled, $displayName)
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
      { name: user.name, passwordHash: user.passwordHash, role: user.role, source: user.source ?? 'password', disabled: user.disabled ?? false, displayName: user.displayName ?? null },
    );
    return toUser(reader.getRowObjectsJS()[0] as Record<string, unknown>);
  });
}

/** Removes the user; their sessions end because the lookup finds no one. */
export async function deleteUser(name: string): Promise<boolean> {
  return withStateConnection(async (connection) => {
    const reader = await connection.runAndReadAll('DELETE FROM users WHERE name = $name RETURNING name', { name });
    return reader.getRowObjectsJS().length > 0;
  });
}

/** Ends one session (sign-out): kept until `expiresAt`, when the cookie is dead anyway. */
export async function revokeSession(sessionId: string, userName: string, expiresAt: Date): Promise<void> {
  await withStateConnection(async (connection) => {
    await connection.run('DELETE FROM revoked_sessions WHERE expires_at < now()');
    await connection.run(
      `INSERT INTO revoked_sessions (session_id, user_name, expires_at) VALUES ($sessionId, $userName, $expiresAt::TIMESTAMPTZ)
       ON CONFLICT (session_id) DO NOTHING`,
      { sessionId, userName, expiresAt: expiresAt.toISOString() },
    );
  });
}

export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  return withStateConnection(async (connection) => {
    const reader = await connection.runAndReadAll('SELECT 1 FROM revoked_sessions WHERE session_id = $sessionId', { sessionId });
    return reader.getRowObjectsJS().length > 0;
  });
}

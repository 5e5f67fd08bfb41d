/**
 * /role-sessions and GET /api/role-sessions. Defined in lib/role-sessions/params.ts: the list query
 * is typed by the schema and lib links to the list too, and lib never imports app/.
 */
export { ROLE_SESSIONS_PATH as path, roleSessionListParams as queryParams, roleSessionsHref as toHref, type RoleSessionListParams, type RoleSessionSort } from '@/lib/role-sessions/params';

import { z } from '@/lib/zod';
import { roleSessionProfileParams, sessionIdParam } from '@/lib/role-sessions/profile-params';

/**
 * /role-sessions/[sessionId] and the /api/role-sessions/[sessionId]/* routes. Defined in
 * lib/role-sessions/profile-params.ts: lib/ links to sessions too, and never imports app/.
 */
export { sessionIdParam, roleSessionHref as toHref } from '@/lib/role-sessions/profile-params';
export const pathParams = z.object({ sessionId: sessionIdParam });
export const queryParams = roleSessionProfileParams;

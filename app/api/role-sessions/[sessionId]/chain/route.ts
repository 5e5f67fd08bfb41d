import { z } from 'zod';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import { getConnection } from '@/lib/engine';
import { getChain } from '@/lib/attribution/chain';
import { getDownstream } from '@/lib/attribution/downstream';
import { sessionIdParam } from '@/lib/role-sessions/profile-params';
import { scopeParams } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

/** `{ origin, sourceIdentity, hops, downstream }`: the session's provenance upstream and what it started. */
export const GET = withAuth({ query: scopeParams, params: z.object({ sessionId: sessionIdParam }) }, async ({ req, query, params }) => {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, req.signal, true);
  const [chain, downstream] = await Promise.all([
    getChain(conn, params.sessionId, scope, first, req.signal),
    getDownstream(conn, params.sessionId, scope, req.signal),
  ]);
  return { scope, ...chain, downstream: downstream.hops, downstreamCut: downstream.cut };
}, { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('role-session', params.sessionId) } });

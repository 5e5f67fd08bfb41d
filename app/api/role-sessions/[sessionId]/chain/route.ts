import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { chainForRequest } from '@/lib/attribution/for-request';
import { pathParams } from '@/app/(dashboard)/role-sessions/[sessionId]/search-params';
import { scopeParams } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

/** `{ origin, sourceIdentity, hops, downstream }`: the session's provenance upstream and what it started. */
export const GET = withAuth(
  { query: scopeParams, params: pathParams },
  ({ req, query, params }) => chainForRequest(params.sessionId, query, req.signal),
  { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('role-session', params.sessionId) } },
);

import { z } from 'zod';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import { getConnection } from '@/lib/engine';
import { getApiVolume } from '@/lib/activity/get-api-volume';
import { volumeParams } from '@/lib/activity/params';
import { sessionIdParam } from '@/lib/role-sessions/profile-params';
import { scopeParams } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

export const GET = withAuth(
  { query: scopeParams.extend(volumeParams.shape), params: z.object({ sessionId: sessionIdParam }) },
  async ({ req, query, params }) => {
    const conn = await getConnection();
    const { scope, first } = await scopeForRequest(conn, query, req.signal, true);
    const volume = await getApiVolume(conn, { kind: 'role-session', principalId: params.sessionId }, scope, {
      baselineDays: query.baseline,
      bucket: query.bucket,
      observedFrom: first,
      signal: req.signal,
    });
    return { scope, ...volume };
  },
  { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('role-session', params.sessionId) } },
);

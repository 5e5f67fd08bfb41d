import { z } from 'zod';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { getConnection } from '@/lib/engine';
import { getRoleSessionAttribution } from '@/lib/attribution/role-session';
import { sessionIdParam } from '@/lib/role-sessions/profile-params';
import { scopeParams } from '@/lib/params/scope';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import { getSubjectExtent } from '@/lib/subjects/get-subject-extent';

export const dynamic = 'force-dynamic';

export const GET = withAuth({ query: scopeParams, params: z.object({ sessionId: sessionIdParam }) }, async ({ req, query, params }) => {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, req.signal, true);
  const [a, extent] = await Promise.all([
    getRoleSessionAttribution(conn, params.sessionId, scope, first, req.signal),
    getSubjectExtent(conn, { kind: 'role-session', principalId: params.sessionId }, scope, req.signal),
  ]);
  return {
    scope,
    sessionId: a.principalId,
    roleArn: a.roleArn,
    sessionName: a.sessionName,
    accountId: a.accountId,
    firstObserved: extent.rows[0]?.first ?? null,
    lastObserved: extent.rows[0]?.last ?? null,
    assumedBy: a.assumedBy.map((b) => ({
      type: b.assumer.type,
      name: b.assumer.name,
      arn: b.assumer.arn,
      principalId: b.assumer.principalId,
      accountId: b.assumer.accountId,
      evidenceEventIds: b.evidenceEventIds,
      confidence: b.confidence,
    })),
    unattributed: a.unattributed.map((u) => ({ accessKeyId: u.credential.accessKeyId, creationDate: u.credential.creationDate, reason: u.reason })),
    assumptions: a.credentials.map((c) => ({
      accessKeyId: c.credential.accessKeyId,
      creationDate: c.credential.creationDate,
      firstSeen: c.credential.firstSeen,
      lastSeen: c.credential.lastSeen,
      events: c.credential.events,
      failed: c.credential.failed,
      sourceIps: c.credential.sourceIps,
      mfaAuthenticated: c.credential.mfaAuthenticated,
      link: c.link,
      confidence: c.confidence,
      reason: c.reason,
      issuedBy: c.assumption,
    })),
    queries: [extent, a.panels.credentials, a.panels.assumeRoleEvents].map(({ sql, params: bound, stats }) => ({ sql, params: bound, stats })),
  };
}, { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('role-session', params.sessionId) } });

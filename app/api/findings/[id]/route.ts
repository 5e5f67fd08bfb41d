import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { findingForRequest, triageFindingForRequest } from '@/lib/findings/for-request';
import { pathParams } from '@/app/(dashboard)/findings/[id]/search-params';

export const dynamic = 'force-dynamic';

/** `{ finding, activity }`: the finding with its triage state, and its history oldest first. */
export const GET = withAuth({ params: pathParams }, ({ params }) => findingForRequest(params.id), { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('finding', params.id) } });

/**
 * Triage: `{ status?, assignee?, note? }` (status one of new, investigating, resolved,
 * false-positive, benign; assignee a user's name or null) → `{ finding, activity, changed }`.
 * Each change and note lands in the finding's history with the caller's name.
 */
export const PATCH = withAuth({ params: pathParams }, ({ req, params, user }) => triageFindingForRequest(params.id, req, user), {
  role: 'analyst',
  audit: {
    action: 'triage-finding',
    entity: ({ params }) => auditEntity('finding', params.id),
    detail: ({ result }) => (result && 'finding' in result ? { status: result.finding?.status, assignee: result.finding?.assignee, changed: result.changed } : undefined),
  },
});

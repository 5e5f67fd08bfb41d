import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { accessReviewForRequest } from '@/lib/reviews/access/for-request';
import { pathParams, queryParams } from '@/app/(dashboard)/access/[principalArn]/search-params';

export const dynamic = 'force-dynamic';

/**
 * `{ used: [{ service, actions, lastUsed }], granted?, unused?, suggestedPolicy?, denyUnused? }` for
 * a role or user; granted/unused need an uploaded authorization-details file covering it.
 * `?format=csv&table=used|granted` downloads one table.
 */
export const GET = withAuth({ query: queryParams, params: pathParams }, ({ req, query, params }) => accessReviewForRequest(params.principalArn, query, req.signal), {
  role: 'viewer',
  audit: { action: 'view', entity: ({ params }) => auditEntity('access-principal', params.principalArn), detail: ({ query }) => ({ days: query.days, format: query.format, table: query.table }) },
});

import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { reportForRequest } from '@/lib/reports/for-request';
import { apiParams } from '@/app/(dashboard)/reports/search-params';
import { subjectParamValue, reportSubjectOf } from '@/lib/reports/params';

export const dynamic = 'force-dynamic';

/**
 * The investigation report of a user, role or role session over the scope:
 * `?subject=role-session:AROA…:sara&from&to&format=json|markdown` → `{ report }`, or a Markdown file.
 */
export const GET = withAuth({ query: apiParams }, ({ req, query }) => reportForRequest(query, req.signal), {
  role: 'viewer',
  audit: {
    action: 'view',
    entity: ({ query }) => {
      const s = reportSubjectOf(query.subject);
      return auditEntity('report', s ? subjectParamValue(s) : undefined);
    },
  },
});

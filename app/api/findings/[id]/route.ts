import { notFound } from '@/lib/http/errors';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { getFinding } from '@/lib/findings/store';
import { pathParams } from '@/app/(dashboard)/findings/[id]/search-params';

export const dynamic = 'force-dynamic';

export const GET = withAuth({ params: pathParams }, async ({ params }) => {
  const finding = await getFinding(params.id);
  if (!finding) return notFound(`no finding ${params.id}`);
  return { finding };
}, { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('finding', params.id) } });

import { z } from '@/lib/zod';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { testWebhookForRequest } from '@/lib/notifications/for-request';
import { webhookIdParam } from '@/lib/notifications/params';

export const dynamic = 'force-dynamic';

/** Sends the webhook a test message (one attempt, awaited): `{ delivery }` with its status, also when it failed. */
export const POST = withAuth({ params: z.object({ id: webhookIdParam }) }, ({ params }) => testWebhookForRequest(params.id), {
  role: 'admin',
  audit: {
    action: 'run-webhook-test',
    entity: ({ params }) => auditEntity('webhook', params.id),
    detail: ({ result }) => (result ? { outcome: result.delivery.outcome, status: result.delivery.status } : undefined),
  },
});

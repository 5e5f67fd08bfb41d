import { z } from '@/lib/zod';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { changeWebhookForRequest, deleteWebhookForRequest } from '@/lib/notifications/for-request';
import { webhookIdParam } from '@/lib/notifications/params';

export const dynamic = 'force-dynamic';

const path = { params: z.object({ id: webhookIdParam }) };

/** Changes a webhook's settings, enables or disables it, or rotates its secret (answered once). */
export const PATCH = withAuth(path, ({ req, params, user }) => changeWebhookForRequest(params.id, req, user), {
  role: 'admin',
  audit: {
    action: 'save-webhook',
    entity: ({ params }) => auditEntity('webhook', params.id),
    detail: ({ result }) =>
      result ? { name: result.webhook.name, enabled: result.webhook.enabled, format: result.webhook.format, minSeverity: result.webhook.minSeverity, kinds: result.webhook.kinds, rotatedSecret: result.secret !== undefined } : undefined,
  },
});

/** Deletes the webhook and its delivery log. */
export const DELETE = withAuth(path, ({ params }) => deleteWebhookForRequest(params.id), {
  role: 'admin',
  audit: { action: 'delete-webhook', entity: ({ params }) => auditEntity('webhook', params.id) },
});

import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { createWebhookForRequest, listWebhooksForRequest } from '@/lib/notifications/for-request';

export const dynamic = 'force-dynamic';

/** `{ webhooks, deliveries, publicUrl }`: each webhook's URL masked, never its secret. */
export const GET = withAuth({}, () => listWebhooksForRequest(), { role: 'admin' });

/** Adds a webhook: `{ webhook, secret }`, the signing secret answered this once. */
export const POST = withAuth({}, ({ req, user }) => createWebhookForRequest(req, user), {
  role: 'admin',
  audit: {
    action: 'save-webhook',
    entity: ({ result }) => (result ? auditEntity('webhook', result.webhook.id) : auditEntity('webhook')),
    // What was set, never the URL (a Slack URL is a secret) or the signing secret.
    detail: ({ result }) => (result ? { created: true, name: result.webhook.name, format: result.webhook.format, minSeverity: result.webhook.minSeverity, kinds: result.webhook.kinds } : undefined),
  },
});

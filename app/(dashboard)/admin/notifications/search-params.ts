import { href } from '@/lib/params/href';

/** /admin/notifications (no query parameters), and the admin API its forms send to. */
export const path = '/admin/notifications';

/** GET (list) and POST (add) /api/admin/webhooks. */
export const webhooksApiHref = '/api/admin/webhooks';

/** PATCH and DELETE /api/admin/webhooks/{id}: one webhook's settings, state, secret or existence. */
export function webhookApiHref(id: string): string {
  return href(`/api/admin/webhooks/${encodeURIComponent(id)}`, {});
}

/** POST /api/admin/webhooks/{id}/test: a test message, answered with its delivery. */
export function webhookTestApiHref(id: string): string {
  return href(`/api/admin/webhooks/${encodeURIComponent(id)}/test`, {});
}

import type { NextRequest } from 'next/server';
import type { AuthUser } from '@/lib/auth/roles';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { notFound } from '@/lib/http/errors';
import { jsonBody } from '@/lib/http/json-body';
import { publicBaseUrl, sendTestMessage } from './notify';
import { webhookChangeBody, webhookCreateBody } from './params';
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, recentDeliveries, updateWebhook } from './store';

/** The admin API's handlers (app/api/admin/webhooks): the routes parse the path, these do the rest. */

/** Deliveries the page and GET list show, newest first. */
export const RECENT_DELIVERIES = 20;

const BODY = { maxBytes: BODY_LIMITS.webhookChange, what: 'the body' };
const missing = (id: string) => notFound(`there is no webhook "${id}"`);

/** GET /api/admin/webhooks: `{ webhooks, deliveries, publicUrl }`; URLs masked, never a secret. */
export async function listWebhooksForRequest() {
  const [webhooks, deliveries] = await Promise.all([listWebhooks(), recentDeliveries(RECENT_DELIVERIES)]);
  return { webhooks, deliveries, publicUrl: publicBaseUrl() };
}

/** POST /api/admin/webhooks: `{ webhook, secret }`, the signing secret shown this once. */
export async function createWebhookForRequest(req: NextRequest, user: AuthUser) {
  const settings = await jsonBody(req, webhookCreateBody, 'body', BODY);
  return createWebhook(settings, user.name);
}

/** PATCH /api/admin/webhooks/{id}: `{ webhook, secret? }` (a rotated secret, shown this once). */
export async function changeWebhookForRequest(id: string, req: NextRequest, user: AuthUser) {
  if (!(await getWebhook(id))) return missing(id);
  const change = await jsonBody(req, webhookChangeBody, 'body', BODY);
  return (await updateWebhook(id, change, user.name)) ?? missing(id);
}

/** DELETE /api/admin/webhooks/{id}: the webhook with its delivery log. */
export async function deleteWebhookForRequest(id: string) {
  return (await deleteWebhook(id)) ? { deleted: id } : missing(id);
}

/** POST /api/admin/webhooks/{id}/test: one attempt, awaited: `{ delivery }` (a failed delivery is a 200 saying so). */
export async function testWebhookForRequest(id: string) {
  const webhook = await getWebhook(id);
  if (!webhook) return missing(id);
  return { delivery: await sendTestMessage(webhook) };
}

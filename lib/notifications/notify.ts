import { env } from '@/lib/env';
import { upsertFindings, type UpsertResult } from '@/lib/findings/store';
import type { Finding } from '@/lib/findings/types';
import { findingItems, incidentItems, messageBody, type Announcement, type MessageContext } from './message';
import { postWithRetries, type PostDeps } from './post';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
import { SIGNATURE_HEADER, signatureHeader } from './sign';
import { claimOccurrences, isClaimed, recordDeliveryProgress, startDelivery, webhooksFor, type Occurrence, type StoredWebhook } from './store';
import { atLeast, type AttemptLog, type DeliverySummary, type NotifiableFinding, type NotifiableIncident, type NotifyReason, type WebhookKind } from './types';

/**
 * Announcing findings and incidents to the configured webhooks.
 *
 *   saveFindingsAndNotify(findings)    every findings write in the process holding the state DB
 *   notifyFindings(findings, reason)   'new' | 'reopened'
 *   notifyIncidents(incidents)         new incidents (lib/incidents calls it)
 *
 * Each picks the enabled webhooks for its kind, keeps what is at or above each one's minimum
 * severity, claims what that webhook has not been told (store.ts claimOccurrences: the dedupe),
 * and sends one message per webhook. Delivering (retries take up to ~21 s, more with timeouts) runs
 * in the background of the process: saveFindingsAndNotify returns once the findings are written and
 * the announcements claimed. The notify functions return the deliveries' promise, for tests and for
 * callers that want to wait; it never rejects, and a failure never reaches the findings write.
 * settleNotifications() waits for everything in flight.
 */

interface DeliveryOptions {
  policy: RetryPolicy;
  deps: Pick<PostDeps, 'fetch' | 'sleep'>;
}

const STATE = Symbol.for('trailscope.notifications');
const holder = globalThis as typeof globalThis & { [STATE]?: { pending: Set<Promise<unknown>>; options: DeliveryOptions } };

// On globalThis: Next may evaluate this module more than once per process, and one set of
// deliveries in flight must be seen by every copy.
function state() {
  holder[STATE] ??= { pending: new Set(), options: { policy: DEFAULT_RETRY_POLICY, deps: {} } };
  return holder[STATE];
}

/** Tests: shorter timeouts and delays, or a fake clock. Returns what restores the previous options. */
export function configureDelivery(options: { policy?: Partial<RetryPolicy>; fetch?: typeof fetch; sleep?: (ms: number) => Promise<void> }): () => void {
  const s = state();
  const previous = s.options;
  s.options = {
    policy: { ...previous.policy, ...options.policy },
    deps: { ...previous.deps, ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.sleep ? { sleep: options.sleep } : {}) },
  };
  return () => {
    s.options = previous;
  };
}

function track<T>(promise: Promise<T>): Promise<T> {
  const { pending } = state();
  pending.add(promise);
  void promise.finally(() => pending.delete(promise)).catch(() => undefined);
  return promise;
}

/** Resolves when every delivery in flight (and any started meanwhile) has ended. */
export async function settleNotifications(): Promise<void> {
  const { pending } = state();
  while (pending.size > 0) await Promise.allSettled([...pending]);
}

/** The app's public URL links are made under: TRAILSCOPE_PUBLIC_URL, else AUTH_URL's origin; null sends paths. */
export function publicBaseUrl(): string | null {
  const settings = env();
  if (settings.TRAILSCOPE_PUBLIC_URL) return settings.TRAILSCOPE_PUBLIC_URL;
  return settings.AUTH_URL ? new URL(settings.AUTH_URL).origin : null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Planned {
  webhook: StoredWebhook;
  announcement: Announcement;
}

/** One of each finding (the latest observation when a batch repeats one). */
function latestById<T extends { id: string; lastSeen: string }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    const known = byId.get(item.id);
    if (!known || item.lastSeen >= known.lastSeen) byId.set(item.id, item);
  }
  return [...byId.values()];
}

/** A reopening is its own occurrence, told again: the finding fired again after it was resolved. */
const findingOccurrence = (reason: NotifyReason) => (f: NotifiableFinding): Occurrence => ({ itemId: f.id, occurrence: reason === 'new' ? 'new' : `reopened@${f.lastSeen}` });
const incidentOccurrence = (i: NotifiableIncident): Occurrence => ({ itemId: i.id, occurrence: 'new' });

/**
 * For each enabled webhook told about `kind`: what is at or above its minimum severity and not yet
 * told to it (claimed here), as one announcement.
 */
async function plan<T extends { id: string; lastSeen: string; severity: NotifiableIncident['severity'] }>(
  kind: WebhookKind,
  all: readonly T[],
  occurrence: (item: T) => Occurrence,
  announce: (items: T[], baseUrl: string | null) => Announcement,
): Promise<Planned[]> {
  if (all.length === 0) return [];
  const unique = latestById(all);
  const planned: Planned[] = [];
  const baseUrl = publicBaseUrl();
  for (const webhook of await webhooksFor(kind)) {
    const severe = unique.filter((item) => atLeast(item.severity, webhook.minSeverity));
    const claimed = await claimOccurrences(webhook.id, kind, severe.map(occurrence));
    const items = severe.filter((item) => isClaimed(claimed, occurrence(item)));
    if (items.length > 0) planned.push({ webhook, announcement: announce(items, baseUrl) });
  }
  return planned;
}

const planFindings = (findings: readonly NotifiableFinding[], reason: NotifyReason) =>
  plan('findings', findings, findingOccurrence(reason), (items, baseUrl) => ({ kind: 'findings', reason, items: findingItems(items, baseUrl) }));

const planIncidents = (incidents: readonly NotifiableIncident[]) =>
  plan('incidents', incidents, incidentOccurrence, (items, baseUrl) => ({ kind: 'incidents', reason: 'new', items: incidentItems(items, baseUrl) }));

function logAttempt(webhook: StoredWebhook, a: Announcement, attempt: AttemptLog, n: number): void {
  // Never the URL: a Slack webhook's URL is its secret.
  const what = `webhook "${webhook.name}" (${webhook.id}) ${a.kind}${a.kind === 'test' ? '' : ` (${a.reason}, ${a.items.length})`}`;
  const answer = attempt.status === null ? attempt.error : `HTTP ${attempt.status}`;
  const next = attempt.retryInMs === undefined ? '' : `, retrying in ${attempt.retryInMs / 1000} s`;
  const line = `notifications: ${what}: attempt ${n} ${answer} in ${attempt.ms} ms${next}`;
  if (attempt.error) console.warn(line);
  else console.log(line);
}

/** Sends one message and logs every attempt; never throws (a failure is the summary's outcome). */
async function deliverOne(webhook: StoredWebhook, announcement: Announcement, policy: RetryPolicy): Promise<DeliverySummary> {
  const startedAt = new Date().toISOString();
  const ctx: MessageContext = { baseUrl: publicBaseUrl(), webhook, sentAt: startedAt };
  const body = messageBody(webhook.format, announcement, ctx);
  const itemIds = announcement.items.map((item) => item.id);
  const summary: DeliverySummary = {
    id: '',
    webhookId: webhook.id,
    event: announcement.kind,
    reason: announcement.reason,
    itemCount: itemIds.length,
    itemIds: itemIds.slice(0, 50),
    startedAt,
    finishedAt: null,
    outcome: 'pending',
    attempts: 0,
    status: null,
    error: null,
    durationMs: null,
    attemptLog: [],
  };
  try {
    summary.id = await startDelivery({ webhookId: webhook.id, event: announcement.kind, reason: announcement.reason, itemIds, startedAt });
  } catch (error) {
    console.error(`notifications: could not log a delivery to webhook "${webhook.name}" (${webhook.id}): ${message(error)}`);
  }
  const attempts: AttemptLog[] = [];
  const result = await postWithRetries(
    {
      url: webhook.url,
      body,
      headers: (nowMs) => ({
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Trailscope-Webhook/1',
        'x-trailscope-event': announcement.kind,
        ...(summary.id ? { 'x-trailscope-delivery': summary.id } : {}),
        [SIGNATURE_HEADER]: signatureHeader(webhook.secret, body, Math.floor(nowMs / 1000)),
      }),
    },
    policy,
    {
      ...state().options.deps,
      onAttempt: async (attempt, n) => {
        attempts.push(attempt);
        logAttempt(webhook, announcement, attempt, n);
        if (summary.id && attempt.retryInMs !== undefined) await recordDeliveryProgress(summary.id, { attempts, outcome: 'pending' });
      },
    },
  );
  Object.assign(summary, {
    finishedAt: new Date().toISOString(),
    outcome: result.ok ? 'delivered' : 'failed',
    attempts: result.attempts.length,
    status: result.status,
    error: result.error,
    durationMs: result.durationMs,
    attemptLog: result.attempts,
  } satisfies Partial<DeliverySummary>);
  if (summary.id) {
    await recordDeliveryProgress(summary.id, { attempts: result.attempts, outcome: summary.outcome, durationMs: result.durationMs }).catch((error: unknown) =>
      console.error(`notifications: could not log delivery ${summary.id}: ${message(error)}`),
    );
  }
  return summary;
}

/** Plans now (webhooks and the dedupe, in the store), then delivers in the background; the deliveries' promise is handed back wrapped, unawaited. */
async function planThenDeliver(plan: () => Promise<Planned[]>): Promise<{ deliveries: Promise<DeliverySummary[]> }> {
  let planned: Planned[] = [];
  try {
    planned = await plan();
  } catch (error) {
    console.error(`notifications: could not plan the announcements, nothing sent: ${message(error)}`);
  }
  const { policy } = state().options;
  const deliveries = planned.map((p) =>
    deliverOne(p.webhook, p.announcement, policy).catch((error: unknown) => {
      console.error(`notifications: delivery to webhook "${p.webhook.name}" (${p.webhook.id}) failed unexpectedly: ${message(error)}`);
      return null;
    }),
  );
  return { deliveries: track(Promise.all(deliveries).then((all) => all.filter((d) => d !== null))) };
}

/** Announces findings to every webhook that wants them; resolves with the deliveries once they end. Never rejects. */
export function notifyFindings(findings: readonly NotifiableFinding[], reason: NotifyReason): Promise<DeliverySummary[]> {
  return track(planThenDeliver(() => planFindings(findings, reason)).then((r) => r.deliveries));
}

/**
 * Announces new incidents to every webhook that wants them; resolves with the deliveries once they
 * end. Never rejects. An incident is announced once per webhook, however often it is passed here;
 * `void notifyIncidents(…)` to not wait.
 */
export function notifyIncidents(incidents: readonly NotifiableIncident[]): Promise<DeliverySummary[]> {
  return track(planThenDeliver(() => planIncidents(incidents)).then((r) => r.deliveries));
}

/**
 * notifyIncidents without waiting for the deliveries: resolves once the announcements are planned
 * (the webhooks read, the incidents claimed) and delivers in the background. For a loop or a CLI:
 * a CLI that closes the state database next leaves nothing reading it unless a delivery is under
 * way. Never rejects.
 */
export async function queueIncidentNotifications(incidents: readonly NotifiableIncident[]): Promise<void> {
  await planThenDeliver(() => planIncidents(incidents));
}

/**
 * The findings store's write with announcements: what every write of findings in this process goes
 * through (detections delivered or imported from the inbox, GuardDuty imports, on-demand runs).
 * Returns once the findings are written and the announcements planned; delivering goes on in the
 * background. A notification failure is logged, never thrown: the findings are what matter.
 */
export async function saveFindingsAndNotify(findings: readonly Finding[]): Promise<UpsertResult> {
  const saved = await upsertFindings(findings);
  if (saved.newIds.length === 0 && saved.reopenedIds.length === 0) return saved;
  const byId = new Map(latestById(findings).map((f) => [f.id, f]));
  const pick = (ids: readonly string[]) => ids.flatMap((id) => byId.get(id) ?? []);
  await Promise.all([
    planThenDeliver(() => planFindings(pick(saved.newIds), 'new')),
    planThenDeliver(() => planFindings(pick(saved.reopenedIds), 'reopened')),
  ]);
  return saved;
}

/** The page's "Send test": one attempt, awaited, logged like any delivery (no dedupe: it announces nothing). */
export function sendTestMessage(webhook: StoredWebhook): Promise<DeliverySummary> {
  const { policy } = state().options;
  return track(deliverOne(webhook, { kind: 'test', reason: 'test', items: [] }, { ...policy, retryDelaysMs: [] }));
}

import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { SEVERITY_LABELS, type SeverityLabel } from '@/lib/findings/types';
import { code, empty, join, sql } from '@/lib/sql/sql';
import { withStateConnection } from '@/lib/state/db';
import { execute, select, type StateRow } from '@/lib/state/statement';
import { generateSecret } from './sign';
import { maskWebhookUrl } from './webhook-url';
import {
  DELIVERY_EVENTS,
  DELIVERY_OUTCOMES,
  WEBHOOK_FORMATS,
  type AttemptLog,
  type DeliveryEvent,
  type DeliveryOutcome,
  type DeliverySummary,
  type WebhookFormat,
  type WebhookKind,
  type WebhookSummary,
} from './types';

/**
 * Webhooks, their deliveries and what each was told, in the app-state store (migration 9). The
 * only module that touches those tables. The URL and the secret leave it only through
 * `StoredWebhook` (for delivering); listings carry the masked URL and no secret.
 */

export interface WebhookSettings {
  name: string;
  url: string;
  format: WebhookFormat;
  minSeverity: SeverityLabel;
  kinds: readonly WebhookKind[];
  enabled: boolean;
}

/** A webhook with what delivering needs: server-side only. */
export interface StoredWebhook extends WebhookSettings {
  id: string;
  secret: string;
}

/** Deliveries kept per webhook; older ones are dropped as new ones start. */
export const DELIVERIES_KEPT = 200;
/** Ids named in a delivery's log entry; the count says how many there were. */
export const MAX_LOGGED_IDS = 50;

const iso = (column: string) => code(`strftime(${column}, '%Y-%m-%dT%H:%M:%SZ') AS ${column}`);
const WEBHOOK_COLUMNS = join(
  [code('id, name, url, format, min_severity, on_findings, on_incidents, enabled, secret, created_by, updated_by'), iso('created_at'), iso('updated_at')],
  ', ',
);
const DELIVERY_COLUMNS = join(
  [code('id, webhook_id, event, reason, item_count, item_ids, outcome, attempts, status, error, duration_ms, attempt_log'), iso('started_at'), iso('finished_at')],
  ', ',
);

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T => ((values as readonly unknown[]).includes(v) ? (v as T) : fallback);

function kindsOf(row: StateRow): WebhookKind[] {
  return [...(row.on_findings === true ? (['findings'] as const) : []), ...(row.on_incidents === true ? (['incidents'] as const) : [])];
}

function storedWebhook(row: StateRow): StoredWebhook {
  return {
    id: String(row.id),
    name: String(row.name),
    url: String(row.url),
    format: oneOf(WEBHOOK_FORMATS, row.format, 'json'),
    minSeverity: oneOf(SEVERITY_LABELS, row.min_severity, 'High'),
    kinds: kindsOf(row),
    enabled: row.enabled === true,
    secret: String(row.secret),
  };
}

function parseJsonArray<T>(value: unknown): T[] {
  try {
    const parsed: unknown = JSON.parse(String(value));
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}

function deliverySummary(row: StateRow): DeliverySummary {
  return {
    id: String(row.id),
    webhookId: String(row.webhook_id),
    event: oneOf(DELIVERY_EVENTS, row.event, 'test'),
    reason: String(row.reason),
    itemCount: Number(row.item_count),
    itemIds: parseJsonArray<string>(row.item_ids),
    startedAt: String(row.started_at),
    finishedAt: text(row.finished_at),
    outcome: oneOf(DELIVERY_OUTCOMES, row.outcome, 'failed'),
    attempts: Number(row.attempts),
    status: row.status === null || row.status === undefined ? null : Number(row.status),
    error: text(row.error),
    durationMs: row.duration_ms === null || row.duration_ms === undefined ? null : Number(row.duration_ms),
    attemptLog: parseJsonArray<AttemptLog>(row.attempt_log),
  };
}

function webhookSummary(row: StateRow, last: DeliverySummary | null): WebhookSummary {
  const w = storedWebhook(row);
  return {
    id: w.id,
    name: w.name,
    maskedUrl: maskWebhookUrl(w.url),
    format: w.format,
    minSeverity: w.minSeverity,
    kinds: [...w.kinds],
    enabled: w.enabled,
    createdBy: String(row.created_by),
    createdAt: String(row.created_at),
    updatedBy: String(row.updated_by),
    updatedAt: String(row.updated_at),
    lastDelivery: last,
  };
}

async function lastDeliveries(connection: DuckDBConnection, webhookId?: string): Promise<Map<string, DeliverySummary>> {
  const rows = await select(
    connection,
    sql`SELECT ${DELIVERY_COLUMNS} FROM (
          SELECT *, row_number() OVER (PARTITION BY webhook_id ORDER BY id DESC) AS newest FROM webhook_deliveries
          ${webhookId === undefined ? empty : sql`WHERE webhook_id = ${webhookId}`}
        ) WHERE newest = 1`,
  );
  return new Map(rows.map((r) => [String(r.webhook_id), deliverySummary(r)]));
}

async function summaryOf(connection: DuckDBConnection, id: string): Promise<WebhookSummary | null> {
  const [row] = await select(connection, sql`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = ${id}`);
  return row ? webhookSummary(row, (await lastDeliveries(connection, id)).get(id) ?? null) : null;
}

/** Every webhook, newest first, each with its last delivery. */
export async function listWebhooks(): Promise<WebhookSummary[]> {
  return withStateConnection(async (connection) => {
    const rows = await select(connection, sql`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at DESC, id`);
    const last = await lastDeliveries(connection);
    return rows.map((row) => webhookSummary(row, last.get(String(row.id)) ?? null));
  });
}

export async function getWebhook(id: string): Promise<StoredWebhook | null> {
  return withStateConnection(async (connection) => {
    const [row] = await select(connection, sql`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = ${id}`);
    return row ? storedWebhook(row) : null;
  });
}

/** The enabled webhooks told about `kind`. */
export async function webhooksFor(kind: WebhookKind): Promise<StoredWebhook[]> {
  const column = code(kind === 'findings' ? 'on_findings' : 'on_incidents');
  return withStateConnection(async (connection) => {
    const rows = await select(connection, sql`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE enabled AND ${column} ORDER BY id`);
    return rows.map(storedWebhook);
  });
}

/** A new webhook and its signing secret (the only time the secret leaves the store for the browser). */
export async function createWebhook(settings: WebhookSettings, by: string): Promise<{ webhook: WebhookSummary; secret: string }> {
  const id = `wh-${randomBytes(8).toString('hex')}`;
  const secret = generateSecret();
  const now = new Date().toISOString();
  return withStateConnection(async (connection) => {
    await execute(
      connection,
      sql`INSERT INTO webhooks (id, name, url, format, min_severity, on_findings, on_incidents, enabled, secret, created_by, created_at, updated_by, updated_at)
          VALUES (${id}, ${settings.name}, ${settings.url}, ${settings.format}, ${settings.minSeverity}, ${settings.kinds.includes('findings')},
                  ${settings.kinds.includes('incidents')}, ${settings.enabled}, ${secret}, ${by}, CAST(${now} AS TIMESTAMP), ${by}, CAST(${now} AS TIMESTAMP))`,
    );
    return { webhook: (await summaryOf(connection, id)) as WebhookSummary, secret };
  });
}

export type WebhookChange = Partial<WebhookSettings> & { rotateSecret?: boolean };

/** Applies a change; a rotated secret is answered once. Null when there is no such webhook. */
export async function updateWebhook(id: string, change: WebhookChange, by: string): Promise<{ webhook: WebhookSummary; secret?: string } | null> {
  const secret = change.rotateSecret ? generateSecret() : undefined;
  const sets = [
    change.name === undefined ? null : sql`name = ${change.name}`,
    change.url === undefined ? null : sql`url = ${change.url}`,
    change.format === undefined ? null : sql`format = ${change.format}`,
    change.minSeverity === undefined ? null : sql`min_severity = ${change.minSeverity}`,
    change.kinds === undefined ? null : sql`on_findings = ${change.kinds.includes('findings')}, on_incidents = ${change.kinds.includes('incidents')}`,
    change.enabled === undefined ? null : sql`enabled = ${change.enabled}`,
    secret === undefined ? null : sql`secret = ${secret}`,
    sql`updated_by = ${by}, updated_at = CAST(${new Date().toISOString()} AS TIMESTAMP)`,
  ].filter((s) => s !== null);
  return withStateConnection(async (connection) => {
    const changed = await execute(connection, sql`UPDATE webhooks SET ${join(sets, ', ')} WHERE id = ${id}`);
    if (changed === 0) return null;
    const webhook = (await summaryOf(connection, id)) as WebhookSummary;
    return secret === undefined ? { webhook } : { webhook, secret };
  });
}

/** The webhook, its delivery log and what it was told. False when there was no such webhook. */
export async function deleteWebhook(id: string): Promise<boolean> {
  return withStateConnection(async (connection) => {
    await execute(connection, sql`BEGIN TRANSACTION`);
    try {
      const removed = await execute(connection, sql`DELETE FROM webhooks WHERE id = ${id}`);
      await execute(connection, sql`DELETE FROM webhook_deliveries WHERE webhook_id = ${id}`);
      await execute(connection, sql`DELETE FROM webhook_notified WHERE webhook_id = ${id}`);
      await execute(connection, sql`COMMIT`);
      return removed > 0;
    } catch (error) {
      await execute(connection, sql`ROLLBACK`);
      throw error;
    }
  });
}

/** What is announced once: a finding or incident id and which occurrence of it (`new`, `reopened@<last seen>`). */
export interface Occurrence {
  itemId: string;
  occurrence: string;
}

const occurrenceKey = (o: Occurrence) => `${o.itemId}\u0000${o.occurrence}`;

/**
 * Records that `webhookId` is told about these occurrences and returns those it had not been told
 * about before: the dedupe. Claimed before sending, so two runs at once never both announce one;
 * a delivery that then fails is in the log, not announced again.
 */
export async function claimOccurrences(webhookId: string, kind: WebhookKind, occurrences: readonly Occurrence[]): Promise<Set<string>> {
  const claimed = new Set<string>();
  if (occurrences.length === 0) return claimed;
  const now = new Date().toISOString();
  return withStateConnection(async (connection) => {
    for (let i = 0; i < occurrences.length; i += 500) {
      const values = occurrences.slice(i, i + 500).map((o) => sql`(${webhookId}, ${kind}, ${o.itemId}, ${o.occurrence}, CAST(${now} AS TIMESTAMP))`);
      const rows = await select(
        connection,
        sql`INSERT INTO webhook_notified (webhook_id, kind, item_id, occurrence, notified_at) VALUES ${join(values, ', ')}
            ON CONFLICT DO NOTHING RETURNING item_id, occurrence`,
      );
      for (const row of rows) claimed.add(occurrenceKey({ itemId: String(row.item_id), occurrence: String(row.occurrence) }));
    }
    return claimed;
  });
}

export function isClaimed(claimed: Set<string>, o: Occurrence): boolean {
  return claimed.has(occurrenceKey(o));
}

export interface DeliveryStart {
  webhookId: string;
  event: DeliveryEvent;
  reason: string;
  itemIds: readonly string[];
  startedAt: string;
}

/** Opens a delivery's log entry (pending) and drops that webhook's entries past DELIVERIES_KEPT. */
export async function startDelivery(d: DeliveryStart): Promise<string> {
  return withStateConnection(async (connection) => {
    const [row] = await select(
      connection,
      sql`INSERT INTO webhook_deliveries (webhook_id, started_at, event, reason, item_count, item_ids, outcome, attempts, attempt_log)
          VALUES (${d.webhookId}, CAST(${d.startedAt} AS TIMESTAMP), ${d.event}, ${d.reason}, ${d.itemIds.length},
                  ${JSON.stringify(d.itemIds.slice(0, MAX_LOGGED_IDS))}, 'pending', 0, '[]')
          RETURNING id`,
    );
    await execute(
      connection,
      sql`DELETE FROM webhook_deliveries WHERE webhook_id = ${d.webhookId}
            AND id <= (SELECT id FROM webhook_deliveries WHERE webhook_id = ${d.webhookId} ORDER BY id DESC LIMIT 1 OFFSET ${DELIVERIES_KEPT})`,
    );
    return String(row?.id);
  });
}

export interface DeliveryProgress {
  attempts: readonly AttemptLog[];
  outcome: DeliveryOutcome;
  durationMs?: number;
}

/** After each attempt: what the log shows so far; a final outcome closes the entry. */
export async function recordDeliveryProgress(id: string, p: DeliveryProgress): Promise<void> {
  const last = p.attempts[p.attempts.length - 1];
  const finished = p.outcome === 'pending' ? null : new Date().toISOString();
  await withStateConnection((connection) =>
    execute(
      connection,
      sql`UPDATE webhook_deliveries SET outcome = ${p.outcome}, attempts = ${p.attempts.length}, status = ${last?.status ?? null},
            error = ${last?.error ?? null}, attempt_log = ${JSON.stringify(p.attempts)}, duration_ms = ${p.durationMs ?? null},
            finished_at = CAST(${finished} AS TIMESTAMP)
          WHERE id = ${Number(id)}`,
    ),
  );
}

/** The newest deliveries across webhooks (or one webhook's). */
export async function recentDeliveries(limit = 20, webhookId?: string): Promise<DeliverySummary[]> {
  return withStateConnection(async (connection) => {
    const rows = await select(
      connection,
      sql`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries ${webhookId === undefined ? empty : sql`WHERE webhook_id = ${webhookId}`}
          ORDER BY id DESC LIMIT ${limit}`,
    );
    return rows.map(deliverySummary);
  });
}

import { env } from '@/lib/env';
import { auditEventSchema, MAX_DETAIL_JSON, type AuditEvent } from './event';
import { purgeDue, retentionCutoff } from './retention';
import { insertAudit, purgeAuditBefore } from './store';
import { paramProblem } from '@/lib/params/param-error';

export { AUDIT_ACTIONS, AUDIT_OUTCOMES, AUDIT_VIAS } from './event';
export type { AuditAction, AuditEvent, AuditOutcome, AuditScope, AuditVia } from './event';

/**
 * Appends one entry to the audit log. Never throws: what is being audited (a sign-in, a page, an
 * import) must not fail because the log could not be written, so a failure, or an event that does
 * not validate, is reported on the server console with `[audit]` instead. Resolves once the entry
 * is stored, so a caller that awaits it knows the entry is there.
 *
 *   await recordAudit({ action: 'sign-in', actor: 'sara', via: 'password', address: clientAddress(request.headers) });
 */
export async function recordAudit(event: AuditEvent): Promise<void> {
  try {
    const parsed = auditEventSchema.safeParse(event);
    if (!parsed.success) {
      const { parameter, message } = paramProblem(parsed.error, 'event', 'path');
      console.error(`[audit] not recorded: ${parameter} ${message} (action ${String(event.action)})`);
      return;
    }
    const e = parsed.data;
    const now = Date.now();
    await insertAudit({
      at: new Date(now).toISOString(),
      action: e.action,
      actor: e.actor,
      via: e.via,
      address: e.address ?? null,
      entity: e.entity ?? null,
      scope: e.scope ?? null,
      outcome: e.outcome,
      detail: boundedDetail(e.detail),
    });
    await purgeIfDue(now);
  } catch (error) {
    console.error(`[audit] could not record ${String(event.action)} by ${String(event.actor)}:`, error);
  }
}

/** The detail as stored: JSON-safe and at most MAX_DETAIL_JSON characters once serialised. */
export function boundedDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!detail || Object.keys(detail).length === 0) return null;
  let json: string;
  try {
    json = JSON.stringify(detail);
  } catch {
    return { unserialisable: Object.keys(detail).slice(0, 20) };
  }
  if (json.length <= MAX_DETAIL_JSON) return JSON.parse(json) as Record<string, unknown>;
  return { truncated: json.slice(0, MAX_DETAIL_JSON - 100) };
}

// Per process, on globalThis because Next may evaluate this module in several bundles.
const clock = globalThis as typeof globalThis & { __trailscopeAuditPurgedAt?: number };

async function purgeIfDue(now: number): Promise<void> {
  const cutoff = retentionCutoff(now, env().TRAILSCOPE_AUDIT_RETENTION_DAYS);
  if (cutoff === null || !purgeDue(clock.__trailscopeAuditPurgedAt, now)) return;
  // Claimed before the DELETE runs, so concurrent writes do not all purge; a failed purge waits an hour.
  clock.__trailscopeAuditPurgedAt = now;
  try {
    const removed = await purgeAuditBefore(cutoff);
    if (removed > 0) console.info(`[audit] removed ${removed} ${removed === 1 ? 'entry' : 'entries'} recorded before ${cutoff} (retention)`);
  } catch (error) {
    console.error('[audit] the retention purge failed:', error);
  }
}

/** For tests only: the next write purges again. */
export function resetAuditPurgeClock(): void {
  clock.__trailscopeAuditPurgedAt = undefined;
}

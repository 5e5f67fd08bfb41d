import { z } from '@/lib/zod';

/**
 * What one audit entry says: who (actor, how they proved it, from where), did what (action) to
 * what (entity, scope), and how it ended. Client-safe: the admin page's filters read the unions
 * from here; recording lives in record.ts.
 */

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'view',
  'import-findings',
  'run-detections',
  'triage-finding',
  'save-expected-actions',
  'delete-expected-actions',
  'upload-authorization-details',
  'delete-authorization-details',
  'user-change',
  'save-webhook',
  'delete-webhook',
  'run-webhook-test',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How the actor proved who they are: a session cookie, an API token, or the way they signed in (CLI: on the server's own shell). */
export const AUDIT_VIAS = ['session', 'token', 'password', 'oidc', 'cli'] as const;
export type AuditVia = (typeof AUDIT_VIAS)[number];

/** `refused`: not allowed (403, a wrong password); `failed`: allowed, but it did not work (bad input, not found, an error). */
export const AUDIT_OUTCOMES = ['ok', 'refused', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditScope {
  from: string;
  to: string;
}

/** What a caller hands `recordAudit`. Only `action`, `actor` and `via` are required. */
export interface AuditEvent {
  action: AuditAction;
  /** The user name (`api-token` for a bearer token), or null when nobody is known (a failed sign-in for no user). */
  actor: string | null;
  via: AuditVia | null;
  /** The client's address as `clientAddress()` (lib/http) reads it. */
  address?: string | null;
  /** What was viewed or changed, `<kind>:<id>` (lib/audit/entity.ts): `role-session:AROA…:name`, `finding:<id>`, `events`. */
  entity?: string | null;
  /** The scope time the view showed. */
  scope?: AuditScope | null;
  /** Defaults to `ok`. */
  outcome?: AuditOutcome;
  /** Small, JSON-serialisable facts: the search filters, counts imported, the reason of a failure. */
  detail?: Record<string, unknown>;
}

/** An entry as stored and read back. */
export interface AuditEntry {
  /** Orders entries as appended; the paging cursor. */
  id: string;
  /** When it was recorded, ISO-8601 UTC. */
  at: string;
  action: AuditAction;
  actor: string | null;
  via: AuditVia | null;
  address: string | null;
  entity: string | null;
  scope: AuditScope | null;
  outcome: AuditOutcome;
  detail: Record<string, unknown> | null;
}

export const MAX_ACTOR_LENGTH = 200;
export const MAX_ENTITY_LENGTH = 2048;
/** Serialised detail beyond this is cut: an entry records a fact, not a payload. */
export const MAX_DETAIL_JSON = 4096;

/** Checks what a caller hands in, so a bad event is reported rather than stored half-right. */
export const auditEventSchema = z.object({
  action: z.enum(AUDIT_ACTIONS),
  actor: z.string().max(MAX_ACTOR_LENGTH).nullable(),
  via: z.enum(AUDIT_VIAS).nullable(),
  address: z.string().max(100).nullish(),
  entity: z.string().max(MAX_ENTITY_LENGTH).nullish(),
  scope: z.object({ from: z.string().max(40), to: z.string().max(40) }).nullish(),
  outcome: z.enum(AUDIT_OUTCOMES).default('ok'),
  detail: z.record(z.string(), z.unknown()).optional(),
});

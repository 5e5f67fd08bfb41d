import { SEVERITY_LABELS, severityLabel, type Finding, type FindingActor, type SeverityLabel } from '@/lib/findings/types';

/**
 * What webhook notifications are about and how they are configured. Client-safe: the admin page's
 * form reads the unions from here; nothing here touches the store or the network.
 */

/** `slack`: a Slack incoming-webhook message (text + blocks); `json`: Trailscope's own documented JSON (message.ts). */
export const WEBHOOK_FORMATS = ['slack', 'json'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** What a webhook may be told about. */
export const WEBHOOK_KINDS = ['findings', 'incidents'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** Why something is announced: it appeared, or a resolved finding fired again. */
export const NOTIFY_REASONS = ['new', 'reopened'] as const;
export type NotifyReason = (typeof NOTIFY_REASONS)[number];

/** What a delivery carried: an announcement, or the test message an admin sent from the page. */
export const DELIVERY_EVENTS = [...WEBHOOK_KINDS, 'test'] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

export const DELIVERY_OUTCOMES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** The minimum is a label on GuardDuty's scale, as the findings list filters (lib/findings/types.ts severityLabel). */
export const MIN_SEVERITIES = SEVERITY_LABELS;

/** True when `severity` (GuardDuty's 1–10, or a label) is at or above `min`. */
export function atLeast(severity: number | SeverityLabel, min: SeverityLabel): boolean {
  const label = typeof severity === 'number' ? severityLabel(severity) : severity;
  return SEVERITY_LABELS.indexOf(label) >= SEVERITY_LABELS.indexOf(min);
}

/** What an announcement needs of a finding: any Finding (or StoredFinding) fits. */
export type NotifiableFinding = Pick<Finding, 'id' | 'source' | 'type' | 'severity' | 'title' | 'firstSeen' | 'lastSeen' | 'accountId' | 'region'> & {
  actor: Partial<Pick<FindingActor, 'arn' | 'principalId' | 'userName' | 'sessionId' | 'accessKeyId'>>;
};

/** What an announcement needs of an incident (findings grouped by who is behind them). */
export interface NotifiableIncident {
  id: string;
  title: string;
  /** GuardDuty's scale (1–10) or its label. */
  severity: number | SeverityLabel;
  firstSeen: string;
  lastSeen: string;
  /** Who is behind it, as the incident names its origin ("sara via IAM Identity Center"); null when unknown. */
  origin: string | null;
  findingIds: readonly string[];
  /** The incident's page: a path in the app (default `/incidents/<id>`), made absolute with the public URL. */
  url?: string;
}

/** One attempt of a delivery, as the log keeps it. */
export interface AttemptLog {
  /** When the attempt started, ISO-8601 UTC. */
  at: string;
  /** The HTTP status answered, or null when there was no answer (network error, timeout). */
  status: number | null;
  error: string | null;
  ms: number;
  /** How long the next attempt waits; absent on the last. */
  retryInMs?: number;
}

/** A delivery as the page and the API show it. */
export interface DeliverySummary {
  id: string;
  webhookId: string;
  event: DeliveryEvent;
  /** `new`, `reopened`, or `test`. */
  reason: string;
  itemCount: number;
  /** The first ids announced (up to MAX_LOGGED_IDS). */
  itemIds: string[];
  startedAt: string;
  finishedAt: string | null;
  outcome: DeliveryOutcome;
  attempts: number;
  /** The last attempt's HTTP status. */
  status: number | null;
  /** The last attempt's error (a network error, a timeout, or the start of a non-2xx answer). */
  error: string | null;
  durationMs: number | null;
  attemptLog: AttemptLog[];
}

/** A webhook as the browser may see it: the URL masked, no secret. */
export interface WebhookSummary {
  id: string;
  name: string;
  /** Scheme, host and the start of the path only (webhook-url.ts maskWebhookUrl): Slack's URLs are secrets. */
  maskedUrl: string;
  format: WebhookFormat;
  minSeverity: SeverityLabel;
  kinds: WebhookKind[];
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  lastDelivery: DeliverySummary | null;
}

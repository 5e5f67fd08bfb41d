/**
 * A finding's triage state, client-safe (the list's filters and the finding page's controls read
 * these). Open means someone still has to look: new or investigating. False positive (the rule was
 * wrong) and benign (right, but expected) close a finding for good; resolved closes it until it
 * fires again (workflow.ts reopens it).
 */
export const FINDING_STATUSES = ['new', 'investigating', 'resolved', 'false-positive', 'benign'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const OPEN_STATUSES: readonly FindingStatus[] = ['new', 'investigating'];

export const STATUS_LABELS: Record<FindingStatus, string> = {
  new: 'New',
  investigating: 'Investigating',
  resolved: 'Resolved',
  'false-positive': 'False positive',
  benign: 'Benign',
};

/** What the list's status filter offers: a set by name, or one status. */
export const STATUS_FILTERS = ['open', 'closed', 'all', ...FINDING_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function statusesOf(filter: StatusFilter): readonly FindingStatus[] {
  if (filter === 'all') return FINDING_STATUSES;
  if (filter === 'open') return OPEN_STATUSES;
  if (filter === 'closed') return FINDING_STATUSES.filter((s) => !OPEN_STATUSES.includes(s));
  return [filter];
}

/** Who did a triage step: a user's name, or Trailscope itself (reopening a finding that fired again). */
export const SYSTEM_ACTOR = 'trailscope';

export const ACTIVITY_KINDS = ['status', 'assignee', 'note', 'reopened'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One step in a finding's history: a change (from → to), a note, or a reopening. */
export interface FindingActivity {
  id: string;
  at: string;
  actor: string;
  kind: ActivityKind;
  from: string | null;
  to: string | null;
  note: string | null;
}

export interface Triage {
  status: FindingStatus;
  assignee: string | null;
  /** When the status last changed (null: never, since the finding arrived). */
  statusChangedAt: string | null;
}

export const MAX_NOTE_LENGTH = 10_000;
/** Findings one bulk change may name. */
export const MAX_BULK_IDS = 500;

import { z } from '@/lib/zod';
import { FINDING_SOURCES, SEVERITY_LABELS, type Finding, type SeverityLabel } from './types';
import { FINDING_STATUSES } from './status';
import { isInstantInRange, parseIsoUtc } from '@/lib/time';

/**
 * The Finding shape as a schema: what the store accepts (a finding from any source is checked
 * before it is written) and what the list route parses its query with, so the URL, the route and
 * the store agree on every filter.
 */

// A real day and time (no February 30 rolled into March) within the range every page can show.
const isoInstant = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/.test(s) && isInstantInRange(parseIsoUtc(s) ?? NaN), {
  message: 'must be an ISO-8601 UTC instant such as 2026-11-18T09:41:23Z, between 1970 and 9999',
});
const nullableText = z.string().max(2048).nullable();

export const findingSchema: z.ZodType<Finding> = z
  .object({
    id: z.string().regex(/^(gd|det)-[A-Za-z0-9._:-]{1,300}$/, 'must be gd-<GuardDuty id> or det-<hash>'),
    source: z.enum(FINDING_SOURCES),
    type: z.string().min(1).max(300),
    severity: z.number().min(0).max(10),
    severityLabel: z.enum(SEVERITY_LABELS),
    title: z.string().min(1).max(1000),
    description: z.string().max(10_000),
    firstSeen: isoInstant,
    lastSeen: isoInstant,
    accountId: nullableText,
    region: nullableText,
    actor: z.object({
      accessKeyId: nullableText,
      principalId: nullableText,
      arn: nullableText,
      userName: nullableText,
      userType: nullableText,
      sessionId: nullableText,
    }),
    resources: z.array(z.object({ type: z.string().min(1).max(200), id: z.string().min(1).max(2048) })).max(1000),
    evidenceEventIds: z.array(z.string().min(1).max(200)).max(10_000),
    rule: z.string().max(200).nullable(),
    count: z.number().int().min(0),
  })
  .refine((f) => Date.parse(f.firstSeen) <= Date.parse(f.lastSeen), { message: 'firstSeen must not be after lastSeen', path: ['lastSeen'] });

export const FINDING_SORTS = ['lastSeen', 'firstSeen', 'severity', 'count', 'title', 'type'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;

const severityFilter = z
  .union([z.enum(SEVERITY_LABELS), z.array(z.enum(SEVERITY_LABELS)).max(SEVERITY_LABELS.length)])
  .transform((v): SeverityLabel[] => (Array.isArray(v) ? v : [v]));

/** Filters shared by the list and the counts: a finding matches the window if its seen range overlaps it. */
export const findingsFilterSchema = z
  .object({
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    type: z.string().min(1).max(300).optional(),
    severity: severityFilter.optional(),
    source: z.enum(FINDING_SOURCES).optional(),
    rule: z.string().min(1).max(200).optional(),
    /** Findings about one actor, named any way a finding names it: session id, principal id, ARN, access key or user name. */
    actor: z.string().min(1).max(2048).optional(),
    status: z.array(z.enum(FINDING_STATUSES)).max(FINDING_STATUSES.length).optional(),
    /** A user's name, or UNASSIGNED for findings nobody has taken. */
    assignee: z.string().min(1).max(300).optional(),
    /** An ATT&CK technique id; a parent technique also matches its sub-techniques. */
    technique: z.string().regex(/^T\d{4}(\.\d{3})?$/).optional(),
  })
  .refine((p) => !p.from || !p.to || Date.parse(p.from) < Date.parse(p.to), { message: 'from must be before to', path: ['from'] });
export type FindingsFilter = z.input<typeof findingsFilterSchema>;

/** The assignee filter's value for "nobody": user names start with a letter. */
export const UNASSIGNED = '-';

export const MAX_FINDINGS_PAGE = 1000;

export const listFindingsSchema = z.intersection(
  findingsFilterSchema,
  z.object({
    sort: z.enum(FINDING_SORTS).default('lastSeen'),
    order: z.enum(SORT_ORDERS).default('desc'),
    limit: z.number().int().min(1).max(MAX_FINDINGS_PAGE).default(100),
    offset: z.number().int().min(0).default(0),
  }),
);
export type ListFindingsQuery = z.input<typeof listFindingsSchema>;

import { z } from 'zod';
import { FINDING_SORTS, type FindingSort } from '@/lib/findings/schema';
import { FINDING_SOURCES, SEVERITY_LABELS, type SeverityLabel } from '@/lib/findings/types';
import { scopeParams } from './scope';
import { optionalParam, pathSegment } from './validators';


/** A finding type as GuardDuty and the detections write it: `Stealth:IAMUser/CloudTrailLoggingDisabled`. */
export const findingType = z.string().regex(/^[A-Za-z0-9:/._!-]{1,200}$/, 'must be a finding type such as Stealth:IAMUser/CloudTrailLoggingDisabled');

/** /findings and GET /api/findings: the window, filters and sort, all in the URL. */
export const findingListParams = scopeParams.extend({
  type: optionalParam(findingType),
  /** The lowest severity shown. */
  severity: optionalParam(z.enum(SEVERITY_LABELS)),
  source: optionalParam(z.enum(FINDING_SOURCES)),
  sort: optionalParam(z.enum(FINDING_SORTS)).transform((v): FindingSort => v ?? 'lastSeen'),
  order: optionalParam(z.enum(['asc', 'desc'])).transform((v) => v ?? 'desc'),
});
export type FindingListParams = z.output<typeof findingListParams>;

export const findingIdParam = pathSegment.pipe(z.string().regex(/^(gd|det)-[A-Za-z0-9._:-]{1,200}$/, 'must be a finding id such as gd-… or det-…'));

/** The severities at or above a minimum, as the store filters them. */
export function severitiesFrom(min: SeverityLabel | undefined): SeverityLabel[] | undefined {
  return min ? SEVERITY_LABELS.slice(SEVERITY_LABELS.indexOf(min)) : undefined;
}

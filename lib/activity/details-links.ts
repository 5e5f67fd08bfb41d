import type { z } from 'zod';
import { eventsHref } from '@/lib/events/params';
import { ipHref } from '@/lib/profiles/params';
import type { Scope } from '@/lib/params/scope';
import { accessKeyId, eventName, eventSource, sourceIp } from '@/lib/params/validators';
import { subjectEventFilters, type Subject } from '@/lib/subjects/subject';
import type { DetailRow, DetailsTab } from './scope-details';

/** Where a tab's counts drill down to: /events with the subject's filters and the row's own. */
export interface DetailLinks {
  /** The row's successful calls (no error code). */
  succeeded: string | null;
  /** The row's calls with any error code. */
  failed: string | null;
  /** The row's own profile, where it has one (an IP address). */
  profile: string | null;
}

const ROW_FILTER: Record<DetailsTab, { name: 'ip' | 'eventName' | 'accessKeyId'; schema: z.ZodType<string> }> = {
  ips: { name: 'ip', schema: sourceIp },
  apis: { name: 'eventName', schema: eventName },
  keys: { name: 'accessKeyId', schema: accessKeyId },
};

/**
 * A row links only when /events can select it: a missing value (a call without an access key) or
 * one its validator refuses (`AWS Internal` as a source address) gets no link rather than a link
 * to an error page.
 */
export function detailLinks(
  tab: DetailsTab,
  row: Pick<DetailRow, 'key' | 'failed' | 'success'> & { service?: string | null },
  subject: Subject,
  scope: Scope,
): DetailLinks {
  const filter = ROW_FILTER[tab];
  const value = row.key === null ? null : filter.schema.safeParse(row.key);
  if (!value?.success) return { succeeded: null, failed: null, profile: null };
  // API methods are named per service: the same name in two services stays two rows.
  const service = tab === 'apis' && row.service ? eventSource.safeParse(row.service) : null;
  const filters = {
    ...subjectEventFilters(subject),
    [filter.name]: value.data,
    ...(service?.success ? { eventSource: service.data } : {}),
  };
  return {
    succeeded: row.success > 0 ? eventsHref(scope, { ...filters, errorCode: 'none' }) : null,
    failed: row.failed > 0 ? eventsHref(scope, { ...filters, errorCode: '*' }) : null,
    profile: tab === 'ips' && subject.kind !== 'ip' ? ipHref(value.data, scope) : null,
  };
}

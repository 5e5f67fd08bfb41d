import { toCsv } from '@/lib/reviews/csv';
import type { AccessIndexEntry } from './index-list';
import type { AccessReview } from './review';

/** The access pages' tables as CSV. */

export function accessUsedCsv(review: AccessReview): string {
  const rows = review.used.flatMap((s) => s.actions.map((a) => ({ s, a })));
  return toCsv(
    [
      { header: 'service', value: (r) => r.s.service },
      { header: 'iam_action', value: (r) => r.a.action },
      { header: 'event_source', value: (r) => r.a.eventSource },
      { header: 'event_name', value: (r) => r.a.eventName },
      { header: 'successful_calls', value: (r) => r.a.calls },
      { header: 'failed_calls', value: (r) => r.a.failed },
      { header: 'last_used', value: (r) => r.a.lastUsed },
    ],
    rows,
  );
}

export function accessGrantedCsv(review: AccessReview): string {
  return toCsv(
    [
      { header: 'service', value: (g) => g.service },
      { header: 'status', value: (g) => (g.status === 'not-used-recently' ? `not used in ${review.days} days` : g.status) },
      { header: 'last_used', value: (g) => g.lastUsed },
      { header: 'granted_actions', value: (g) => g.grantedActions },
      { header: 'policies', value: (g) => g.policies },
      { header: 'used_actions', value: (g) => g.usedActions },
      { header: 'note', value: (g) => g.note },
    ],
    review.granted ?? [],
  );
}

export function accessIndexCsv(entries: readonly AccessIndexEntry[]): string {
  return toCsv(
    [
      { header: 'principal_arn', value: (e) => e.arn },
      { header: 'kind', value: (e) => e.kind },
      { header: 'calls', value: (e) => e.calls },
      { header: 'failed', value: (e) => e.failed },
      { header: 'services', value: (e) => e.services },
      { header: 'last_call', value: (e) => e.lastCall },
      { header: 'in_uploaded_details', value: (e) => e.inDetails },
    ],
    entries,
  );
}

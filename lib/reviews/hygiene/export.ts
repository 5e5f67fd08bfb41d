import { toCsv } from '@/lib/reviews/csv';
import type { RoleHygiene } from './analyse';

/** The hygiene table as CSV: one line per role, the recommendation's condition as JSON text. */
export function hygieneCsv(roles: readonly RoleHygiene[]): string {
  return toCsv(
    [
      { header: 'role_arn', value: (r) => r.roleArn },
      { header: 'verdict', value: (r) => r.verdict },
      { header: 'sessions', value: (r) => r.sessions },
      { header: 'assumers', value: (r) => r.assumers },
      { header: 'session_names', value: (r) => r.sessionNames },
      { header: 'shared_session_names', value: (r) => r.sharedSessionNames.map((s) => `${s.sessionName} (${s.assumers.map((a) => a.name).join(' + ')})`) },
      { header: 'generic_session_names', value: (r) => r.genericSessionNames.map((g) => `${g.label} ×${g.sessions}`) },
      { header: 'names_not_the_assumer', value: (r) => r.mismatchedSessionNames.map((m) => `${m.sessionName} (${m.assumer})`) },
      { header: 'source_identity_share', value: (r) => Math.round(r.sourceIdentityShare * 1000) / 1000 },
      { header: 'recommendation', value: (r) => r.recommendation.kind },
      { header: 'condition', value: (r) => (r.recommendation.condition ? JSON.stringify(r.recommendation.condition) : null) },
    ],
    roles,
  );
}

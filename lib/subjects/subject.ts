import { z } from '@/lib/zod';
import { sql, type Sql } from '@/lib/sql/sql';
import { arn, principal, sourceIp } from '@/lib/params/validators';
import { col } from '@/lib/cloudtrail/columns';
import { hourly } from '@/lib/summary/hourly';

/**
 * What a profile page is about. One place says how each kind of subject selects its events, so
 * every panel (volume, details, events, new behavior) filters the same way.
 */
export const SUBJECT_KINDS = ['role-session', 'role', 'user', 'ip', 'service'] as const;

export const subjectSchema = z.discriminatedUnion('kind', [
  /** `AROA…:sessionName`, as Detective identifies a role session. */
  z.object({ kind: z.literal('role-session'), principalId: principal.regex(/^AROA[A-Z0-9]+:.+$/, 'must be <role id>:<session name>') }),
  z.object({ kind: z.literal('role'), arn: arn.regex(/^arn:aws[a-z-]*:iam::\d{12}:role\//, 'must be an IAM role ARN') }),
  /** An IAM user, root, or federated user ARN. */
  z.object({ kind: z.literal('user'), arn }),
  z.object({ kind: z.literal('ip'), ip: sourceIp }),
  /** An AWS service principal such as ec2.amazonaws.com. */
  z.object({ kind: z.literal('service'), name: z.string().regex(/^[a-z0-9.-]+\.amazonaws\.com$/, 'must be a service principal such as ec2.amazonaws.com') }),
]);
export type Subject = z.infer<typeof subjectSchema>;

/** The WHERE predicate selecting a subject's own events (values bound). */
export function subjectPredicate(subject: Subject): Sql {
  switch (subject.kind) {
    case 'role-session':
      return sql`${col.userIdentity.principalId} = ${subject.principalId}`;
    case 'role':
      return sql`${col.userIdentity.sessionContext.sessionIssuer.arn} = ${subject.arn}`;
    case 'user':
      return sql`${col.userIdentity.arn} = ${subject.arn}`;
    case 'ip':
      return sql`${col.sourceIpAddress} = ${subject.ip}`;
    case 'service':
      return sql`${col.userIdentity.invokedBy} = ${subject.name}`;
  }
}

/** The same selection over the hourly summary's columns (lib/summary/hourly.ts). */
export function subjectSummaryPredicate(subject: Subject): Sql {
  switch (subject.kind) {
    case 'role-session':
      return sql`${hourly.principal_id} = ${subject.principalId}`;
    case 'role':
      return sql`${hourly.issuer_arn} = ${subject.arn}`;
    case 'user':
      return sql`${hourly.identity_arn} = ${subject.arn}`;
    case 'ip':
      return sql`${hourly.source_ip} = ${subject.ip}`;
    case 'service':
      return sql`${hourly.invoked_by} = ${subject.name}`;
  }
}

/** The /events filters that show the same events, for drill-down links. */
export function subjectEventFilters(subject: Subject): Record<string, string> {
  switch (subject.kind) {
    case 'role-session':
    case 'role':
    case 'user':
      return { principal: subject.kind === 'role-session' ? subject.principalId : subject.arn };
    case 'ip':
      return { ip: subject.ip };
    case 'service':
      return { principal: subject.name };
  }
}

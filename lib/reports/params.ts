import { z } from '@/lib/zod';
import { href } from '@/lib/params/href';
import { scopeParams, type Scope } from '@/lib/params/scope';
import { optionalParam } from '@/lib/params/validators';
import { subjectSchema, type Subject } from '@/lib/subjects/subject';

/** What a report is about: an IAM user, a role or a role session (Detective's investigations). */
export const REPORT_SUBJECT_KINDS = ['user', 'role', 'role-session'] as const;
export type ReportSubject = { kind: 'user'; id: string } | { kind: 'role'; id: string } | { kind: 'role-session'; id: string };

export const REPORTS_PATH = '/reports';
export const REPORT_FORMATS = ['json', 'markdown'] as const;

/** `subject=<kind>:<id>` as a Subject, or the reason it is not one. */
const subjectParam = z
  .string()
  .max(2100)
  .transform((v, ctx): Subject => {
    const colon = v.indexOf(':');
    const kind = v.slice(0, colon);
    const id = v.slice(colon + 1);
    const candidate = kind === 'role-session' ? { kind, principalId: id } : kind === 'user' || kind === 'role' ? { kind, arn: id } : null;
    const parsed = candidate ? subjectSchema.safeParse(candidate) : null;
    if (!parsed?.success) {
      ctx.addIssue({ code: 'custom', message: 'must be user:<IAM user ARN>, role:<role ARN> or role-session:<role id>:<session name>' });
      return z.NEVER;
    }
    return parsed.data;
  });

/** /reports and GET /api/reports: the subject and the scope; the API also takes the format. */
export const reportParams = scopeParams.extend({ subject: subjectParam });
export const reportApiParams = reportParams.extend({ format: optionalParam(z.enum(REPORT_FORMATS)).transform((v) => v ?? 'json') });
export type ReportParams = z.output<typeof reportParams>;

export function subjectParamValue(s: ReportSubject): string {
  return `${s.kind}:${s.id}`;
}

export function reportHref(subject: ReportSubject, scope: Partial<Scope>): string {
  return href(REPORTS_PATH, { subject: subjectParamValue(subject), ...scope });
}

export function reportApiHref(subject: ReportSubject, scope: Scope, format: (typeof REPORT_FORMATS)[number]): string {
  return href('/api/reports', { subject: subjectParamValue(subject), from: scope.from, to: scope.to, format });
}

/** The subject as the report and its links name it. */
export function reportSubjectOf(subject: Subject): ReportSubject | null {
  if (subject.kind === 'role-session') return { kind: 'role-session', id: subject.principalId };
  if (subject.kind === 'role' || subject.kind === 'user') return { kind: subject.kind, id: subject.arn };
  return null;
}

import { z } from '@/lib/zod';
import { formatBytes } from '@/lib/format';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { jsonDepthExceeds } from '@/lib/json-depth';
import { MAX_JSON_DEPTH, policyStatements, type PolicyStatement } from './policy-document';
import { paramProblem } from '@/lib/params/param-error';

/**
 * `aws iam get-account-authorization-details` output, read into what the reviews need: each role
 * and user with the policies that grant it permissions (inline, attached, and through its groups),
 * each role's trust policy, and the managed policies' default versions. The upload is stored in
 * this normalised form, server-side; pages get summaries and per-principal results, never the file.
 */

const document = z.union([z.string(), z.record(z.string(), z.unknown())]);
const inlinePolicy = z.object({ PolicyName: z.string().min(1), PolicyDocument: document });
const attachedPolicy = z.object({ PolicyName: z.string().min(1), PolicyArn: z.string().min(1) });
const arn = z.string().regex(/^arn:aws[a-z-]*:iam::(\d{12}|aws):/, 'must be an IAM ARN');

const roleSchema = z.object({
  RoleName: z.string().min(1),
  Arn: arn,
  AssumeRolePolicyDocument: document.optional(),
  RolePolicyList: z.array(inlinePolicy).default([]),
  AttachedManagedPolicies: z.array(attachedPolicy).default([]),
  RoleLastUsed: z.object({ LastUsedDate: z.string().optional() }).partial().optional(),
});
const userSchema = z.object({
  UserName: z.string().min(1),
  Arn: arn,
  UserPolicyList: z.array(inlinePolicy).default([]),
  AttachedManagedPolicies: z.array(attachedPolicy).default([]),
  GroupList: z.array(z.string()).default([]),
});
const groupSchema = z.object({
  GroupName: z.string().min(1),
  Arn: arn,
  GroupPolicyList: z.array(inlinePolicy).default([]),
  AttachedManagedPolicies: z.array(attachedPolicy).default([]),
});
const managedPolicySchema = z.object({
  PolicyName: z.string().min(1),
  Arn: arn,
  DefaultVersionId: z.string().optional(),
  PolicyVersionList: z.array(z.object({ Document: document, VersionId: z.string().optional(), IsDefaultVersion: z.boolean().optional() })).default([]),
});
const fileSchema = z.object({
  UserDetailList: z.array(userSchema).default([]),
  GroupDetailList: z.array(groupSchema).default([]),
  RoleDetailList: z.array(roleSchema).default([]),
  Policies: z.array(managedPolicySchema).default([]),
});

export type GrantVia = 'inline' | 'attached' | 'group-inline' | 'group-attached';

export interface GrantingPolicy {
  name: string;
  /** Managed policies' ARN; null for inline policies. */
  arn: string | null;
  via: GrantVia;
  group: string | null;
  /** Inline statements; for managed policies see `managedPolicies[arn]`. */
  statements: PolicyStatement[] | null;
}

export interface PrincipalDetails {
  kind: 'role' | 'user';
  arn: string;
  name: string;
  policies: GrantingPolicy[];
  /** Roles only: the trust policy document as uploaded. */
  trustPolicy: unknown;
  /** Roles only: IAM's own RoleLastUsed date. */
  lastUsed: string | null;
}

export interface AuthorizationDetails {
  accountId: string;
  principals: PrincipalDetails[];
  /** Default version statements of the managed policies in the file, by ARN. */
  managedPolicies: Record<string, { name: string; statements: PolicyStatement[] }>;
  counts: { roles: number; users: number; groups: number; policies: number };
}

export type ParseResult = { ok: true; details: AuthorizationDetails } | { ok: false; message: string };

function accountOf(arn: string): string | null {
  return /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(arn)?.[1] ?? null;
}

function inline(list: z.infer<typeof inlinePolicy>[], via: GrantVia, group: string | null, problems: string[]): GrantingPolicy[] {
  return list.map((p) => {
    const statements = policyStatements(p.PolicyDocument);
    if (!statements) problems.push(`inline policy ${p.PolicyName} is not a policy document`);
    return { name: p.PolicyName, arn: null, via, group, statements };
  });
}

function attached(list: z.infer<typeof attachedPolicy>[], via: GrantVia, group: string | null): GrantingPolicy[] {
  return list.map((p) => ({ name: p.PolicyName, arn: p.PolicyArn, via, group, statements: null }));
}

function describeIssue(error: z.ZodError): string {
  const { parameter, message } = paramProblem(error, 'the file', 'path');
  return `${parameter}: ${message}`;
}

/** Reads the CLI's JSON text. A malformed or foreign file is a message, never an exception. */
export function parseAuthorizationDetails(text: string): ParseResult {
  if (text.length > BODY_LIMITS.authorizationDetails) return { ok: false, message: `the file is larger than ${formatBytes(BODY_LIMITS.authorizationDetails)}` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the file is not JSON (expected the output of aws iam get-account-authorization-details)' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, message: 'expected a JSON object with RoleDetailList, UserDetailList, GroupDetailList and Policies' };
  if (jsonDepthExceeds(json, MAX_JSON_DEPTH)) return { ok: false, message: `the file is nested deeper than ${MAX_JSON_DEPTH} levels, which no IAM document is` };
  const keys = ['RoleDetailList', 'UserDetailList', 'GroupDetailList', 'Policies'];
  if (!keys.some((k) => k in json)) return { ok: false, message: 'no RoleDetailList, UserDetailList, GroupDetailList or Policies: this is not get-account-authorization-details output' };
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: describeIssue(parsed.error) };
  const file = parsed.data;

  const accounts = new Set(
    [...file.RoleDetailList.map((r) => r.Arn), ...file.UserDetailList.map((u) => u.Arn), ...file.GroupDetailList.map((g) => g.Arn)]
      .map(accountOf)
      .filter((a): a is string => a !== null),
  );
  if (accounts.size === 0) return { ok: false, message: 'the file lists no role, user or group, so its account is unknown' };
  if (accounts.size > 1) return { ok: false, message: `the file mixes accounts (${[...accounts].sort().join(', ')}); upload one file per account` };
  const accountId = [...accounts][0] as string;

  const problems: string[] = [];
  const groups = new Map(file.GroupDetailList.map((g) => [g.GroupName, g]));
  const principals: PrincipalDetails[] = [
    ...file.RoleDetailList.map(
      (r): PrincipalDetails => ({
        kind: 'role',
        arn: r.Arn,
        name: r.RoleName,
        policies: [...inline(r.RolePolicyList, 'inline', null, problems), ...attached(r.AttachedManagedPolicies, 'attached', null)],
        trustPolicy: r.AssumeRolePolicyDocument ?? null,
        lastUsed: r.RoleLastUsed?.LastUsedDate ?? null,
      }),
    ),
    ...file.UserDetailList.map((u): PrincipalDetails => {
      const viaGroups = u.GroupList.flatMap((name) => {
        const g = groups.get(name);
        return g ? [...inline(g.GroupPolicyList, 'group-inline', name, problems), ...attached(g.AttachedManagedPolicies, 'group-attached', name)] : [];
      });
      return {
        kind: 'user',
        arn: u.Arn,
        name: u.UserName,
        policies: [...inline(u.UserPolicyList, 'inline', null, problems), ...attached(u.AttachedManagedPolicies, 'attached', null), ...viaGroups],
        trustPolicy: null,
        lastUsed: null,
      };
    }),
  ];
  if (problems.length > 0) return { ok: false, message: problems[0] as string };

  const managedPolicies: AuthorizationDetails['managedPolicies'] = {};
  for (const p of file.Policies) {
    const version = p.PolicyVersionList.find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList.find((v) => v.VersionId === p.DefaultVersionId);
    if (!version) continue;
    const statements = policyStatements(version.Document);
    if (!statements) return { ok: false, message: `managed policy ${p.PolicyName}: its default version is not a policy document` };
    managedPolicies[p.Arn] = { name: p.PolicyName, statements };
  }
  return {
    ok: true,
    details: {
      accountId,
      principals,
      managedPolicies,
      counts: { roles: file.RoleDetailList.length, users: file.UserDetailList.length, groups: file.GroupDetailList.length, policies: file.Policies.length },
    },
  };
}

/** The statements of a principal's policy, resolving managed policies; null when the file lacks them. */
export function statementsOf(details: AuthorizationDetails, policy: GrantingPolicy): PolicyStatement[] | null {
  if (policy.statements) return policy.statements;
  return policy.arn ? (details.managedPolicies[policy.arn]?.statements ?? null) : null;
}

export function findPrincipal(details: readonly AuthorizationDetails[], arn: string): { details: AuthorizationDetails; principal: PrincipalDetails } | null {
  for (const d of details) {
    const principal = d.principals.find((p) => p.arn === arn);
    if (principal) return { details: d, principal };
  }
  return null;
}

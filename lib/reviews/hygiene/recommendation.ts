import type { HygieneAssumer } from './assumers';

/**
 * The trust-policy condition that makes a role's sessions name the person, as a statement to add.
 *
 * - Only IAM users assume it: require `sts:RoleSessionName` to equal `${aws:username}`. IAM fills
 *   the variable from the caller, so the name cannot be chosen freely, and nothing else changes for
 *   the people using it (they pass their user name).
 * - Anyone else (role chaining, other accounts, SAML/OIDC sign-ins): there is no user name to match,
 *   so require a source identity. It is set once at the start of a chain, survives every later hop
 *   and cannot be changed, which is what an investigation needs (AWS IAM User Guide, "Monitor and
 *   control actions taken with assumed roles").
 */

export const RECOMMENDATION_KINDS = ['session-name-equals-user-name', 'require-source-identity', 'none'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export interface Recommendation {
  kind: RecommendationKind;
  summary: string;
  /** The Condition block to add. */
  condition: Record<string, Record<string, string>> | null;
  /** A trust-policy statement with that condition, pretty JSON for copying. */
  snippet: string | null;
}

export type HygieneVerdict = 'identifies' | 'does-not-identify' | 'not-applicable';

export interface RecommendationInput {
  verdict: HygieneVerdict;
  assumers: readonly HygieneAssumer[];
}

const WORKLOADS: readonly HygieneAssumer['kind'][] = ['aws-service', 'web-identity'];

export function buildRecommendation(input: RecommendationInput): Recommendation {
  if (input.verdict === 'not-applicable') {
    return { kind: 'none', summary: 'Assumed only by AWS services or workload identities, which name sessions after the resource: nothing to require.', condition: null, snippet: null };
  }
  if (input.verdict === 'identifies') {
    return { kind: 'none', summary: 'Session names already identify the person behind each session: no change needed.', condition: null, snippet: null };
  }
  const people = input.assumers.filter((a) => !WORKLOADS.includes(a.kind));
  const principals = [...new Set(people.map((a) => a.trustPrincipal).filter((p): p is string => p !== null))].sort();
  const principal = { AWS: principals.length === 1 ? principals[0] : principals };
  const federated = people.some((a) => a.kind === 'saml-user' || a.kind === 'sso-user');

  if (people.length > 0 && people.every((a) => a.kind === 'iam-user')) {
    const condition = { StringEquals: { 'sts:RoleSessionName': '${aws:username}' } };
    const statement = { Sid: 'AssumeWithOwnUserNameAsSessionName', Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', Condition: condition };
    return {
      kind: 'session-name-equals-user-name',
      summary: 'Only IAM users assume this role: require the session name to be the caller’s user name, so every session names its person.',
      condition,
      snippet: JSON.stringify(statement, null, 2),
    };
  }

  const condition = { StringLike: { 'sts:SourceIdentity': '*' } };
  const statement = {
    Sid: 'AssumeOnlyWithSourceIdentity',
    Effect: 'Allow',
    Principal: principals.length > 0 ? principal : { AWS: '<principal that assumes the role>' },
    Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
    Condition: condition,
  };
  return {
    kind: 'require-source-identity',
    summary:
      'Callers other than IAM users (role sessions, other accounts or federated users) assume this role, and there is no user name to match: require a source identity, which survives role chaining and cannot be changed.' +
      (federated ? ' For SAML sign-ins, also map a user attribute to https://aws.amazon.com/SAML/Attributes/SourceIdentity and add the condition to the statement that trusts the identity provider.' : ''),
    condition,
    snippet: JSON.stringify(statement, null, 2),
  };
}

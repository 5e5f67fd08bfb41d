import type { Assumer } from '@/lib/attribution/types';
import type { Scope } from '@/lib/params/scope';
import { eventsHref } from '@/lib/events/params';
import { roleHref, serviceHref, userHref } from '@/lib/profiles/params';
import { roleSessionHref } from '@/lib/role-sessions/profile-params';

/**
 * Which profile an assumer or a graph node links to: the dispatch, over each route's own link
 * (lib/profiles/params.ts, lib/role-sessions/profile-params.ts, lib/events/params.ts). Links carry
 * the scope, so moving between profiles keeps the window the investigator is looking at.
 */
export function assumerHref(a: Assumer, scope: Scope): string {
  switch (a.type) {
    case 'role-session':
      return roleSessionHref(a.key, scope);
    case 'iam-user':
    case 'root':
      return a.arn ? userHref(a.arn, scope) : eventsHref(scope, { principal: a.principalId });
    case 'aws-service':
      return serviceHref(a.name, scope);
    case 'sso-user':
    case 'saml-user':
    case 'web-identity-user':
      // Federated users have no ARN of their own: their sign-ins carry the user name.
      return eventsHref(scope, { principal: a.name });
    case 'aws-account':
    case 'unknown':
      return eventsHref(scope, { principal: a.principalId ?? undefined, account: a.principalId ? undefined : a.accountId });
  }
}

export const ASSUMER_LABELS: Record<Assumer['type'], string> = {
  'iam-user': 'IAM user',
  root: 'root user',
  'role-session': 'role session',
  'sso-user': 'IAM Identity Center',
  'saml-user': 'SAML user',
  'web-identity-user': 'web identity',
  'aws-service': 'AWS service',
  'aws-account': 'account',
  unknown: 'unknown',
};

/** The profile behind a graph node (the events of a federated user, who has no profile of their own). */
export function graphNodeHref(node: { id: string; kind: string; label: string; arn: string | null }, scope: Scope): string | null {
  const value = node.id.slice(node.id.indexOf(':') + 1);
  switch (node.kind) {
    case 'session':
      return roleSessionHref(value, scope);
    case 'role':
      return roleHref(value, scope);
    case 'iam-user':
    case 'root':
      return node.arn ? userHref(node.arn, scope) : eventsHref(scope, { principal: value });
    case 'aws-service':
      return serviceHref(value, scope);
    case 'sso-user':
    case 'saml-user':
    case 'web-identity-user':
      return eventsHref(scope, { principal: node.label });
    case 'aws-account':
      return eventsHref(scope, { account: value.split(':')[0] });
    default:
      return null;
  }
}

import { statementsOf, type AuthorizationDetails, type PrincipalDetails } from '@/lib/reviews/policy/authorization-details';

/**
 * The services a principal's policies grant, at the level a review compares with CloudTrail: the
 * IAM service prefix, the action patterns that grant it and the policies they come from. Resource
 * and condition scoping are not evaluated (a grant on one bucket is still an S3 grant); a Deny of a
 * whole service (`s3:*`, `*`) removes it.
 */

export interface GrantedService {
  /** The IAM prefix (`s3`), or `*` for a grant of every service. */
  service: string;
  actions: string[];
  policies: string[];
}

export interface Grants {
  services: GrantedService[];
  /** Attached managed policies whose document is not in the file (AWS managed ones, unless exported). */
  unresolvedPolicies: string[];
}

function serviceOf(action: string): string {
  if (action === '*') return '*';
  const i = action.indexOf(':');
  return i > 0 ? action.slice(0, i).toLowerCase() : action.toLowerCase();
}

export function grantsOf(details: AuthorizationDetails, principal: PrincipalDetails): Grants {
  const granted = new Map<string, { actions: Set<string>; policies: Set<string> }>();
  const denied = new Set<string>();
  const unresolved: string[] = [];
  for (const policy of principal.policies) {
    const statements = statementsOf(details, policy);
    const label = policy.group ? `${policy.name} (group ${policy.group})` : policy.name;
    if (!statements) {
      unresolved.push(label);
      continue;
    }
    for (const s of statements) {
      if (s.effect === 'Deny') {
        // Only a deny of the whole service (or everything) can remove the service from the grant list.
        for (const a of s.actions) if (a === '*' || /^[^:]+:\*$/.test(a)) denied.add(serviceOf(a));
        continue;
      }
      // NotAction allows everything but the listed actions: as broad as `*` for a service-level review.
      const actions = s.notActions.length > 0 ? ['*'] : s.actions;
      for (const a of actions) {
        const service = serviceOf(a);
        const entry = granted.get(service) ?? { actions: new Set<string>(), policies: new Set<string>() };
        entry.actions.add(s.notActions.length > 0 ? `NotAction ${s.notActions.join(', ')}` : a);
        entry.policies.add(label);
        granted.set(service, entry);
      }
    }
  }
  const services = [...granted.entries()]
    .filter(([service]) => !denied.has('*') && !denied.has(service))
    .map(([service, e]) => ({ service, actions: [...e.actions].sort(), policies: [...e.policies].sort() }))
    .sort((a, b) => a.service.localeCompare(b.service));
  return { services, unresolvedPolicies: unresolved.sort() };
}

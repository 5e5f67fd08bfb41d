import { roleNameOf } from '@/lib/attribution/assumer';
import { formatCount, formatTime } from '@/lib/format';
import { eventsHref } from '@/lib/events/params';
import { ipHref, roleHref, serviceHref, userHref } from '@/lib/profiles/params';
import { roleSessionHref } from '@/lib/role-sessions/profile-params';
import { roleSessionsHref } from '@/lib/role-sessions/params';
import type { Scope } from '@/lib/params/scope';
import { principal, ROLE_SESSION_ID } from '@/lib/params/validators';
import { parseUserArn, USER_ARN_LABELS } from '@/lib/profiles/user-arn';
import type { SearchQuery } from './classify';
import { LOOKUP_LIMIT, type IdentityRow, type LookupField } from './queries/identity-lookup';

/**
 * From a classified search to where it leads: a profile (redirect), a list to choose from when the
 * data names several, or a message saying nothing matched with the nearest useful links. Pure:
 * the lookup rows come in, links go out, all carrying the scope the search was made in.
 */
export interface SearchCandidate {
  label: string;
  /** What kind of entity: `Role session`, `IAM user`, `Role`. */
  kind: string;
  detail: string;
  href: string;
}

export type SearchOutcome =
  | { kind: 'redirect'; href: string }
  | { kind: 'candidates'; message: string; candidates: SearchCandidate[] }
  | { kind: 'nothing'; message: string; suggestions: SearchCandidate[] };

export interface Lookup {
  by: LookupField;
  value: string;
}

/** The one query a search needs, if its shape alone does not say where it leads. */
export function lookupFor(q: SearchQuery): Lookup | null {
  switch (q.kind) {
    case 'assumed-role-arn':
      return { by: 'arn', value: q.arn };
    case 'role-id':
      return { by: 'roleId', value: q.roleId };
    case 'user-id':
      return { by: 'principalId', value: q.userId };
    case 'access-key':
      return { by: 'accessKeyId', value: q.accessKeyId };
    default:
      return null;
  }
}


function sessionCandidate(r: IdentityRow, scope: Scope): SearchCandidate | null {
  if (r.type !== 'AssumedRole' || !r.principalId || !ROLE_SESSION_ID.test(r.principalId)) return null;
  const session = r.principalId.slice(r.principalId.indexOf(':') + 1);
  return { label: `${r.roleArn ? roleNameOf(r.roleArn) : r.principalId.split(':')[0]}/${session}`, kind: 'Role session', detail: '', href: roleSessionHref(r.principalId, scope) };
}

function userCandidate(r: IdentityRow, scope: Scope): SearchCandidate | null {
  const user = r.arn ? parseUserArn(r.arn) : null;
  if (!r.arn || !user) return null;
  return { label: user.kind === 'root' ? `root (${user.accountId})` : `${user.name} (${user.accountId})`, kind: USER_ARN_LABELS[user.kind], detail: '', href: userHref(r.arn, scope) };
}

function roleCandidate(r: IdentityRow, scope: Scope): SearchCandidate | null {
  if (!r.roleArn) return null;
  return { label: roleNameOf(r.roleArn), kind: 'Role', detail: r.roleArn, href: roleHref(r.roleArn, scope) };
}

/** One candidate per destination, with the events and last sighting of every row behind it. */
function candidates(rows: readonly IdentityRow[], pick: (r: IdentityRow) => SearchCandidate | null): SearchCandidate[] {
  const byHref = new Map<string, { c: SearchCandidate; events: number; last: string }>();
  for (const r of rows) {
    const c = pick(r);
    if (!c) continue;
    const seen = byHref.get(c.href);
    byHref.set(c.href, { c, events: (seen?.events ?? 0) + r.events, last: seen && seen.last > r.lastSeen ? seen.last : r.lastSeen });
  }
  return [...byHref.values()]
    .sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : 0))
    .map(({ c, events, last }) => ({ ...c, detail: [c.detail, `${formatCount(events)} events, last ${formatTime(last)}`].filter(Boolean).join(' · ') }));
}

function decide(found: SearchCandidate[], capped: boolean, what: string, nothing: () => SearchOutcome): SearchOutcome {
  const only = found[0];
  if (found.length === 1 && only && !capped) return { kind: 'redirect', href: only.href };
  if (found.length === 0) return nothing();
  const count = capped ? `more than ${LOOKUP_LIMIT}` : String(found.length);
  return { kind: 'candidates', message: `${what} matches ${count} identities in the data; choose one.`, candidates: found };
}

function eventsSuggestion(scope: Scope, label: string, filters: Record<string, string>): SearchCandidate {
  return { label, kind: 'Events', detail: 'the raw events in the scope', href: eventsHref(scope, filters) };
}

/**
 * Pure: where a search leads. `rows` are the lookup's rows (empty when there was none); `scope` is
 * what the links carry (the search's own `from`/`to`, empty when it had none).
 */
export function resolveSearch(q: SearchQuery, rows: readonly IdentityRow[], scope: Scope): SearchOutcome {
  const capped = rows.length > LOOKUP_LIMIT;
  const seen = rows.slice(0, LOOKUP_LIMIT);
  switch (q.kind) {
    case 'role':
      return { kind: 'redirect', href: roleHref(q.roleArn, scope) };
    case 'role-session':
      return { kind: 'redirect', href: roleSessionHref(q.sessionId, scope) };
    case 'user':
      return { kind: 'redirect', href: userHref(q.arn, scope) };
    case 'ip':
      return { kind: 'redirect', href: ipHref(q.ip, scope) };
    case 'service':
      return { kind: 'redirect', href: serviceHref(q.name, scope) };
    case 'account':
      return { kind: 'redirect', href: eventsHref(scope, { account: q.accountId }) };
    case 'session-name':
      return { kind: 'redirect', href: roleSessionsHref(scope, { sessionName: q.sessionName }) };
    case 'assumed-role-arn':
      return decide(candidates(seen, (r) => sessionCandidate(r, scope)), capped, 'This session ARN', () => ({
        kind: 'nothing',
        message: `No event in the search window was made by ${q.arn}.`,
        suggestions: [
          {
            label: `${q.roleName} sessions named ${q.sessionName}`,
            kind: 'Role sessions',
            detail: 'the role-session list, filtered',
            href: roleSessionsHref(scope, { role: q.roleName, sessionName: q.sessionName }),
          },
          eventsSuggestion(scope, q.arn, { principal: q.arn }),
        ],
      }));
    case 'role-id':
      return decide(candidates(seen, (r) => roleCandidate(r, scope)), capped, 'This role id', () => ({
        kind: 'nothing',
        message: `No session of a role with id ${q.roleId} made a call in the search window.`,
        suggestions: [],
      }));
    case 'user-id':
      return decide(candidates(seen, (r) => userCandidate(r, scope)), capped, 'This user id', () => ({
        kind: 'nothing',
        message: `No event in the search window was made by the IAM user with id ${q.userId}.`,
        suggestions: [eventsSuggestion(scope, q.userId, { principal: q.userId })],
      }));
    case 'access-key': {
      const found = candidates(seen, (r) => sessionCandidate(r, scope) ?? userCandidate(r, scope));
      // No identity used the key in the window: its events page is where a wider scope may still find it.
      return decide(found, capped, 'This access key', () => ({ kind: 'redirect', href: eventsHref(scope, { accessKeyId: q.accessKeyId }) }));
    }
    case 'other-arn':
      return {
        kind: 'nothing',
        message: 'Trailscope has profiles for roles, role sessions, users, IP addresses and services; this ARN is none of them.',
        suggestions: principal.safeParse(q.arn).success ? [eventsSuggestion(scope, q.arn, { principal: q.arn })] : [],
      };
    case 'empty':
      return { kind: 'nothing', message: 'Type something to search for.', suggestions: [] };
    case 'unrecognised':
      return { kind: 'nothing', message: `Nothing to look up: ${q.reason}.`, suggestions: [] };
  }
}

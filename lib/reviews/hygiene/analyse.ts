import { roleNameOf } from '@/lib/attribution/assumer';
import type { SessionNameUsageRow } from '@/lib/reviews/queries/session-name-usage';
import { groupBy } from '@/lib/reviews/group-by';
import { hygieneAssumerOf, PERSON_KINDS, type HygieneAssumer } from './assumers';
import { buildRecommendation, type HygieneVerdict, type Recommendation } from './recommendation';
import { genericSessionName, sessionNameMatch, type GenericKind } from './session-names';

/**
 * Per role: how it is assumed and whether its session names identify the person. A role's names
 * fail when one name is shared by different assumers, when they are generic, or when they differ
 * from the assumer's own name; a source identity on every session makes up for all three.
 */

export interface SharedSessionName {
  sessionName: string;
  assumers: { key: string; name: string; kind: HygieneAssumer['kind'] }[];
  sessions: number;
}

export interface GenericSessionNames {
  /** The family (`botocore-session-…`) or the name itself (`session1`). */
  label: string;
  kind: GenericKind;
  /** Up to five of the names, for the reader. */
  examples: string[];
  distinctNames: number;
  sessions: number;
  assumers: string[];
}

export interface MismatchedSessionName {
  sessionName: string;
  assumer: string;
  sessions: number;
}

export interface RoleHygiene {
  roleArn: string;
  roleName: string;
  accountId: string | null;
  sessions: number;
  assumers: number;
  assumerList: HygieneAssumer[];
  sessionNames: number;
  sharedSessionNames: SharedSessionName[];
  genericSessionNames: GenericSessionNames[];
  mismatchedSessionNames: MismatchedSessionName[];
  /** Share of sessions that carried a source identity, 0..1. */
  sourceIdentityShare: number;
  verdict: HygieneVerdict;
  /** Number of problems found, for sorting. */
  issues: number;
  recommendation: Recommendation;
  first: string;
  last: string;
}

function accountOf(roleArn: string): string | null {
  return /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(roleArn)?.[1] ?? null;
}

function analyseRole(roleArn: string, rows: readonly SessionNameUsageRow[]): RoleHygiene {
  const assumers = new Map<string, HygieneAssumer>();
  for (const r of rows) {
    const a = hygieneAssumerOf(r);
    const known = assumers.get(a.key);
    // The caller's own copy names it more fully than the role account's copy (`account`).
    if (!known || (known.kind === 'account' && a.kind !== 'account')) assumers.set(a.key, a);
  }
  const assumerOf = (r: SessionNameUsageRow) => assumers.get(r.callerKey) as HygieneAssumer;
  const byName = groupBy(rows, (r) => r.sessionName);

  const shared: SharedSessionName[] = [];
  const generic = new Map<string, GenericSessionNames>();
  const mismatched: MismatchedSessionName[] = [];
  for (const [sessionName, list] of byName) {
    const sessions = list.reduce((n, r) => n + r.assumptions, 0);
    const keys = [...new Set(list.map((r) => r.callerKey))];
    if (keys.length > 1) {
      shared.push({ sessionName, sessions, assumers: keys.map((k) => assumers.get(k) as HygieneAssumer).map((a) => ({ key: a.key, name: a.name, kind: a.kind })) });
    }
    // AWS services name sessions after the resource (an instance id), by design.
    const people = list.filter((r) => PERSON_KINDS.includes(assumerOf(r).kind));
    if (people.length === 0) continue;
    const g = genericSessionName(sessionName);
    if (g) {
      const entry = generic.get(g.label) ?? { label: g.label, kind: g.kind, examples: [], distinctNames: 0, sessions: 0, assumers: [] };
      entry.distinctNames += 1;
      entry.sessions += people.reduce((n, r) => n + r.assumptions, 0);
      if (entry.examples.length < 5) entry.examples.push(sessionName);
      entry.assumers = [...new Set([...entry.assumers, ...people.map((r) => assumerOf(r).name)])].sort();
      generic.set(g.label, entry);
    }
    for (const r of people) {
      const a = assumerOf(r);
      // A generic name is reported once, as generic, not again as a mismatch.
      if (!g && a.personName && a.kind !== 'sso-user' && sessionNameMatch(sessionName, a.personName) === 'different') {
        mismatched.push({ sessionName, assumer: a.name, sessions: r.assumptions });
      }
    }
  }

  const sessions = rows.reduce((n, r) => n + r.assumptions, 0);
  const withSourceIdentity = rows.reduce((n, r) => n + r.withSourceIdentity, 0);
  const sourceIdentityShare = sessions > 0 ? withSourceIdentity / sessions : 0;
  const assumerList = [...assumers.values()].sort((a, b) => a.name.localeCompare(b.name));
  const genericList = [...generic.values()].sort((a, b) => b.sessions - a.sessions || a.label.localeCompare(b.label));
  const issues = shared.length + genericList.length + mismatched.length;
  const people = assumerList.filter((a) => PERSON_KINDS.includes(a.kind));
  const verdict: HygieneVerdict =
    people.length === 0 ? 'not-applicable' : issues === 0 || sourceIdentityShare === 1 ? 'identifies' : 'does-not-identify';
  const times = rows.flatMap((r) => [r.first, r.last]).sort();
  return {
    roleArn,
    roleName: roleNameOf(roleArn),
    accountId: accountOf(roleArn),
    sessions,
    assumers: assumers.size,
    assumerList,
    sessionNames: byName.size,
    sharedSessionNames: shared.sort((a, b) => b.sessions - a.sessions || a.sessionName.localeCompare(b.sessionName)),
    genericSessionNames: genericList,
    mismatchedSessionNames: mismatched.sort((a, b) => b.sessions - a.sessions || a.sessionName.localeCompare(b.sessionName)),
    sourceIdentityShare,
    verdict,
    issues: verdict === 'identifies' || verdict === 'not-applicable' ? 0 : issues,
    recommendation: buildRecommendation({ verdict, assumers: assumerList }),
    first: times[0] ?? '',
    last: times[times.length - 1] ?? '',
  };
}

/** Pure: the usage rows grouped per role and judged. */
export function analyseHygiene(rows: readonly SessionNameUsageRow[]): RoleHygiene[] {
  const byRole = groupBy(rows, (r) => r.roleArn);
  return [...byRole.entries()].map(([roleArn, list]) => analyseRole(roleArn, list));
}

import { scopeCalls, type Observed } from './observations';
import { USER_AGENT_FAMILY_LABELS, userAgentFamily, type UserAgentFamily } from './user-agent-family';

export interface NewUserAgent {
  /** The raw agent as CloudTrail wrote it; empty when the events carry none. */
  userAgent: string;
  success: number;
  failed: number;
  firstSeen: string | null;
  filter: { userAgent: string };
}

/** New raw agents under their family; `familyNew` when no baseline call came from that family at all. */
export interface NewUserAgentFamily {
  family: UserAgentFamily;
  label: string;
  familyNew: boolean;
  /** Baseline calls from other agents of the same family (0 when familyNew). */
  familyBaselineCalls: number;
  success: number;
  failed: number;
  firstSeen: string | null;
  agents: NewUserAgent[];
}

const byFirstSeen = <T extends { firstSeen: string | null }>(a: T, b: T) => (a.firstSeen ?? '').localeCompare(b.firstSeen ?? '');

/** Families with at least one agent new in the scope: whole-new families first, then by first appearance. */
export function newUserAgents(agents: ReadonlyMap<string, Observed>): NewUserAgentFamily[] {
  const families = new Map<UserAgentFamily, { baseline: number; fresh: NewUserAgent[] }>();
  for (const [userAgent, o] of agents) {
    const family = userAgentFamily(userAgent);
    const entry = families.get(family) ?? { baseline: 0, fresh: [] };
    entry.baseline += o.baselineCalls;
    if (o.baselineCalls === 0 && scopeCalls(o) > 0) {
      entry.fresh.push({ userAgent, success: o.scope.success, failed: o.scope.failed, firstSeen: o.firstSeen, filter: { userAgent } });
    }
    families.set(family, entry);
  }
  const result: NewUserAgentFamily[] = [];
  for (const [family, { baseline, fresh }] of families) {
    if (fresh.length === 0) continue;
    const agentsNew = fresh.sort((a, b) => byFirstSeen(a, b) || a.userAgent.localeCompare(b.userAgent));
    result.push({
      family,
      label: USER_AGENT_FAMILY_LABELS[family],
      familyNew: baseline === 0,
      familyBaselineCalls: baseline,
      success: agentsNew.reduce((s, a) => s + a.success, 0),
      failed: agentsNew.reduce((s, a) => s + a.failed, 0),
      firstSeen: agentsNew[0]?.firstSeen ?? null,
      agents: agentsNew,
    });
  }
  return result.sort((a, b) => Number(b.familyNew) - Number(a.familyNew) || byFirstSeen(a, b) || a.family.localeCompare(b.family));
}

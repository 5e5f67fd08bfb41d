/**
 * Pure: role juggling over chained AssumeRole events (a role session calling AssumeRole). Each hop
 * links to the one before it by access key: the caller's key is the key the previous hop issued.
 * A chain is every hop reachable from one first hop (whose caller's key no hop in the window
 * issued); it is juggling when a hop comes more than the chained-session limit after the first.
 */
import type { AssumeRoleEventRow } from '@/lib/attribution/queries/assume-role-events';
import { severityLabel, type Finding } from '@/lib/findings/types';
import { CHAINED_SESSION_LIMIT_SECONDS, ruleById } from './rules';
import { detectionFindingId } from './to-findings';

interface Hop {
  event: AssumeRoleEventRow;
  /** The key this hop issued. */
  issued: string;
  /** The key that called it. */
  caller: string;
}

const roleName = (arn: string | null) => (arn ? (arn.split('/').pop() ?? arn) : 'unknown role');

export function roleJugglingFindings(events: readonly AssumeRoleEventRow[]): Finding[] {
  const rule = ruleById('role-juggling');
  // Cross-account calls are logged in both accounts: one hop per issued key.
  const hops = new Map<string, Hop>();
  for (const e of events) {
    if (e.eventName !== 'AssumeRole' || e.callerType !== 'AssumedRole' || !e.accessKeyId || !e.callerAccessKeyId) continue;
    if (!hops.has(e.accessKeyId)) hops.set(e.accessKeyId, { event: e, issued: e.accessKeyId, caller: e.callerAccessKeyId });
  }
  const children = new Map<string, Hop[]>();
  for (const hop of hops.values()) children.set(hop.caller, [...(children.get(hop.caller) ?? []), hop]);

  const findings: Finding[] = [];
  for (const first of [...hops.values()].filter((h) => !hops.has(h.caller))) {
    // The chain's hops in time order, and the path to its latest hop.
    const chain: Hop[] = [];
    const parent = new Map<string, Hop>();
    const stack = [first];
    while (stack.length) {
      const hop = stack.pop()!;
      chain.push(hop);
      for (const next of children.get(hop.issued) ?? []) {
        parent.set(next.issued, hop);
        stack.push(next);
      }
    }
    chain.sort((a, b) => a.event.eventTime.localeCompare(b.event.eventTime));
    const last = chain.at(-1)!;
    const spanSeconds = (Date.parse(last.event.eventTime) - Date.parse(first.event.eventTime)) / 1000;
    if (chain.length < 2 || spanSeconds <= CHAINED_SESSION_LIMIT_SECONDS) continue;
    const path: Hop[] = [];
    for (let h: Hop | undefined = last; h; h = parent.get(h.issued)) path.unshift(h);
    const origin = first.event.callerArn ?? first.event.callerPrincipalId ?? first.caller;
    const roles = [...new Set(path.map((h) => roleName(h.event.roleArn)))];
    findings.push({
      id: detectionFindingId(rule.id, [first.caller]),
      source: 'detection',
      type: rule.type,
      severity: rule.severity,
      severityLabel: severityLabel(rule.severity),
      title: `Role chain kept alive for ${Math.round(spanSeconds / 60)} minutes: ${roles.join(' ⇄ ')}`,
      description: `Starting from ${origin}, ${chain.length} chained AssumeRole calls between ${first.event.eventTime} and ${last.event.eventTime} (${Math.round(spanSeconds / 60)} minutes, past the ${CHAINED_SESSION_LIMIT_SECONDS / 60}-minute limit of a chained session): ${path
        .map((h) => `${roleName(h.event.roleArn)} as ${h.event.sessionName ?? '?'} at ${h.event.eventTime}`)
        .join(' → ')}.`,
      firstSeen: first.event.eventTime,
      lastSeen: last.event.eventTime,
      accountId: last.event.recipientAccountId,
      region: last.event.region,
      actor: {
        accessKeyId: last.issued,
        principalId: last.event.assumedRoleId,
        arn: last.event.assumedRoleArn,
        userName: roleName(last.event.roleArn),
        userType: 'AssumedRole',
        sessionId: last.event.assumedRoleId,
      },
      resources: [...new Set(chain.map((h) => h.event.roleArn).filter((a): a is string => a !== null))].map((arn) => ({ type: 'IAMRole', id: arn })),
      evidenceEventIds: chain.map((h) => h.event.eventId),
      rule: rule.id,
      count: chain.length,
    });
  }
  return findings;
}

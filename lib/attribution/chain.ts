import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { attributeRoleSessions, type RoleSessionAttribution } from './role-session';
import type { Assumer, AssumerType, LinkedCredential } from './types';
import { isoUtc } from '@/lib/time';

/** Hops walked upstream at most; a longer chain ends with `end: 'max-depth'`. */
export const MAX_CHAIN_DEPTH = 20;
/** Distinct upstream paths kept at most; further ones are counted in `cut`. */
export const MAX_CHAIN_PATHS = 10;

/** Where a chain starts: the first identity that is not a role session. */
export interface ChainOrigin {
  type: AssumerType;
  name: string;
  arn?: string;
  accountId?: string;
}

export type HopLabel = 'proven' | 'inferred' | 'broken';

export interface ChainHop {
  /** Who called AssumeRole*; null when the hop is broken (the call is not in the data). */
  from: Assumer | null;
  /** The role session the call issued credentials for. */
  to: { sessionId: string; roleArn: string | null };
  /** When the credentials were issued (the earliest such call in the scope); null when broken. */
  assumedAt: string | null;
  evidenceEventIds: string[];
  label: HopLabel;
  /** Why the hop is inferred or broken, from the attribution. */
  reason?: string;
  /** SourceIdentity set on this hop or carried through it. */
  sourceIdentity: string | null;
}

/**
 * How a path stopped: at an `origin` (a non-role identity), at a `broken` hop, at a `cycle` (a
 * session seen twice on the path), or at `max-depth`.
 */
export type ChainEnd = 'origin' | 'broken' | 'cycle' | 'max-depth';

/** One upstream path. `hops` run from the origin side to the start session (the last hop). */
export interface ChainPath {
  /** Null unless every hop up to a non-role identity is linked: never a guess. */
  origin: ChainOrigin | null;
  /** The SourceIdentity claimed on any hop (the one nearest the origin), as the origin's claim. */
  sourceIdentity: string | null;
  hops: ChainHop[];
  end: ChainEnd;
}

export interface RoleChain extends ChainPath {
  start: string;
  /** Other distinct upstream paths, when the session (or one upstream) had several assumers. */
  branches?: ChainPath[];
  /** Set when paths were dropped to stay within MAX_CHAIN_PATHS. */
  cut?: string;
}

/** The attributions of role sessions, batched; `when` spans the calls made by those sessions. */
export type AttributionLookup = (
  principalIds: string[],
  when: { earliest: string | null; latest: string | null },
) => Promise<Map<string, RoleSessionAttribution>>;

interface OpenPath {
  /** Upstream order: hops[0] is into the start session. */
  hops: ChainHop[];
  visited: Set<string>;
  /** The session still to look up, or null when finished. */
  next: string | null;
  nextRoleArn: string | null;
  origin: ChainOrigin | null;
  end: ChainEnd | null;
}

function originOf(a: Assumer): ChainOrigin {
  return { type: a.type, name: a.name, ...(a.arn ? { arn: a.arn } : {}), ...(a.accountId ? { accountId: a.accountId } : {}) };
}

/** The upstream session id of an assumer that is (or may be) a role session, else null. */
export function upstreamSession(a: Assumer): string | null {
  if (a.type === 'role-session') return a.principalId ?? (a.key.includes(':') ? a.key : null);
  // The role account's copy of a cross-account call names the caller's principal id only.
  if (a.type === 'aws-account' && a.principalId?.startsWith('AROA') && a.principalId.includes(':')) return a.principalId;
  return null;
}

function sortedUnique(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort();
}

/** The hops into one session: one per distinct assumer, then one broken hop for unlinked credentials. */
function hopsInto(sessionId: string, roleArn: string | null, via: Assumer | null, att: RoleSessionAttribution | undefined): ChainHop[] {
  const to = { sessionId, roleArn: att?.roleArn ?? roleArn };
  const silent =
    via?.type === 'aws-account'
      ? `only the role account’s copy of the AssumeRole is in the data: the caller’s account ${via.accountId ?? ''} is not ingested`
      : 'the session has no activity in the data around the call it made: its account may not be ingested';
  if (!att || att.credentials.length === 0) {
    return [
      {
        from: null,
        to,
        assumedAt: null,
        evidenceEventIds: [],
        label: 'broken',
        reason: silent,
        sourceIdentity: null,
      },
    ];
  }
  const groups = new Map<string, LinkedCredential[]>();
  for (const c of att.credentials) {
    if (!c.assumption || c.confidence === 'unknown') continue;
    const key = c.assumption.assumer.key;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const hops: ChainHop[] = [];
  for (const links of groups.values()) {
    const assumptions = links.map((l) => l.assumption).filter((a) => a !== null);
    const first = [...assumptions].sort((x, y) => (x.issuedAt < y.issuedAt ? -1 : x.issuedAt > y.issuedAt ? 1 : 0))[0];
    if (!first) continue;
    const proven = links.some((l) => l.confidence === 'proven');
    const sourceIdentity =
      assumptions.find((a) => a.sourceIdentity !== null)?.sourceIdentity ?? links.find((l) => l.credential.sourceIdentity)?.credential.sourceIdentity ?? null;
    const inferredReason = links.find((l) => l.reason)?.reason;
    hops.push({
      from: first.assumer,
      to,
      assumedAt: first.issuedAt,
      evidenceEventIds: sortedUnique(assumptions.flatMap((a) => a.evidenceEventIds)),
      label: proven ? 'proven' : 'inferred',
      ...(proven || !inferredReason ? {} : { reason: inferredReason }),
      sourceIdentity,
    });
  }
  // Most-used assumer first (as summariseAssumers orders them).
  hops.sort((x, y) => (groups.get(y.from?.key ?? '')?.length ?? 0) - (groups.get(x.from?.key ?? '')?.length ?? 0));
  const unlinked = att.credentials.filter((c) => c.confidence === 'unknown');
  if (unlinked.length > 0) {
    hops.push({
      from: null,
      to,
      assumedAt: null,
      evidenceEventIds: [],
      label: 'broken',
      reason: unlinked[0]?.reason ?? 'no AssumeRole* event in the data issued these credentials',
      sourceIdentity: unlinked.find((c) => c.credential.sourceIdentity)?.credential.sourceIdentity ?? null,
    });
  }
  return hops;
}

function finish(p: OpenPath): ChainPath {
  const hops = [...p.hops].reverse();
  return {
    origin: p.end === 'origin' ? p.origin : null,
    sourceIdentity: hops.find((h) => h.sourceIdentity !== null)?.sourceIdentity ?? null,
    hops,
    end: p.end ?? 'broken',
  };
}

const END_RANK: Record<ChainEnd, number> = { origin: 0, broken: 1, 'max-depth': 2, cycle: 3 };

/**
 * The provenance of a role session, walked hop by hop: from the session to its assumers, and while
 * an assumer is a role session, on to that session's assumers, until a non-role identity or a
 * break. One path per distinct upstream route (several callers re-using a session name), at most
 * MAX_CHAIN_PATHS; stops on cycles and at MAX_CHAIN_DEPTH. One lookup per hop level.
 */
export async function buildChain(start: string, lookup: AttributionLookup): Promise<RoleChain> {
  let active: OpenPath[] = [{ hops: [], visited: new Set([start]), next: start, nextRoleArn: null, origin: null, end: null }];
  const done: OpenPath[] = [];
  let dropped = 0;
  for (let depth = 0; active.length > 0; depth++) {
    if (depth >= MAX_CHAIN_DEPTH) {
      for (const p of active) done.push({ ...p, next: null, end: 'max-depth' });
      break;
    }
    const ids = sortedUnique(active.map((p) => p.next).filter((x) => x !== null));
    const times = active.map((p) => p.hops.at(-1)?.assumedAt).filter((t): t is string => typeof t === 'string').sort();
    const found = await lookup(ids, { earliest: times[0] ?? null, latest: times.at(-1) ?? null });
    const nextActive: OpenPath[] = [];
    for (const p of active) {
      const sessionId = p.next as string;
      for (const hop of hopsInto(sessionId, p.nextRoleArn, p.hops.at(-1)?.from ?? null, found.get(sessionId))) {
        if (done.length + nextActive.length >= MAX_CHAIN_PATHS) {
          dropped++;
          continue;
        }
        const hops = [...p.hops, hop];
        const upstream = hop.from ? upstreamSession(hop.from) : null;
        if (hop.label === 'broken' || !hop.from) done.push({ ...p, hops, next: null, end: 'broken' });
        else if (upstream === null) done.push({ ...p, hops, next: null, origin: originOf(hop.from), end: 'origin' });
        else if (p.visited.has(upstream)) done.push({ ...p, hops, next: null, end: 'cycle' });
        else nextActive.push({ hops, visited: new Set([...p.visited, upstream]), next: upstream, nextRoleArn: hop.from.roleArn, origin: null, end: null });
      }
    }
    active = nextActive;
  }
  const paths = done.map(finish).sort((x, y) => END_RANK[x.end] - END_RANK[y.end]);
  const [main, ...branches] = paths;
  const chain: RoleChain = { start, ...(main ?? { origin: null, sourceIdentity: null, hops: [], end: 'broken' }) };
  if (branches.length > 0) chain.branches = branches;
  if (dropped > 0) chain.cut = `${dropped} further upstream path${dropped === 1 ? '' : 's'} not shown (at most ${MAX_CHAIN_PATHS})`;
  return chain;
}

const AROUND_CALL_MS = 60_000;

/**
 * The chain of a role session in the scope, from the attribution: the start session's assumers in
 * the scope, each upstream session's around the AssumeRole calls it made (within a minute of them).
 * A caller that already attributed the start session (the profile page) passes it, so its queries
 * are not run twice.
 */
export async function getChain(
  conn: Connection,
  principalId: string,
  scope: Scope,
  dataStart: string | null,
  signal?: AbortSignal,
  start?: RoleSessionAttribution,
): Promise<RoleChain> {
  return buildChain(principalId, async (ids, when) => {
    if (start && ids.length === 1 && ids[0] === principalId && when.earliest === null) return new Map([[principalId, start]]);
    const window =
      when.earliest && when.latest
        ? { from: isoUtc(Date.parse(when.earliest) - AROUND_CALL_MS), to: isoUtc(Date.parse(when.latest) + AROUND_CALL_MS) }
        : scope;
    return (await attributeRoleSessions(conn, ids, window, dataStart, signal)).sessions;
  });
}

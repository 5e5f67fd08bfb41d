import type { UserKeyRow } from './queries/user-access-keys';

/**
 * How a user's credentials look in its events: AKIA… long-term keys, ASIA… sessions the console
 * made at sign-in (`sessionCredentialFromConsole`), other ASIA… sessions (GetSessionToken), and
 * calls with no key at all (the console sign-in itself).
 */
export const KEY_KINDS = ['long-term', 'console-session', 'temporary', 'no-key', 'other'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

export const KEY_KIND_LABELS: Record<KeyKind, string> = {
  'long-term': 'long-term key',
  'console-session': 'console session',
  temporary: 'temporary (GetSessionToken)',
  'no-key': 'no access key',
  other: 'other credential',
};

export interface AccessKeyUsage {
  accessKeyId: string | null;
  kind: KeyKind;
  events: number;
  failed: number;
  firstSeen: string;
  lastSeen: string;
  /** When STS issued a session key (`sessionContext.attributes.creationDate`). */
  sessionCreated: string | null;
  mfa: boolean | null;
  /** Source addresses, busiest first. */
  sourceIps: string[];
}

export function keyKind(accessKeyId: string | null, fromConsole: boolean): KeyKind {
  if (!accessKeyId) return 'no-key';
  if (accessKeyId.startsWith('AKIA')) return 'long-term';
  if (accessKeyId.startsWith('ASIA')) return fromConsole ? 'console-session' : 'temporary';
  return 'other';
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** Pure: one line per key (per-address rows folded), newest use first. */
export function summariseAccessKeys(rows: readonly UserKeyRow[]): AccessKeyUsage[] {
  const byKey = new Map<string, { usage: AccessKeyUsage; ipEvents: Map<string, number>; console: boolean }>();
  for (const r of rows) {
    const id = r.accessKeyId ?? '';
    const entry = byKey.get(id) ?? {
      usage: { accessKeyId: r.accessKeyId, kind: 'other' as KeyKind, events: 0, failed: 0, firstSeen: r.firstSeen, lastSeen: r.lastSeen, sessionCreated: null, mfa: null, sourceIps: [] },
      ipEvents: new Map<string, number>(),
      console: false,
    };
    const u = entry.usage;
    u.events += r.events;
    u.failed += r.failed;
    u.firstSeen = min(u.firstSeen, r.firstSeen);
    u.lastSeen = max(u.lastSeen, r.lastSeen);
    if (r.sessionCreated) u.sessionCreated = u.sessionCreated ? min(u.sessionCreated, r.sessionCreated) : r.sessionCreated;
    if (r.mfa !== null) u.mfa = (u.mfa ?? false) || r.mfa;
    entry.console ||= r.fromConsole;
    if (r.sourceIp) entry.ipEvents.set(r.sourceIp, (entry.ipEvents.get(r.sourceIp) ?? 0) + r.events);
    byKey.set(id, entry);
  }
  return [...byKey.values()]
    .map(({ usage, ipEvents, console }) => ({
      ...usage,
      kind: keyKind(usage.accessKeyId, console),
      sourceIps: [...ipEvents.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([ip]) => ip),
    }))
    .sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0));
}

/** The principal ids behind a user's events (AIDA…, or the account id for root). */
export function principalIdsOf(rows: readonly UserKeyRow[]): string[] {
  return [...new Set(rows.map((r) => r.principalId).filter((p): p is string => p !== null && p !== ''))].sort();
}

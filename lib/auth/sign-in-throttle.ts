/**
 * Password guessing, slowed and then stopped. Failures are counted per user name and per client
 * address (a guesser rotating names is still one address; a botnet guessing one name is still one
 * name). Past a few free failures each one makes the key wait longer before the next try (1 s,
 * 2 s, 4 s, … up to a minute), and at the lockout threshold the key is refused for a window, even
 * with the right password. A success clears the user's and the address's record.
 *
 * In memory, per server process: a restart forgets, which is acceptable for a single-process
 * self-hosted app and keeps a locked-out admin recoverable by restarting.
 */

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  free: number;
  /** Failures at which the key is locked for `lockoutMs`. */
  lockAt: number;
  lockoutMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

export const USER_POLICY: ThrottlePolicy = { free: 4, lockAt: 10, lockoutMs: 15 * 60_000, maxDelayMs: 60_000, forgetAfterMs: 15 * 60_000 };
export const ADDRESS_POLICY: ThrottlePolicy = { free: 10, lockAt: 30, lockoutMs: 15 * 60_000, maxDelayMs: 60_000, forgetAfterMs: 15 * 60_000 };

interface Entry {
  failures: number;
  lastFailure: number;
  blockedUntil: number;
}

const MAX_ENTRIES = 50_000;

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly policies: { user: ThrottlePolicy; address: ThrottlePolicy } = { user: USER_POLICY, address: ADDRESS_POLICY }) {}

  /** Milliseconds to wait before this user from this address may try again; 0 when they may now. */
  retryAfterMs(user: string, address: string | null, now: number = Date.now()): number {
    return Math.max(0, ...this.keys(user, address).map(([key, policy]) => this.current(key, policy, now)?.blockedUntil ?? 0).map((t) => t - now));
  }

  failed(user: string, address: string | null, now: number = Date.now()): void {
    for (const [key, policy] of this.keys(user, address)) {
      const entry = this.current(key, policy, now) ?? { failures: 0, lastFailure: now, blockedUntil: 0 };
      entry.failures += 1;
      entry.lastFailure = now;
      if (entry.failures >= policy.lockAt) entry.blockedUntil = now + policy.lockoutMs;
      else if (entry.failures > policy.free) entry.blockedUntil = now + Math.min(policy.maxDelayMs, 1000 * 2 ** (entry.failures - policy.free - 1));
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    // Oldest first in a Map: drop the stalest keys when a flood of names would grow it without bound.
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  succeeded(user: string, address: string | null): void {
    for (const [key] of this.keys(user, address)) this.entries.delete(key);
  }

  private keys(user: string, address: string | null): [string, ThrottlePolicy][] {
    const keys: [string, ThrottlePolicy][] = [[`user:${user.toLowerCase()}`, this.policies.user]];
    if (address) keys.push([`address:${address}`, this.policies.address]);
    return keys;
  }

  private current(key: string, policy: ThrottlePolicy, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastFailure > policy.forgetAfterMs && now >= entry.blockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

const holder = globalThis as typeof globalThis & { __trailscopeSignInThrottle?: SignInThrottle };

/** The process's one throttle (Next may load this module in several bundles). */
export function signInThrottle(): SignInThrottle {
  holder.__trailscopeSignInThrottle ??= new SignInThrottle();
  return holder.__trailscopeSignInThrottle;
}

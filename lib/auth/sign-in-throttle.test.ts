import { describe, expect, it } from 'vitest';
import { SignInThrottle, USER_POLICY } from './sign-in-throttle';

describe('SignInThrottle', () => {
  it('lets the first few failures through, then makes each wait longer', () => {
    const t = new SignInThrottle();
    let now = 0;
    for (let i = 0; i < USER_POLICY.free; i++) {
      expect(t.retryAfterMs('admin', '203.0.113.9', now)).toBe(0);
      t.failed('admin', '203.0.113.9', now);
    }
    expect(t.retryAfterMs('admin', '203.0.113.9', now)).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      t.failed('admin', '203.0.113.9', now);
      waits.push(t.retryAfterMs('admin', '203.0.113.9', now));
      now += waits.at(-1) as number;
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });

  it('locks the user out after the threshold: the right password is refused too', () => {
    const t = new SignInThrottle();
    // 60 wrong passwords in a row, each sent as soon as it is allowed (the probe in issue 11).
    let now = 0;
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      const wait = t.retryAfterMs('admin', '198.51.100.7', now);
      if (wait > USER_POLICY.maxDelayMs) break; // locked: the attacker gives up on this window
      now += wait;
      checked++;
      t.failed('admin', '198.51.100.7', now);
    }
    expect(checked).toBe(USER_POLICY.lockAt);
    // The 61st attempt, with the right password, is not even checked.
    expect(t.retryAfterMs('admin', '198.51.100.7', now)).toBeGreaterThan(0);
  });

  it('counts per user across addresses and per address across users', () => {
    const t = new SignInThrottle();
    for (let i = 0; i < USER_POLICY.lockAt; i++) t.failed('admin', `192.0.2.${i}`, 0);
    expect(t.retryAfterMs('admin', '192.0.2.200', 0)).toBeGreaterThan(0);
    expect(t.retryAfterMs('analyst', '192.0.2.200', 0)).toBe(0);

    const u = new SignInThrottle();
    for (let i = 0; i < 30; i++) u.failed(`user${i}`, '203.0.113.50', 0);
    expect(u.retryAfterMs('someone-new', '203.0.113.50', 0)).toBeGreaterThan(10 * 60_000);
    expect(u.retryAfterMs('someone-new', '203.0.113.51', 0)).toBe(0);
  });

  it('treats user names case-insensitively and forgets after a quiet spell', () => {
    const t = new SignInThrottle();
    for (let i = 0; i < USER_POLICY.free + 1; i++) t.failed('Admin', null, 0);
    expect(t.retryAfterMs('admin', null, 0)).toBe(1000);
    expect(t.retryAfterMs('admin', null, USER_POLICY.forgetAfterMs + 1)).toBe(0);
    t.failed('admin', null, USER_POLICY.forgetAfterMs + 2);
    expect(t.retryAfterMs('admin', null, USER_POLICY.forgetAfterMs + 2)).toBe(0);
  });

  it('clears the record on success', () => {
    const t = new SignInThrottle();
    for (let i = 0; i < USER_POLICY.free + 2; i++) t.failed('admin', '192.0.2.1', 0);
    t.succeeded('admin', '192.0.2.1');
    expect(t.retryAfterMs('admin', '192.0.2.1', 0)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { investigationScope } from './resolve-actor';

describe('investigationScope', () => {
  it('widens first..last seen to whole hours', () => {
    expect(investigationScope({ firstSeen: '2026-11-18T09:41:23Z', lastSeen: '2026-11-18T11:02:00Z' })).toEqual({ from: '2026-11-18T09:00:00Z', to: '2026-11-18T12:00:00Z' });
  });
  it('is at least an hour, and a last seen on the hour still includes that second', () => {
    expect(investigationScope({ firstSeen: '2026-11-18T09:41:23Z', lastSeen: '2026-11-18T09:41:23Z' })).toEqual({ from: '2026-11-18T09:00:00Z', to: '2026-11-18T10:00:00Z' });
    expect(investigationScope({ firstSeen: '2026-11-18T09:00:00Z', lastSeen: '2026-11-18T10:00:00Z' })).toEqual({ from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' });
  });
});

import { describe, expect, it } from 'vitest';
import { PURGE_INTERVAL_MS, purgeDue, retentionCutoff } from './retention';

describe('audit retention', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');

  it('cuts off the given number of days back, or keeps everything with 0', () => {
    expect(retentionCutoff(now, 365)).toBe('2025-11-20T12:00:00.000Z');
    expect(retentionCutoff(now, 1)).toBe('2026-11-19T12:00:00.000Z');
    expect(retentionCutoff(now, 0)).toBeNull();
  });

  it('purges on the first write of a process, then at most once an hour', () => {
    expect(purgeDue(undefined, now)).toBe(true);
    expect(purgeDue(now, now + PURGE_INTERVAL_MS - 1)).toBe(false);
    expect(purgeDue(now, now + PURGE_INTERVAL_MS)).toBe(true);
  });
});

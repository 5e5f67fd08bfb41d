import { describe, expect, it } from 'vitest';
import { findingsFilterSchema } from './schema';

describe('findingsFilterSchema', () => {
  it('refuses impossible or out-of-range window bounds rather than shifting them', () => {
    expect(findingsFilterSchema.safeParse({ from: '2026-02-30T00:00:00Z' }).error?.issues[0]?.path).toEqual(['from']);
    expect(findingsFilterSchema.safeParse({ to: '2026-01-01T24:00:00Z' }).error?.issues[0]?.path).toEqual(['to']);
    expect(findingsFilterSchema.safeParse({ from: '1969-12-31T00:00:00Z' }).success).toBe(false);
    expect(findingsFilterSchema.safeParse({ from: '2028-02-29T00:00:00Z', to: '2028-03-01T00:00:00Z' }).success).toBe(true);
  });
});

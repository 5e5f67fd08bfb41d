import { describe, expect, it } from 'vitest';
import { resolveReviewScope } from './scope';

describe('review scope', () => {
  it('defaults to N days ending at the newest event, on the hour', () => {
    expect(resolveReviewScope({}, '2026-11-19T23:35:56Z', 30)).toEqual({ from: '2026-10-21T00:00:00Z', to: '2026-11-20T00:00:00Z' });
  });
  it('keeps an explicit scope', () => {
    expect(resolveReviewScope({ from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' }, '2026-11-19T23:35:56Z', 30)).toEqual({
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-02T00:00:00Z',
    });
  });
});

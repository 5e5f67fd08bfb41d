import { describe, expect, it } from 'vitest';
import { resolveScope, scopeParams } from './scope';
import { ParamError } from './param-error';

describe('scope', () => {
  it('defaults to the 24 hours ending at the newest event, rounded up to the hour', () => {
    expect(resolveScope({}, '2026-11-19T10:20:00Z')).toEqual({ from: '2026-11-18T11:00:00Z', to: '2026-11-19T11:00:00Z' });
    expect(resolveScope({}, '2026-11-19T10:00:00Z')).toEqual({ from: '2026-11-18T11:00:00Z', to: '2026-11-19T11:00:00Z' });
  });
  it('keeps an explicit scope exactly, so links reproduce', () => {
    expect(resolveScope({ from: '2026-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' }, '2026-11-19T10:20:00Z')).toEqual({
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-03T00:00:00Z',
    });
    expect(resolveScope({ from: '2026-01-01T00:00:00Z' }, null)).toEqual({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' });
  });
  it('rejects reversed and over-long scopes with the parameter named', () => {
    expect(() => resolveScope({ from: '2026-01-03T00:00:00Z', to: '2026-01-01T00:00:00Z' }, null)).toThrow(ParamError);
    expect(() => resolveScope({ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, null)).toThrow(/one year/);
  });
  it('validates the URL form', () => {
    expect(scopeParams.safeParse({ from: '2026-01-01' }).success).toBe(false);
    expect(scopeParams.safeParse({ from: "2026-01-01T00:00:00Z' OR 1=1" }).success).toBe(false);
    expect(scopeParams.parse({ from: '2026-01-01T00:00:00.500Z', to: '' })).toEqual({ from: '2026-01-01T00:00:00Z', to: undefined });
  });
});

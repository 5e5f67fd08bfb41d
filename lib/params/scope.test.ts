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

  it('refuses impossible calendar dates with the parameter named, instead of shifting them', () => {
    const issue = (input: Record<string, string>) => scopeParams.safeParse(input).error?.issues[0];
    expect(issue({ from: '2026-02-30T00:00:00Z' })).toMatchObject({ path: ['from'], message: expect.stringMatching(/not a real date/) });
    expect(issue({ to: '2026-04-31T12:00:00Z' })?.path).toEqual(['to']);
    expect(issue({ from: '2026-01-01T24:00:00Z' })?.path).toEqual(['from']);
    expect(scopeParams.parse({ from: '2028-02-29T00:00:00Z' }).from).toBe('2028-02-29T00:00:00Z');
  });

  it('refuses instants outside 1970–9999, given or derived, naming the parameter', () => {
    expect(scopeParams.safeParse({ from: '1969-12-31T23:00:00Z' }).error?.issues[0]).toMatchObject({ path: ['from'], message: expect.stringMatching(/1970/) });
    const late = scopeParams.parse({ from: '9999-12-31T00:00:00Z' });
    expect(() => resolveScope(late, null)).toThrow(expect.objectContaining({ name: 'ParamError', parameter: 'from' }));
    const early = scopeParams.parse({ to: '1970-01-01T06:00:00Z' });
    expect(() => resolveScope(early, null)).toThrow(expect.objectContaining({ name: 'ParamError', parameter: 'to' }));
    expect(resolveScope(scopeParams.parse({ from: '9999-12-30T00:00:00Z' }), null)).toEqual({ from: '9999-12-30T00:00:00Z', to: '9999-12-31T00:00:00Z' });
  });
});

import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from './json-depth';

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays as levels, scalars as none', () => {
    expect(jsonDepthExceeds(1, 0)).toBe(false);
    expect(jsonDepthExceeds({}, 0)).toBe(true);
    expect(jsonDepthExceeds({ a: [1, { b: 'x' }] }, 3)).toBe(false);
    expect(jsonDepthExceeds({ a: [1, { b: 'x' }] }, 2)).toBe(true);
  });

  it('walks 100,000 levels without recursion', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`) as unknown;
    expect(jsonDepthExceeds(deep, 64)).toBe(true);
    expect(jsonDepthExceeds(deep, 100_000)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { toSqlLiteral } from '@/lib/engine/athena/parameters';
import { boundLiteralLength, fitsBoundLiteral, MAX_BOUND_LITERAL_LENGTH, maxBoundTextLength } from './bound-limit';

describe('the bound-value limit', () => {
  it('measures a value exactly as Athena receives it', () => {
    // Deterministic pseudo-random strings over the characters that matter: quotes, wide ones.
    const units = ['a', "'", 'é', '😀', ' ', '%'];
    let seed = 12;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const s = Array.from({ length: next() % 600 }, () => units[next() % units.length]).join('');
      expect(boundLiteralLength(s)).toBe(toSqlLiteral(s).length);
    }
  });

  it('derives the longest text that always fits from the 1,024-character rule', () => {
    expect(MAX_BOUND_LITERAL_LENGTH).toBe(1024);
    expect(maxBoundTextLength()).toBe(1022);
    expect(maxBoundTextLength({ mayContainQuotes: true })).toBe(511);
    expect(maxBoundTextLength({ added: 2 })).toBe(1020);
    expect(fitsBoundLiteral('a'.repeat(maxBoundTextLength()))).toBe(true);
    expect(fitsBoundLiteral('a'.repeat(maxBoundTextLength() + 1))).toBe(false);
    expect(fitsBoundLiteral("'".repeat(maxBoundTextLength({ mayContainQuotes: true })))).toBe(true);
    expect(fitsBoundLiteral("'".repeat(maxBoundTextLength({ mayContainQuotes: true }) + 1))).toBe(false);
    expect(fitsBoundLiteral(`%${'a'.repeat(maxBoundTextLength({ added: 2 }))}%`)).toBe(true);
  });
});

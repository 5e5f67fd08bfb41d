import { TrinoSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { EngineError } from '@/lib/engine/types';
import { expectValidTrino } from '@/lib/sql/trino-parse';
import {
  MAX_PARAMETER_LENGTH,
  inlineParameters,
  placeholderPositions,
  toExecutionParameters,
  toSqlLiteral,
} from './parameters';

const lexer = new TrinoSQL();

/** The non-whitespace, non-comment tokens the Trino lexer produces for a parameter value. */
function tokens(literal: string): string[] {
  return lexer
    .getAllTokens(literal)
    .filter((t) => t.channel === 0 && t.text !== '<EOF>')
    .map((t) => t.text ?? '');
}

/** Undoes the quoting, as Trino does when it reads the literal. */
function unquote(literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  return literal.slice(1, -1).replaceAll("''", "'");
}

const PAYLOADS = [
  "' OR 1=1 --",
  "'; DROP TABLE cloudtrail_logs; --",
  "\\' OR '1'='1",
  "x' UNION SELECT * FROM secrets WHERE 'a'='a",
  "*/ OR 1=1 /*",
  "line1\n-- comment\nline2'",
  "''''",
  "?",
  "ünïcødé ☃ 𝄞",
  '"quoted" identifier',
];

describe('toSqlLiteral', () => {
  it('writes each kind of value as a Trino literal', () => {
    expect(toSqlLiteral('AKIAEXAMPLE')).toBe("'AKIAEXAMPLE'");
    expect(toSqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(toSqlLiteral('')).toBe("''");
    expect(toSqlLiteral(42)).toBe('42');
    expect(toSqlLiteral(-7)).toBe('-7');
    expect(toSqlLiteral(0.5)).toBe('5e-1');
    expect(toSqlLiteral(1.5)).toBe('1.5e+0');
    expect(toSqlLiteral(true)).toBe('TRUE');
    expect(toSqlLiteral(false)).toBe('FALSE');
    expect(toSqlLiteral(null)).toBe('NULL');
  });

  it('rejects values that have no literal', () => {
    expect(() => toSqlLiteral(Number.NaN)).toThrow(EngineError);
    expect(() => toSqlLiteral(Number.POSITIVE_INFINITY)).toThrow(/non-finite/);
    expect(() => toSqlLiteral('a\u0000b')).toThrow(/NUL/);
  });

  it.each(PAYLOADS)('keeps the injection payload %j a single string literal', (payload) => {
    const literal = toSqlLiteral(payload);
    expect(tokens(literal)).toEqual([literal]);
    expect(unquote(literal)).toBe(payload);
    // And inside a query it is one operand of one comparison: the statement stays valid and whole.
    expectValidTrino(`SELECT eventname FROM t WHERE useridentity.accesskeyid = ${literal}`);
  });

  it('yields literals the Trino lexer reads as single tokens for numbers and keywords', () => {
    for (const v of [42, 1.5, 1e-7, 2 ** 60, true, null]) {
      const literal = toSqlLiteral(v);
      expectValidTrino(`SELECT 1 FROM t WHERE x = ${literal}`);
    }
  });
});

describe('toExecutionParameters', () => {
  it('omits the list when there are no parameters (the API rejects an empty list)', () => {
    expect(toExecutionParameters([])).toBeUndefined();
  });

  it('binds the injection payload as one quoted literal, not as SQL', () => {
    expect(toExecutionParameters(["' OR 1=1 --", 3])).toEqual(["''' OR 1=1 --'", '3']);
  });

  it('enforces the 1024-character limit on each parameter', () => {
    const fits = 'a'.repeat(MAX_PARAMETER_LENGTH - 2);
    expect(toExecutionParameters([fits])?.[0]).toHaveLength(MAX_PARAMETER_LENGTH);
    expect(() => toExecutionParameters(['ok', `${fits}a`])).toThrow(/#2 is 1025 characters/);
  });
});

describe('placeholderPositions / inlineParameters', () => {
  it('ignores ? inside string literals, quoted identifiers and comments', () => {
    const q = `SELECT '?', "a?b" FROM t -- why?\nWHERE x = ? /* and ? */ AND y = 'it''s ?' AND z = ?`;
    const positions = placeholderPositions(q);
    expect(positions).toHaveLength(2);
    expect(positions.every((p) => q[p] === '?')).toBe(true);
  });

  it('inlines literals for display, and checks the count', () => {
    expect(inlineParameters('SELECT 1 FROM t WHERE a = ? AND b = ?', ["x'y", 2])).toBe(
      "SELECT 1 FROM t WHERE a = 'x''y' AND b = 2",
    );
    expect(() => inlineParameters('SELECT ?', [])).toThrow(/1 placeholder\(s\) but 0/);
  });
});

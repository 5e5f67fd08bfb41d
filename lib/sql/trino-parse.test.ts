import { describe, expect, it } from 'vitest';
import {
  countTrinoPlaceholders,
  expectAthenaParameterPlacement,
  expectValidTrino,
  placeholdersOutsideWhere,
  trinoSyntaxErrors,
} from './trino-parse';

describe('trino-parse', () => {
  it('accepts Athena SQL with execution-parameter placeholders as sent', () => {
    const q = 'SELECT eventname FROM "AwsDataCatalog"."default"."cloudtrail_logs" WHERE "timestamp" BETWEEN ? AND ? AND useridentity.accesskeyid = ?';
    expect(trinoSyntaxErrors(q)).toEqual([]);
    expect(() => expectValidTrino(q, ['2024/01/01', '2024/01/02', 'AKIA'])).not.toThrow();
  });

  it('reports syntax errors with position and the SQL', () => {
    expect(trinoSyntaxErrors('SELEC 1')[0]).toMatch(/^1:\d+ /);
    expect(() => expectValidTrino('SELECT FROM WHERE')).toThrow(/Invalid Trino SQL[\s\S]*SELECT FROM WHERE/);
  });

  it('rejects more than one statement (a smuggled second statement must fail tests)', () => {
    expect(() => expectValidTrino('SELECT 1; SELECT 2')).toThrow(/exactly one statement/);
  });

  it('counts placeholders outside literals and comments, and checks them against params', () => {
    const q = "SELECT 1 FROM t WHERE a = ? AND b = '?' -- ?\n AND c = ?";
    expect(countTrinoPlaceholders(q)).toBe(2);
    expect(() => expectValidTrino(q, [1])).toThrow(/2 placeholder\(s\) but 1 parameter/);
  });

  it('finds placeholders Athena would reject because they are outside WHERE', () => {
    expect(placeholdersOutsideWhere('SELECT a FROM t WHERE x = ? AND y IN (SELECT b FROM u WHERE c = ?)')).toEqual([]);
    expect(placeholdersOutsideWhere('SELECT ? AS v FROM t WHERE x = ?')).toHaveLength(1);
    expect(placeholdersOutsideWhere('SELECT count(*) FROM t GROUP BY a HAVING count(*) > ?')).toHaveLength(1);
    expect(placeholdersOutsideWhere('SELECT a FROM t JOIN u ON t.k = u.k AND u.z = ? WHERE x = 1')).toHaveLength(1);
    expect(() => expectAthenaParameterPlacement('SELECT CASE WHEN a = ? THEN 1 END FROM t')).toThrow(/only in WHERE/);
    expect(() => expectAthenaParameterPlacement('SELECT a FROM t WHERE x = ?')).not.toThrow();
  });
});

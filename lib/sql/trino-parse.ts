/**
 * Test helper: checks SQL against a Trino grammar (dt-sql-parser's `TrinoSQL`), the dialect Athena
 * engine v3 speaks. Used by golden-SQL tests across the project so every Athena string we emit is at
 * least syntactically valid without an AWS account.
 *
 * dt-sql-parser is a dev dependency: import this module from tests only, never from runtime code.
 *
 * Execution-parameter placeholders (`?`) are part of Trino's grammar (they are what
 * `EXECUTE ... USING` binds), so SQL is validated as sent to Athena, placeholders and all; no
 * literal substitution is needed.
 */
import { TrinoSQL } from 'dt-sql-parser';

let parser: TrinoSQL | undefined;

function trino(): TrinoSQL {
  // The ANTLR parser is costly to build; one per test worker is enough.
  parser ??= new TrinoSQL();
  return parser;
}

/** Syntax errors as `line:column message` strings; empty when the SQL parses. */
export function trinoSyntaxErrors(sql: string): string[] {
  return trino()
    .validate(sql)
    .map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
}

/** Number of `?` placeholders the Trino lexer sees (quoted `'?'` and comments do not count). */
export function countTrinoPlaceholders(sql: string): number {
  return trino()
    .getAllTokens(sql)
    .filter((t) => t.text === '?').length;
}

/**
 * Throws (failing the calling test) unless `sql` is exactly one syntactically valid Trino statement.
 * With `params`, also checks there is one bound value per `?`, the mistake that otherwise only shows
 * up as an Athena error at run time.
 */
export function expectValidTrino(sql: string, params?: readonly unknown[]): void {
  const problems = trinoSyntaxErrors(sql);
  const statements = trino().splitSQLByStatement(sql)?.length ?? 0;
  if (problems.length === 0 && statements !== 1) {
    problems.push(`expected exactly one statement, found ${statements}`);
  }
  if (params !== undefined) {
    const placeholders = countTrinoPlaceholders(sql);
    if (placeholders !== params.length) {
      problems.push(`${placeholders} placeholder(s) but ${params.length} parameter(s)`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`Invalid Trino SQL:\n  ${problems.join('\n  ')}\n--- SQL ---\n${sql}`);
  }
}

/** The few parse-tree members used below (antlr4ng's ParseTree, typed structurally). */
interface TreeNode {
  parent: TreeNode | null;
  ruleIndex?: number;
  getChildCount(): number;
  getChild(i: number): TreeNode | null;
  getText(): string;
}

/**
 * `?` placeholders that are not inside a WHERE clause. Athena documents execution parameters as
 * WHERE-only ("SELECT ? FROM table is not supported"), so a bound value in SELECT, GROUP BY, HAVING,
 * JOIN ... ON or LIMIT may run on DuckDB and fail on Athena. Returns the enclosing text of each.
 */
export function placeholdersOutsideWhere(sql: string): string[] {
  const whereRule = trino().createParser(sql).ruleNames.indexOf('whereClause');
  const tree = trino().parse(sql) as unknown as TreeNode;
  const misplaced: string[] = [];
  const visit = (node: TreeNode) => {
    const count = node.getChildCount();
    if (count === 0 && node.getText() === '?') {
      let inWhere = false;
      for (let p = node.parent; p && !inWhere; p = p.parent) inWhere = p.ruleIndex === whereRule;
      if (!inWhere) misplaced.push(node.parent?.getText() ?? '?');
    }
    for (let i = 0; i < count; i++) {
      const child = node.getChild(i);
      if (child) visit(child);
    }
  };
  visit(tree);
  return misplaced;
}

/** Throws unless every `?` sits in a WHERE clause (see `placeholdersOutsideWhere`). */
export function expectAthenaParameterPlacement(sql: string): void {
  const misplaced = placeholdersOutsideWhere(sql);
  if (misplaced.length > 0) {
    throw new Error(
      `Athena accepts execution parameters only in WHERE clauses; found ? in: ${misplaced.join(' | ')}\n--- SQL ---\n${sql}`,
    );
  }
}

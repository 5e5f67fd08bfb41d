/**
 * The smallest client of Trino's HTTP statement protocol the tests need: POST the SQL, follow
 * `nextUri` until the query finishes, collect typed rows. Errors come back as TrinoQueryError with
 * Trino's error name (`NO_NODES_AVAILABLE`, `SYNTAX_ERROR`, …).
 */
export interface TrinoColumn {
  name: string;
  type: string;
}

export interface TrinoResult {
  columns: TrinoColumn[];
  rows: unknown[][];
}

export class TrinoQueryError extends Error {
  override name = 'TrinoQueryError';
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(`${errorName}: ${message}`);
  }
}

interface StatementResponse {
  nextUri?: string;
  columns?: TrinoColumn[];
  data?: unknown[][];
  error?: { errorName: string; message: string };
}

/** Errors Trino answers before running anything (a node not yet announced, under load): asking again is safe. */
const NOT_STARTED = new Set(['NO_NODES_AVAILABLE', 'SERVER_STARTING_UP']);

export async function trinoQuery(baseUrl: string, sql: string, options: { catalog?: string; schema?: string } = {}): Promise<TrinoResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await trinoQueryOnce(baseUrl, sql, options);
    } catch (error) {
      if (!(error instanceof TrinoQueryError) || !NOT_STARTED.has(error.errorName) || attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function trinoQueryOnce(baseUrl: string, sql: string, options: { catalog?: string; schema?: string }): Promise<TrinoResult> {
  const headers: Record<string, string> = { 'X-Trino-User': 'trailscope-test', 'X-Trino-Catalog': options.catalog ?? 'hive' };
  if (options.schema) headers['X-Trino-Schema'] = options.schema;
  let response = (await (await fetch(`${baseUrl}/v1/statement`, { method: 'POST', body: sql, headers })).json()) as StatementResponse;
  const result: TrinoResult = { columns: [], rows: [] };
  for (;;) {
    if (response.error) throw new TrinoQueryError(response.error.errorName, response.error.message);
    if (response.columns && result.columns.length === 0) result.columns = response.columns;
    if (response.data) result.rows.push(...response.data);
    if (!response.nextUri) return result;
    response = (await (await fetch(response.nextUri, { headers: { 'X-Trino-User': 'trailscope-test' } })).json()) as StatementResponse;
  }
}

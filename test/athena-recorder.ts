import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  type Row as AthenaRow,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { createAthenaConnection } from '@/lib/engine/athena/connection';
import { inlineParameters } from '@/lib/engine/athena/parameters';
import type { Connection } from '@/lib/engine/types';

/**
 * A mocked Athena (aws-sdk-client-mock on the real client) that records every query Trailscope
 * starts: its panel tag and the days its partition predicates read (`"timestamp" BETWEEN …` on the
 * projected-date layout, summed over every predicate, subqueries included). Results come from
 * `answer`, by panel; OFFSET/LIMIT in the SQL are applied to them, and pages of 1,000 rows follow
 * GetQueryResults' NextToken, as Athena does.
 */
export interface RecordedQuery {
  panel: string;
  /** Days of partitions the query reads. */
  days: number;
  sql: string;
}

type Answer = (panel: string, sql: string) => Record<string, string | number | null>[];

const DAY_MS = 86_400_000;

/** Days read by each `"timestamp" BETWEEN 'yyyy/MM/dd' AND 'yyyy/MM/dd'` in the SQL, summed. */
export function partitionDays(sql: string): number {
  let days = 0;
  for (const m of sql.matchAll(/"timestamp" BETWEEN '(\d{4})\/(\d{2})\/(\d{2})' AND '(\d{4})\/(\d{2})\/(\d{2})'/g)) {
    const [, y1, m1, d1, y2, m2, d2] = m;
    days += (Date.UTC(Number(y2), Number(m2) - 1, Number(d2)) - Date.UTC(Number(y1), Number(m1) - 1, Number(d1))) / DAY_MS + 1;
  }
  return days;
}

function unquote(literal: string): string {
  return literal.startsWith("'") ? literal.slice(1, -1).replaceAll("''", "'") : literal;
}

export function athenaRecorder(answer: Answer): { conn: Connection; queries: RecordedQuery[]; restore: () => void } {
  const athena = mockClient(AthenaClient);
  const queries: RecordedQuery[] = [];
  const results = new Map<string, Record<string, string | number | null>[]>();
  athena.on(StartQueryExecutionCommand).callsFake((input: { QueryString: string; ExecutionParameters?: string[] }) => {
    const id = `q-${queries.length + 1}`;
    const text = input.QueryString.replace(/^-- trailscope [^\n]*\n/, '');
    const sql = inlineParameters(text, (input.ExecutionParameters ?? []).map(unquote));
    const panel = /panel=([\w-]+)/.exec(input.QueryString)?.[1] ?? '?';
    queries.push({ panel, days: partitionDays(sql), sql });
    let rows = answer(panel, sql);
    const offset = Number(/\bOFFSET (\d+)/.exec(sql)?.[1] ?? 0);
    const limit = /\bLIMIT (\d+)\s*$/.exec(sql.trim())?.[1];
    rows = rows.slice(offset, limit === undefined ? undefined : offset + Number(limit));
    results.set(id, rows);
    return { QueryExecutionId: id };
  });
  athena.on(GetQueryExecutionCommand).callsFake((input: { QueryExecutionId: string }) => ({
    QueryExecution: { QueryExecutionId: input.QueryExecutionId, Status: { State: 'SUCCEEDED' }, Statistics: { DataScannedInBytes: 2 ** 30 } },
  }));
  athena.on(GetQueryResultsCommand).callsFake((input: { QueryExecutionId: string; NextToken?: string; MaxResults?: number }) => {
    const rows = results.get(input.QueryExecutionId) ?? [];
    const names = Object.keys(rows[0] ?? { n: 0 });
    const ColumnInfo = names.map((Name) => ({ Name, Type: typeof rows[0]?.[Name] === 'number' ? 'bigint' : 'varchar' }));
    const cells = (values: (string | number | null | undefined)[]): AthenaRow => ({ Data: values.map((v) => (v === null || v === undefined ? {} : { VarCharValue: String(v) })) });
    const start = Number(input.NextToken ?? 0);
    const size = (input.MaxResults ?? 1000) - (start === 0 ? 1 : 0);
    const page = rows.slice(start, start + size).map((r) => cells(names.map((n) => r[n])));
    const next = start + size < rows.length ? String(start + size) : undefined;
    return { ResultSet: { ResultSetMetadata: { ColumnInfo }, Rows: start === 0 ? [cells(names), ...page] : page }, NextToken: next };
  });
  const conn = createAthenaConnection(
    { catalog: 'AwsDataCatalog', database: 'trails', table: 'cloudtrail_logs', workgroup: 'primary', partitioning: 'projected-date', timeoutMs: 10_000, timing: { pollInitialMs: 1, pollMaxMs: 2 } },
    new AthenaClient({ region: 'us-east-1' }),
  );
  return { conn, queries, restore: () => athena.restore() };
}

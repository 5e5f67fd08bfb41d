import { parseArgs } from 'node:util';
import { TABLE_SCHEMAS, type TableSchema } from '@/lib/cloudtrail/columns';
import { ATHENA_PARTITIONINGS, type AthenaPartitioning } from '@/lib/env';
import { ATHENA_CATALOG, startAthenaStack } from './lib/athena-local/stack';
import { isTrinoInstalled } from './lib/trino/install-layout';

/**
 * `npm run athena:local -- DIR… [--port P] [--partitioning …] [--schema project|aws|aws-legacy]`:
 * loads the CloudTrail under DIR into a Hive table on a local Trino, starts the local Athena in
 * front of it, prints on stdout (one `KEY=VALUE` per line) the environment that starts the app on
 * it, and stays up until stopped (Ctrl-C). Progress goes to stderr, so
 * `npm run -s athena:local -- logs > athena.env` gives a clean env file.
 */
const USAGE = `usage: npm run athena:local -- DIR... [--port 4599] [--partitioning ${ATHENA_PARTITIONINGS.join('|')}] [--schema ${TABLE_SCHEMAS.join('|')}]
       [--database trailscope] [--table cloudtrail_logs] [--bytes-cutoff BYTES]`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '4599' },
      partitioning: { type: 'string', default: 'projected-date' },
      schema: { type: 'string', default: 'project' },
      database: { type: 'string', default: 'trailscope' },
      table: { type: 'string', default: 'cloudtrail_logs' },
      'bytes-cutoff': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const dirs = positionals.filter((p) => p !== '--');
  if (values.help || dirs.length === 0) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const partitioning = values.partitioning as AthenaPartitioning;
  const schema = values.schema as TableSchema;
  const port = Number(values.port);
  const cutoff = values['bytes-cutoff'] === undefined ? undefined : Number(values['bytes-cutoff']);
  const problems = [
    ATHENA_PARTITIONINGS.includes(partitioning) ? null : `--partitioning must be one of ${ATHENA_PARTITIONINGS.join(', ')}`,
    TABLE_SCHEMAS.includes(schema) ? null : `--schema must be one of ${TABLE_SCHEMAS.join(', ')}`,
    Number.isInteger(port) && port > 0 && port < 65536 ? null : '--port must be a TCP port',
    /^[a-z0-9_]+$/.test(values.database) && /^[a-z0-9_]+$/.test(values.table) ? null : '--database and --table are lower-case letters, digits and _',
    cutoff === undefined || (Number.isSafeInteger(cutoff) && cutoff > 0) ? null : '--bytes-cutoff is a positive number of bytes',
  ].filter((p) => p !== null);
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n${USAGE}`);
    process.exit(2);
  }
  if (!isTrinoInstalled()) {
    console.error('Trino is not installed: run `npm run trino:install` first (needs mvn and a Java 22+).');
    process.exit(1);
  }

  const started = Date.now();
  const stack = await startAthenaStack({
    sources: dirs,
    tables: [{ table: values.table, partitioning, tableSchema: schema }],
    database: values.database,
    port,
    bytesScannedCutoffPerQuery: cutoff,
    log: (line) => console.error(line),
  });
  const { lake } = stack;
  const single = partitioning === 'none' || partitioning === 'region-date';
  console.error(
    `loaded ${lake.records.toLocaleString('en-US')} events (${lake.skipped} skipped, ${lake.duplicates} duplicates) from ${lake.accounts.length} account(s), ` +
      `${lake.regions.length} region(s), delivery days ${lake.firstDay}..${lake.lastDay}, in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  if (single && lake.accounts.length > 1) {
    console.error(`${partitioning} covers one account: the table reads ${stack.primaryAccount} only (the one with the most region-days of logs).`);
  }
  console.error(`local Athena on ${stack.athena.url} (executions: GET ${stack.athena.url}/executions); Ctrl-C stops it.`);
  const environment: Record<string, string> = {
    TRAILSCOPE_ENGINE: 'athena',
    TRAILSCOPE_ATHENA_ENDPOINT: stack.athena.url,
    TRAILSCOPE_ATHENA_CATALOG: ATHENA_CATALOG,
    TRAILSCOPE_ATHENA_DATABASE: values.database,
    TRAILSCOPE_ATHENA_TABLE: values.table,
    TRAILSCOPE_ATHENA_PARTITIONING: partitioning,
    TRAILSCOPE_ATHENA_WORKGROUP: 'primary',
    TRAILSCOPE_ATHENA_OUTPUT_LOCATION: 's3://athena-local-results/',
    AWS_REGION: 'us-east-1',
    // Placeholders: the SDK signs every request, the local Athena does not check signatures.
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
  for (const [key, value] of Object.entries(environment)) console.log(`${key}=${value}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.error('stopping the local Athena and Trino…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`athena:local failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

/**
 * Prints the Trino table and view Trailscope's Trino engine reads.
 *   npx tsx scripts/trino-setup.ts --bucket my-trail-bucket --account 111122223333
 * See docs/trino.md for the walkthrough; the logic lives in lib/engine/trino/setup.ts.
 */
import { env } from '@/lib/env';
import { SetupError } from '@/lib/engine/athena/ddl';
import { TRINO_SETUP_USAGE, parseTrinoSetupArgs, renderTrinoSetup, type TrinoSetupDefaults } from '@/lib/engine/trino/setup';

function configuredDefaults(): TrinoSetupDefaults {
  try {
    const e = env();
    return { partitioning: e.TRAILSCOPE_TRINO_PARTITIONING, catalog: e.TRAILSCOPE_TRINO_CATALOG, schema: e.TRAILSCOPE_TRINO_SCHEMA, table: e.TRAILSCOPE_TRINO_TABLE };
  } catch {
    // An unrelated invalid setting should not stop someone printing DDL; flags still apply.
    return {};
  }
}

function main(): number {
  try {
    const setup = parseTrinoSetupArgs(process.argv.slice(2), configuredDefaults());
    if (setup === 'help') {
      process.stdout.write(TRINO_SETUP_USAGE);
      return 0;
    }
    process.stdout.write(renderTrinoSetup(setup));
    return 0;
  } catch (err) {
    if (err instanceof SetupError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${err.message}\n\n${TRINO_SETUP_USAGE}`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = main();

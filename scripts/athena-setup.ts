/**
 * Prints the Athena CREATE EXTERNAL TABLE statement and the IAM policy Trailscope needs.
 *   npx tsx scripts/athena-setup.ts --bucket my-trail-bucket --account 111122223333
 * See docs/athena.md for the walkthrough; the logic lives in lib/engine/athena/setup.ts.
 */
import { env } from '@/lib/env';
import { SetupError } from '@/lib/engine/athena/ddl';
import { SETUP_USAGE, parseSetupArgs, renderSetup, type SetupDefaults } from '@/lib/engine/athena/setup';

function configuredDefaults(): SetupDefaults {
  try {
    const e = env();
    return {
      partitioning: e.TRAILSCOPE_ATHENA_PARTITIONING,
      database: e.TRAILSCOPE_ATHENA_DATABASE,
      table: e.TRAILSCOPE_ATHENA_TABLE,
      workgroup: e.TRAILSCOPE_ATHENA_WORKGROUP,
      outputLocation: e.TRAILSCOPE_ATHENA_OUTPUT_LOCATION,
    };
  } catch {
    // An unrelated invalid setting should not stop someone printing DDL; flags still apply.
    return {};
  }
}

function main(): number {
  try {
    const plan = parseSetupArgs(process.argv.slice(2), configuredDefaults());
    if (plan === 'help') {
      process.stdout.write(SETUP_USAGE);
      return 0;
    }
    process.stdout.write(renderSetup(plan));
    if (plan.print !== 'ddl' && plan.policy.outputLocation === undefined) {
      process.stderr.write(
        'note: no --output-location: add S3 read/write on your workgroup\'s query result location to the policy.\n',
      );
    }
    return 0;
  } catch (err) {
    if (err instanceof SetupError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${err.message}\n\n${SETUP_USAGE}`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = main();

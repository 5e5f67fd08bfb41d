import { env, EnvError } from './env';

/** Validates the settings at server start; on a wrong one, prints the message and exits. */
export function validateEnvOrExit(): void {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Opens an engine that reads a table Trailscope did not create (Athena) at server start, so a
 * table it cannot use (a required column missing, partitions that do not fit the setting) stops
 * the server with the message naming the fix, not the first page with an error. Other failures
 * (network, permissions) are reported and retried at the first request.
 */
export async function openEngineOrExit(): Promise<void> {
  if (env().TRAILSCOPE_ENGINE === 'duckdb') return;
  const [{ getConnection }, { EngineError }] = await Promise.all([import('./engine'), import('./engine/types')]);
  try {
    await getConnection();
  } catch (error) {
    if (error instanceof EngineError && error.code === 'CONFIG') {
      console.error(error.message);
      process.exit(1);
    }
    console.warn(`The ${env().TRAILSCOPE_ENGINE} engine could not be opened yet; Trailscope retries at the first request: ${error instanceof Error ? error.message : String(error)}`);
  }
}

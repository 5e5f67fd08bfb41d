/**
 * Runs once when the server starts: a wrong setting stops it here with one clear message naming
 * the variable, instead of failing at the first request that reads it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { validateEnvOrExit } = await import('./lib/startup');
  validateEnvOrExit();
}

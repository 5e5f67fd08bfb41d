/**
 * Runs once when the server starts: a wrong setting, or an Athena table Trailscope cannot read,
 * stops it here with one clear message, instead of failing at the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { validateEnvOrExit, openEngineOrExit } = await import('./lib/startup');
  validateEnvOrExit();
  await openEngineOrExit();
}

/**
 * Runs once when the server starts: a wrong setting, or an Athena table Trailscope cannot read,
 * stops it here with one clear message, instead of failing at the first request. Then it starts
 * the detections' background loop (lib/detections/background.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { validateEnvOrExit, openEngineOrExit } = await import('./lib/startup');
  validateEnvOrExit();
  await openEngineOrExit();
  // Not in a build's workers: they would open the data dir the running app may hold.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startBackgroundDetections } = await import('./lib/detections/background');
  startBackgroundDetections();
}

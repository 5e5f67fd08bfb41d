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

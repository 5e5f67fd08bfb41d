import fs from 'node:fs/promises';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock is held by another live process; `holder` is its pid. */
export class LockBusyError extends Error {
  constructor(
    message: string,
    readonly holder: number,
  ) {
    super(message);
  }
}

/**
 * Takes a lock file holding this process's pid. A lock left by a process that died is taken over;
 * one held by a live process is a LockBusyError with `busy(pid)` as its message.
 */
export async function acquireLock(lockFile: string, busy: (pid: number) => string): Promise<() => Promise<void>> {
  await fs.mkdir(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return async () => {
        await fs.rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await fs.readFile(lockFile, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder > 0 && alive(holder) && holder !== process.pid) {
        throw new LockBusyError(busy(holder), holder);
      }
      await fs.rm(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}

/** The event store's single-writer lock. */
export function acquireIngestLock(lockFile: string): Promise<() => Promise<void>> {
  return acquireLock(lockFile, (pid) => `Another ingest (pid ${pid}) is writing to this store; wait for it to finish.`);
}

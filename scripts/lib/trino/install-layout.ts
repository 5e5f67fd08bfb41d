import fs from 'node:fs';
import path from 'node:path';

/** Where `npm run trino:install` puts Trino, and which Java runs it. */
export const TRINO_VERSION = '476';
export const TRINO_ROOT = path.resolve(__dirname, '../../../.trino');
export const TRINO_HOME = path.join(TRINO_ROOT, `trino-server-core-${TRINO_VERSION}`);

export function isTrinoInstalled(): boolean {
  return fs.existsSync(path.join(TRINO_HOME, 'bin', 'launcher')) && fs.existsSync(path.join(TRINO_HOME, 'plugin', 'hive')) && findTrinoJava() !== null;
}

/** A JDK of version 22 or newer: TRAILSCOPE_TRINO_JAVA_HOME, else the newest under /usr/lib/jvm. */
export function findTrinoJava(): string | null {
  const configured = process.env.TRAILSCOPE_TRINO_JAVA_HOME;
  if (configured) return fs.existsSync(path.join(configured, 'bin', 'java')) ? configured : null;
  const root = '/usr/lib/jvm';
  if (!fs.existsSync(root)) return null;
  const candidates = fs
    .readdirSync(root)
    .map((name) => ({ dir: path.join(root, name), version: Number(/(\d+)/.exec(name)?.[1] ?? 0) }))
    .filter((c) => c.version >= 22 && fs.existsSync(path.join(c.dir, 'bin', 'java')))
    .sort((a, b) => b.version - a.version);
  return candidates[0]?.dir ?? null;
}

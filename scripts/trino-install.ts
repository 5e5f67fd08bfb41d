import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TRINO_HOME, TRINO_ROOT, TRINO_VERSION, findTrinoJava } from './lib/trino/install-layout';

/**
 * `npm run trino:install`: a Trino server (server core plus the Hive plugin) from the Maven
 * registry into `.trino/` (ignored by git), for the tests that run Athena's SQL on Trino, Athena's
 * engine. Needs `mvn`, `tar`, `unzip` and a Java 22+ (Trino 476 refuses older); see docs/trino-local.md.
 */
const DEP = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
/** Bundled plugins the tests never load: less to scan at start-up, 140 MB less on disk. */
const UNUSED_PLUGINS = ['exchange-filesystem', 'functions-python', 'geospatial', 'password-authenticators', 'resource-group-managers', 'session-property-managers', 'spooling-filesystem'];

function run(command: string, args: string[]): void {
  // In .trino/, so whatever a tool leaves behind (Maven's marker folders) stays out of the repository.
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: TRINO_ROOT });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Fetched with `dependency:copy` and unpacked here: `dependency:unpack` silently skips an artifact it has a stale marker for. */
function fetchArtifact(coordinates: string, into: string): string {
  run('mvn', ['-B', '-q', `${DEP}:copy`, `-Dartifact=${coordinates}`, `-DoutputDirectory=${into}`]);
  const [, artifact, version, type] = coordinates.split(':');
  return path.join(into, `${artifact}-${version}.${type}`);
}

function main(): number {
  const java = findTrinoJava();
  if (!java) {
    console.error(`Trino ${TRINO_VERSION} needs Java 22 or newer: none found in /usr/lib/jvm (set TRAILSCOPE_TRINO_JAVA_HOME).`);
    return 1;
  }
  if (fs.existsSync(path.join(TRINO_HOME, 'bin', 'launcher')) && fs.existsSync(path.join(TRINO_HOME, 'plugin', 'hive'))) {
    console.log(`Trino ${TRINO_VERSION} is already in ${TRINO_HOME} (Java: ${java})`);
    return 0;
  }
  const started = performance.now();
  fs.mkdirSync(TRINO_ROOT, { recursive: true });
  const downloads = path.join(TRINO_ROOT, 'downloads');
  fs.rmSync(TRINO_HOME, { recursive: true, force: true });
  run('tar', ['xzf', fetchArtifact(`io.trino:trino-server-core:${TRINO_VERSION}:tar.gz`, downloads), '-C', TRINO_ROOT]);
  run('unzip', ['-q', '-o', fetchArtifact(`io.trino:trino-hive:${TRINO_VERSION}:zip`, downloads), '-d', path.join(TRINO_HOME, 'plugin')]);
  fs.renameSync(path.join(TRINO_HOME, 'plugin', `trino-hive-${TRINO_VERSION}`), path.join(TRINO_HOME, 'plugin', 'hive'));
  fs.rmSync(downloads, { recursive: true, force: true });
  for (const plugin of UNUSED_PLUGINS) fs.rmSync(path.join(TRINO_HOME, 'plugin', plugin), { recursive: true, force: true });
  fs.chmodSync(path.join(TRINO_HOME, 'bin', 'launcher'), 0o755);
  console.log(`Installed Trino ${TRINO_VERSION} in ${TRINO_HOME} in ${((performance.now() - started) / 1000).toFixed(0)} s (Java: ${java})`);
  return 0;
}

try {
  process.exit(main());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

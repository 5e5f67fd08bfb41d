import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TRINO_HOME, findTrinoJava } from './install-layout';
import { TrinoQueryError, trinoQuery, type TrinoResult } from './client';

/**
 * A Trino server for one test file, on loopback, with a small heap: a Hive catalog over local files
 * (file metastore under `lakeDir`), as Athena's CloudTrail table will be read (docs/trino-local.md).
 * Started by `startTrino()`, stopped by the handle's `stop()`.
 */
export interface TrinoServer {
  url: string;
  /** The folder the Hive catalog reads: table locations are `local:///<path under it>`. */
  lakeDir: string;
  /** The Hive catalog's name. */
  catalog: string;
  query(sql: string, options?: { schema?: string }): Promise<TrinoResult>;
  stop(): Promise<void>;
}

const JVM_CONFIG = [
  '-server',
  '-Xmx1500m',
  // Serial GC and the C1 compiler only: tests run short queries on 2 cores; this starts in half the time.
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-XX:ReservedCodeCacheSize=128M',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.attach.allowAttachSelf=true',
  '-XX:+EnableDynamicAgentLoading',
  '--enable-native-access=ALL-UNNAMED',
  '-Dfile.encoding=UTF-8',
  '-Duser.timezone=UTC',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function writeConfig(dir: string, port: number, lakeDir: string, catalog: string): void {
  const etc = path.join(dir, 'etc');
  fs.mkdirSync(path.join(etc, 'catalog'), { recursive: true });
  const files: Record<string, string> = {
    'node.properties': [`node.environment=trailscope_test`, `node.id=trailscope-test-${port}`, `node.data-dir=${path.join(dir, 'data')}`, 'node.bind-ip=127.0.0.1', 'node.internal-address=127.0.0.1'].join('\n'),
    'jvm.config': JVM_CONFIG.join('\n'),
    'config.properties': ['coordinator=true', 'node-scheduler.include-coordinator=true', `http-server.http.port=${port}`, `discovery.uri=http://127.0.0.1:${port}`, 'query.max-memory=512MB', 'query.max-memory-per-node=512MB', 'task.concurrency=2'].join('\n'),
    'log.properties': 'io.trino=WARN',
    [`catalog/${catalog}.properties`]: [
      'connector.name=hive',
      'hive.metastore=file',
      'hive.metastore.catalog.dir=local:///metastore',
      'fs.native-local.enabled=true',
      `local.location=${lakeDir}`,
      'hive.recursive-directories=true',
      // Projected partitions with no folder (a quiet day) are empty, not an error: Athena's behaviour.
      'hive.ignore-absent-partitions=true',
      // Partitions of manually partitioned tables are registered one by one, like ALTER TABLE ADD PARTITION.
      'hive.allow-register-partition-procedure=true',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(etc, name), `${text}\n`);
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** `catalog`: the Hive catalog's name (`awsdatacatalog` answers Athena's "AwsDataCatalog": Trino folds identifiers to lower case). */
export async function startTrino(options: { timeoutMs?: number; catalog?: string } = {}): Promise<TrinoServer> {
  const catalog = options.catalog ?? 'hive';
  const java = findTrinoJava();
  if (!java) throw new Error('no Java 22+ for Trino: run npm run trino:install for what it needs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-trino-'));
  const lakeDir = path.join(dir, 'lake');
  fs.mkdirSync(path.join(lakeDir, 'metastore'), { recursive: true });
  const port = await freePort();
  writeConfig(dir, port, lakeDir, catalog);
  const log = fs.openSync(path.join(dir, 'server.log'), 'a');
  const child: ChildProcess = spawn(path.join(TRINO_HOME, 'bin', 'launcher'), [`--etc-dir=${path.join(dir, 'etc')}`, `--data-dir=${path.join(dir, 'data')}`, `--jvm-dir=${java}`, 'run'], {
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      for (let i = 0; i < 60 && child.exitCode === null; i++) await sleep(250);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.closeSync(log);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  try {
    // Ready when the server says so and a Hive query can be scheduled: for a few seconds after
    // start-up the node is not yet available to queries (NO_NODES_AVAILABLE).
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Trino exited with ${child.exitCode}:\n${fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-3000)}`);
      if (Date.now() > deadline) throw new Error('Trino did not become ready in time');
      try {
        const info = (await (await fetch(`${url}/v1/info`)).json()) as { starting?: boolean };
        if (info.starting === false) {
          await trinoQuery(url, `SHOW SCHEMAS FROM ${catalog}`, { catalog });
          break;
        }
      } catch (error) {
        if (error instanceof TrinoQueryError && error.errorName !== 'NO_NODES_AVAILABLE') throw error;
      }
      await sleep(250);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, lakeDir, catalog, query: (sql, o) => trinoQuery(url, sql, { catalog, ...o }), stop };
}

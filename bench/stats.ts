/** Percentiles, a timing loop and the store location shared by the benchmarks. */
import path from 'node:path';

/** The store bench:ingest leaves for `--events N` (default 1,000,000). */
export function benchStore(argv: readonly string[] = process.argv.slice(2)): { events: number; dataDir: string } {
  const i = argv.indexOf('--events');
  const events = (i >= 0 ? Number(argv[i + 1]) : NaN) || 1_000_000;
  return { events, dataDir: path.join(path.resolve(__dirname, '..'), 'bench', 'out', `store-${events}`) };
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}

export async function timeRuns(runs: number, fn: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), max: Math.round(Math.max(...times)), runs };
}

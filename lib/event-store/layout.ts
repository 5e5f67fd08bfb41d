import path from 'node:path';

/**
 * The embedded event store on disk, under TRAILSCOPE_DATA_DIR:
 *
 *   events/manifest.json      which parquet segments make up the store (replaced atomically)
 *   events/sources.json       the source files already ingested (path, size, mtime)
 *   events/segments/tmin=…/tmax=…/seg-*.parquet          immutable segments, in delivery order,
 *                                                       under their event-time range (segment-range.ts)
 *   events/segments/tmin=…/tmax=…/seg-*.{hourly,ids,sts}.parquet
 *                                                       beside each, its sidecars (sidecars.ts): hourly
 *                                                       summary, sorted event ids, STS calls
 *   events/ingest.lock        held by the one ingest process that may write
 *
 * Ingest writes a segment, then swaps the manifest; the app re-reads the manifest when it
 * changes. So ingest runs while the app is up and DuckDB never has two writers.
 */
export function storeLayout(dataDir: string) {
  const root = path.join(dataDir, 'events');
  return {
    root,
    manifest: path.join(root, 'manifest.json'),
    sources: path.join(root, 'sources.json'),
    segments: path.join(root, 'segments'),
    staging: path.join(root, 'staging'),
    lock: path.join(root, 'ingest.lock'),
  };
}

export type StoreLayout = ReturnType<typeof storeLayout>;

/** Quotes a path we created ourselves as a SQL string literal (DuckDB's COPY takes no parameters). */
export function pathLiteral(p: string): string {
  return `'${p.replaceAll("'", "''")}'`;
}

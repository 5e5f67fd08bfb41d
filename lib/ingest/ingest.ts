import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { storeLayout, pathLiteral, type StoreLayout } from '@/lib/event-store/layout';
import { ensurePrivateDir } from '@/lib/state/private-files';
import { readManifest, writeManifest, type Manifest } from '@/lib/event-store/manifest';
import { alreadyIngested, readSources, writeSources, type SourceRegistry } from '@/lib/event-store/sources';
import { acquireIngestLock } from '@/lib/event-store/lock';
import { loadBatch, type BatchResult } from '@/lib/event-store/load-batch';
import { upgradeSegments } from '@/lib/event-store/upgrade';
import { compactSegments, type CompactionLimits } from '@/lib/event-store/compact';
import { discoverFiles, type SourceFile } from './discover';
import { decode, FileSkip, recordsOf } from './parse-file';
import { checkRecord } from './check-record';
import { Stager } from './stager';
import { isCloudTrailS3Object, planBatches } from './plan-batches';
import type { FileSkipReason, RecordSkipReason } from './skip-reasons';

export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  bytesRead: number;
  bytesTotal: number;
  recordsRead: number;
}

export interface IngestSummary {
  filesFound: number;
  filesAlreadyIngested: number;
  filesIgnored: number;
  filesRead: number;
  filesSkipped: Partial<Record<FileSkipReason, string[]>>;
  missingPaths: string[];
  recordsRead: number;
  inserted: number;
  duplicates: number;
  recordsSkipped: Partial<Record<RecordSkipReason | 'bad-json-line', number>>;
  /** Files where records were skipped, with how many, so a user can look at them. */
  filesWithSkippedRecords: Record<string, number>;
  timeFromTimestampField: number;
  segmentsWritten: number;
  /** Small segments merged at the end (lib/event-store/compact.ts), and the segments they became. */
  segmentsCompacted: { merged: number; into: number };
  elapsedMs: number;
}

export interface IngestOptions {
  paths: readonly string[];
  dataDir: string;
  /** Compressed bytes of S3 objects per batch (one parquet segment each). */
  batchBytes?: number;
  /** Records the Node path collects per batch. */
  batchRecords?: number;
  /** When small segments are merged at the end (lib/event-store/compact.ts); false: never. */
  compaction?: CompactionLimits | false;
  onProgress?: (p: IngestProgress) => void;
}

function emptySummary(): IngestSummary {
  return {
    filesFound: 0,
    filesAlreadyIngested: 0,
    filesIgnored: 0,
    filesRead: 0,
    filesSkipped: {},
    missingPaths: [],
    recordsRead: 0,
    inserted: 0,
    duplicates: 0,
    recordsSkipped: {},
    filesWithSkippedRecords: {},
    timeFromTimestampField: 0,
    segmentsWritten: 0,
    segmentsCompacted: { merged: 0, into: 0 },
    elapsedMs: 0,
  };
}

/** The store being written: the manifest and source registry, updated as each batch lands. */
class StoreWriter {
  constructor(
    readonly conn: DuckDBConnection,
    readonly layout: StoreLayout,
    public manifest: Manifest,
    readonly sources: SourceRegistry,
    readonly summary: IngestSummary,
  ) {}

  /** Loads files as one batch; on success the files are recorded as ingested. */
  async load(files: readonly string[], done: readonly SourceFile[]): Promise<BatchResult> {
    const result = await loadBatch(this.conn, this.layout, files, this.manifest.segments);
    const s = this.summary;
    if (result.segment) {
      this.manifest = { ...this.manifest, generation: this.manifest.generation + 1, segments: [...this.manifest.segments, result.segment] };
      await writeManifest(this.layout, this.manifest);
      s.segmentsWritten++;
    }
    s.inserted += result.inserted;
    s.duplicates += result.duplicates;
    for (const [reason, n] of Object.entries(result.skipped)) {
      const r = reason as RecordSkipReason;
      s.recordsSkipped[r] = (s.recordsSkipped[r] ?? 0) + n;
    }
    for (const [file, n] of Object.entries(result.filesWithSkippedRecords)) s.filesWithSkippedRecords[file] = (s.filesWithSkippedRecords[file] ?? 0) + n;
    this.markDone(done);
    await writeSources(this.layout, this.sources);
    return result;
  }

  markDone(files: readonly SourceFile[]): void {
    for (const f of files) this.sources[f.path] = { size: f.size, mtimeMs: f.mtimeMs };
  }
}

/**
 * Reads CloudTrail files into the embedded store. CloudTrail's S3 objects go to DuckDB in batches
 * (it gunzips and parses them on its own threads); any other file, and any batch DuckDB refuses
 * (a truncated gzip, broken JSON), goes through Node, which reads every shape and names what is
 * wrong per file. Bad input is skipped and counted, never fatal. Files already ingested (same
 * path, size and mtime) are not read again and events already stored are dropped, so re-running
 * adds nothing.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const layout = storeLayout(options.dataDir);
  ensurePrivateDir(options.dataDir);
  const release = await acquireIngestLock(layout.lock);
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const summary = emptySummary();
  try {
    await fs.mkdir(layout.staging, { recursive: true });
    await conn.run(`SET memory_limit = '1200MB'`);
    await conn.run(`SET temp_directory = ${pathLiteral(path.join(layout.staging, 'spill'))}`);
    await conn.run(`SET preserve_insertion_order = false`);
    await conn.run(`SET TimeZone = 'UTC'`);

    const manifest = await upgradeSegments(conn, layout, await readManifest(layout));
    const writer = new StoreWriter(conn, layout, manifest, await readSources(layout), summary);
    const found = await discoverFiles(options.paths);
    summary.filesFound = found.files.length;
    summary.filesIgnored = found.ignored;
    summary.missingPaths = found.missing;
    const todo = found.files.filter((f) => {
      const done = alreadyIngested(writer.sources, f);
      if (done) summary.filesAlreadyIngested++;
      return !done;
    });

    const progress: IngestProgress = {
      filesDone: 0,
      filesTotal: todo.length,
      bytesRead: 0,
      bytesTotal: todo.reduce((n, f) => n + f.size, 0),
      recordsRead: 0,
    };
    const advance = (files: readonly SourceFile[]) => {
      progress.filesDone += files.length;
      progress.bytesRead += files.reduce((n, f) => n + f.size, 0);
      progress.recordsRead = summary.recordsRead;
      options.onProgress?.(progress);
    };

    const slow: SourceFile[] = todo.filter((f) => !isCloudTrailS3Object(f.path));
    for (const batch of planBatches(
      todo.filter((f) => isCloudTrailS3Object(f.path)),
      options.batchBytes ?? 16 * 1024 * 1024,
    )) {
      try {
        const result = await writer.load(
          batch.map((f) => f.path),
          batch,
        );
        summary.recordsRead += result.recordsRead;
        const without = new Set(result.filesWithoutRecords);
        summary.filesRead += batch.length - without.size;
        // Named like a delivery but shaped otherwise: read it the slow way to say what it is.
        slow.push(...batch.filter((f) => without.has(f.path)));
        advance(batch.filter((f) => !without.has(f.path)));
      } catch {
        // One bad object fails DuckDB's whole batch; Node reads each file and names the bad one.
        slow.push(...batch);
      }
    }

    await readSlowPath(slow, writer, options.batchRecords ?? 100_000, advance);
    if (options.compaction !== false) {
      const compacted = await compactSegments(conn, layout, writer.manifest, options.compaction);
      writer.manifest = compacted.manifest;
      summary.segmentsCompacted = { merged: compacted.merged, into: compacted.written };
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
    await release();
    summary.elapsedMs = Math.round(performance.now() - started);
  }
  return summary;
}

/** Reads files in Node, one at a time, and stages their records for the batch loader. */
async function readSlowPath(
  files: readonly SourceFile[],
  writer: StoreWriter,
  batchRecords: number,
  advance: (files: readonly SourceFile[]) => void,
): Promise<void> {
  const { summary, layout } = writer;
  const stager = new Stager(layout.staging);
  let staged: SourceFile[] = [];
  const flush = async () => {
    const file = await stager.seal();
    const done = staged;
    staged = [];
    if (!file) {
      writer.markDone(done);
      await writeSources(layout, writer.sources);
      return;
    }
    try {
      await writer.load([file], done);
    } finally {
      await fs.rm(file, { force: true });
    }
  };

  for (const file of files) {
    try {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file.path);
      } catch (error) {
        throw new FileSkip('read-error', (error as Error).message);
      }
      const { records, badLines } = recordsOf(decode(bytes));
      summary.filesRead++;
      let skippedHere = badLines;
      if (badLines > 0) summary.recordsSkipped['bad-json-line'] = (summary.recordsSkipped['bad-json-line'] ?? 0) + badLines;
      for (const record of records) {
        summary.recordsRead++;
        const check = checkRecord(record);
        if (!check.ok) {
          summary.recordsSkipped[check.reason] = (summary.recordsSkipped[check.reason] ?? 0) + 1;
          skippedHere++;
          continue;
        }
        if (check.timeFromTimestampField) summary.timeFromTimestampField++;
        stager.add(check.eventTime, file.path, record);
      }
      if (skippedHere > 0) summary.filesWithSkippedRecords[file.path] = skippedHere;
    } catch (error) {
      if (!(error instanceof FileSkip)) throw error;
      (summary.filesSkipped[error.reason] ??= []).push(file.path);
    }
    staged.push(file);
    advance([file]);
    if (stager.records >= batchRecords) await flush();
  }
  await flush();
}

import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { storeLayout, pathLiteral } from '@/lib/event-store/layout';
import { readManifest, writeManifest, type Manifest } from '@/lib/event-store/manifest';
import { alreadyIngested, readSources, writeSources } from '@/lib/event-store/sources';
import { acquireIngestLock } from '@/lib/event-store/lock';
import { writeSegment, type StagedBatch } from '@/lib/event-store/write-segment';
import { discoverFiles, type SourceFile } from './discover';
import { decode, FileSkip, recordsOf } from './parse-file';
import { checkRecord } from './check-record';
import { Stager } from './stager';
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
  elapsedMs: number;
}

export interface IngestOptions {
  paths: readonly string[];
  dataDir: string;
  /** Records per staged batch (one parquet segment each); smaller in tests. */
  batchRecords?: number;
  onProgress?: (p: IngestProgress) => void;
}

/**
 * Reads CloudTrail files into the embedded store. Bad input is skipped and counted, never fatal;
 * files already ingested (same path, size and mtime) are not read again, and events already
 * stored are dropped by eventID, so re-running adds nothing. DuckDB loads one batch on its own
 * threads while the next one is read and parsed here.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const layout = storeLayout(options.dataDir);
  const release = await acquireIngestLock(layout.lock);
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const summary: IngestSummary = {
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
    elapsedMs: 0,
  };
  try {
    await fs.mkdir(layout.staging, { recursive: true });
    await conn.run(`SET memory_limit = '1200MB'`);
    await conn.run(`SET temp_directory = ${pathLiteral(path.join(layout.staging, 'spill'))}`);
    await conn.run(`SET preserve_insertion_order = false`);

    let manifest: Manifest = await readManifest(layout);
    const sources = await readSources(layout);
    const found = await discoverFiles(options.paths);
    summary.filesFound = found.files.length;
    summary.filesIgnored = found.ignored;
    summary.missingPaths = found.missing;
    const todo = found.files.filter((f) => {
      const done = alreadyIngested(sources, f);
      if (done) summary.filesAlreadyIngested++;
      return !done;
    });

    const batchRecords = options.batchRecords ?? 100_000;
    const stager = new Stager(layout.staging);
    let stagedFiles: SourceFile[] = [];
    let loading: Promise<void> = Promise.resolve();

    const load = async (batch: StagedBatch, files: SourceFile[]) => {
      try {
        const segment = await writeSegment(conn, layout, batch, manifest.segments);
        if (segment) {
          manifest = { ...manifest, generation: manifest.generation + 1, segments: [...manifest.segments, segment] };
          await writeManifest(layout, manifest);
          summary.segmentsWritten++;
          summary.inserted += segment.rows;
        }
        summary.duplicates += batch.records - (segment?.rows ?? 0);
        for (const f of files) sources[f.path] = { size: f.size, mtimeMs: f.mtimeMs };
        await writeSources(layout, sources);
      } finally {
        await fs.rm(batch.file, { force: true });
      }
    };

    const flush = async () => {
      const batch = await stager.seal();
      const files = stagedFiles;
      stagedFiles = [];
      await loading; // one load at a time: DuckDB uses both cores for it already
      if (batch) {
        loading = load(batch, files);
        // Surfaces at the next await of `loading`, not as an unhandled rejection meanwhile.
        loading.catch(() => undefined);
      }
      else {
        for (const f of files) sources[f.path] = { size: f.size, mtimeMs: f.mtimeMs };
      }
    };

    const progress: IngestProgress = {
      filesDone: 0,
      filesTotal: todo.length,
      bytesRead: 0,
      bytesTotal: todo.reduce((n, f) => n + f.size, 0),
      recordsRead: 0,
    };
    const readText = (f: SourceFile): string => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(f.path);
      } catch (error) {
        throw new FileSkip('read-error', (error as Error).message);
      }
      return decode(bytes);
    };

    for (let i = 0; i < todo.length; i++) {
      const file = todo[i] as SourceFile;
      try {
        const { records, badLines } = recordsOf(readText(file));
        summary.filesRead++;
        let skippedHere = badLines;
        if (badLines > 0) summary.recordsSkipped['bad-json-line'] = (summary.recordsSkipped['bad-json-line'] ?? 0) + badLines;
        const rel = path.relative(process.cwd(), file.path) || file.path;
        for (const record of records) {
          summary.recordsRead++;
          const check = checkRecord(record);
          if (!check.ok) {
            summary.recordsSkipped[check.reason] = (summary.recordsSkipped[check.reason] ?? 0) + 1;
            skippedHere++;
            continue;
          }
          if (check.timeFromTimestampField) summary.timeFromTimestampField++;
          stager.add(check.eventTime, check.eventId, rel, record);
        }
        if (skippedHere > 0) summary.filesWithSkippedRecords[file.path] = skippedHere;
      } catch (error) {
        if (!(error instanceof FileSkip)) throw error;
        (summary.filesSkipped[error.reason] ??= []).push(file.path);
      }
      stagedFiles.push(file);
      progress.filesDone++;
      progress.bytesRead += file.size;
      progress.recordsRead = summary.recordsRead;
      options.onProgress?.(progress);
      if (stager.records >= batchRecords) await flush();
    }
    await flush();
    await loading;
    await writeSources(layout, sources);
  } finally {
    conn.closeSync();
    instance.closeSync();
    await release();
    summary.elapsedMs = Math.round(performance.now() - started);
  }
  return summary;
}

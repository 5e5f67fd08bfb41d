import path from 'node:path';
import type { SourceFile } from './discover';

/**
 * CloudTrail's own S3 object names: `<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<id>.json.gz`.
 * Only these go to DuckDB's reader directly (they are always gzipped `{"Records":[...]}`); every
 * other file is read by Node, which knows the other shapes and names what is wrong with a file.
 */
const S3_OBJECT = /^\d{12}_CloudTrail_[A-Za-z0-9-]+_(\d{8}T\d{4}Z)_[A-Za-z0-9]+\.json\.gz$/;

function deliveryTime(file: string): string {
  return S3_OBJECT.exec(path.basename(file))?.[1] ?? '';
}

export function isCloudTrailS3Object(file: string): boolean {
  return S3_OBJECT.test(path.basename(file));
}

/**
 * Groups files into batches of about `maxBytes` compressed bytes (≈100k records at CloudTrail's
 * ~150 bytes per gzipped record), so one batch is one parquet segment and DuckDB's memory stays
 * bounded. Files are taken in delivery-time order across accounts and regions, so each segment
 * covers a narrow slice of time: a scoped query skips whole segments by their time statistics,
 * and the loader need not sort wide rows (which cost more than parsing them).
 */
export function planBatches(files: readonly SourceFile[], maxBytes: number): SourceFile[][] {
  const ordered = [...files].sort((a, b) => {
    const ta = deliveryTime(a.path);
    const tb = deliveryTime(b.path);
    return ta < tb ? -1 : ta > tb ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  });
  const batches: SourceFile[][] = [];
  let current: SourceFile[] = [];
  let bytes = 0;
  for (const f of ordered) {
    if (current.length > 0 && bytes + f.size > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

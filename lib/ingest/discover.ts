import fs from 'node:fs/promises';
import path from 'node:path';

export interface SourceFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** CloudTrail arrives as .json.gz from S3, .json/.jsonl from exports, .json.cloudtrail in some corpora. */
export function looksLikeCloudTrailFile(name: string): boolean {
  const lower = name.toLowerCase();
  return /\.json(l)?(\.gz)?$/.test(lower) || lower.endsWith('.json.cloudtrail') || lower.endsWith('.gz');
}

/**
 * Every candidate file under the given paths, recursively, sorted by path so runs are repeatable
 * (the S3 layout sorts by account, region, then date). Other files are counted, not read.
 */
export async function discoverFiles(roots: readonly string[]): Promise<{ files: SourceFile[]; ignored: number; missing: string[] }> {
  const files: SourceFile[] = [];
  const missing: string[] = [];
  let ignored = 0;
  const visit = async (p: string): Promise<void> => {
    let st;
    try {
      st = await fs.stat(p);
    } catch {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      const entries = await fs.readdir(p);
      entries.sort();
      for (const e of entries) await visit(path.join(p, e));
    } else if (st.isFile()) {
      if (looksLikeCloudTrailFile(path.basename(p))) files.push({ path: path.resolve(p), size: st.size, mtimeMs: st.mtimeMs });
      else ignored++;
    }
  };
  for (const root of roots) await visit(root);
  return { files, ignored, missing };
}

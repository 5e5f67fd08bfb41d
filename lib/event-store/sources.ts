import { readJsonOr, writeJsonAtomic } from './json-file';
import type { StoreLayout } from './layout';

/** Source files already ingested, keyed by absolute path; a file whose size or mtime changed is read again. */
export type SourceRegistry = Record<string, { size: number; mtimeMs: number }>;

export async function readSources(layout: StoreLayout): Promise<SourceRegistry> {
  return readJsonOr<SourceRegistry>(layout.sources, {});
}

export async function writeSources(layout: StoreLayout, sources: SourceRegistry): Promise<void> {
  await writeJsonAtomic(layout.sources, sources);
}

export function alreadyIngested(sources: SourceRegistry, file: { path: string; size: number; mtimeMs: number }): boolean {
  const known = sources[file.path];
  return known !== undefined && known.size === file.size && known.mtimeMs === file.mtimeMs;
}

import { SKIP_REASON_TEXT } from './skip-reasons';
import type { IngestSummary } from './ingest';

function n(x: number): string {
  return x.toLocaleString('en-US');
}

/** One line for the terminal, then the skipped files by reason so a user can look at them. */
export function formatSummary(s: IngestSummary): string {
  const secs = s.elapsedMs / 1000;
  const rate = secs > 0 ? Math.round(s.recordsRead / secs) : s.recordsRead;
  const fileSkips = Object.entries(s.filesSkipped).map(([r, files]) => `${r} ${files.length}`);
  const recordSkips = Object.entries(s.recordsSkipped).map(([r, c]) => `${r} ${n(c)}`);
  const line =
    `Ingested ${n(s.filesRead)} files (${n(s.filesAlreadyIngested)} already ingested, ${n(s.filesIgnored)} not CloudTrail): ` +
    `${n(s.recordsRead)} records read, ${n(s.inserted)} inserted, ${n(s.duplicates)} duplicates, ` +
    `skipped files: ${fileSkips.length ? fileSkips.join(', ') : 'none'}; skipped records: ${recordSkips.length ? recordSkips.join(', ') : 'none'}; ` +
    `${secs.toFixed(1)} s, ${n(rate)} records/s`;
  const details: string[] = [];
  for (const [reason, files] of Object.entries(s.filesSkipped)) {
    const text = SKIP_REASON_TEXT[reason as keyof typeof SKIP_REASON_TEXT];
    details.push(`  skipped (${text}): ${files.slice(0, 10).join(', ')}${files.length > 10 ? ` and ${files.length - 10} more` : ''}`);
  }
  const partial = Object.entries(s.filesWithSkippedRecords);
  if (partial.length > 0) {
    details.push(
      `  files with skipped records: ${partial
        .slice(0, 10)
        .map(([f, c]) => `${f} (${c})`)
        .join(', ')}${partial.length > 10 ? ` and ${partial.length - 10} more` : ''}`,
    );
  }
  if (s.timeFromTimestampField > 0) details.push(`  ${n(s.timeFromTimestampField)} records had no eventTime; their @timestamp was used`);
  if (s.segmentsCompacted.merged > 0) details.push(`  ${n(s.segmentsCompacted.merged)} small segments merged into ${n(s.segmentsCompacted.into)}`);
  if (s.missingPaths.length > 0) details.push(`  not found: ${s.missingPaths.join(', ')}`);
  return [line, ...details].join('\n');
}

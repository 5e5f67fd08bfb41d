import { formatBytes } from '@/lib/format';
import type { DetectNewResult } from './detect-new';

const n = (x: number) => x.toLocaleString('en-US');

/** What a detection run after new data did, for a terminal: one line, then the rules that failed or were skipped. */
export function formatDetectNew(r: DetectNewResult): string {
  if (r.scopes.length === 0) return 'Detections: nothing new to look at.';
  const span = `${r.scopes[0]!.from} – ${r.scopes.at(-1)!.to}${r.scopes.length > 1 ? ` (${r.scopes.length} runs)` : ''}`;
  const where =
    r.delivery.to === 'state'
      ? `${n(r.delivery.inserted)} new, ${n(r.delivery.updated)} already known`
      : r.delivery.to === 'inbox'
        ? `queued for the running app (${r.delivery.file})`
        : 'nothing to store';
  const cost = r.cost.bytesScanned === null ? '' : `; scanned ${formatBytes(r.cost.bytesScanned)}${r.cost.costUsd === null ? '' : ` ($${r.cost.costUsd.toFixed(4)})`}`;
  const lines = [`Detections over ${span}${r.newSegments === null ? '' : `, ${n(r.newSegments)} new segment${r.newSegments === 1 ? '' : 's'}`}: ${n(r.findings.length)} findings, ${where}${cost}.`];
  for (const rule of r.perRule) {
    if (rule.error) lines.push(`  ${rule.rule} failed (retried next run): ${rule.error}`);
    else if (rule.skipped) lines.push(`  ${rule.rule} skipped: ${rule.skipped}`);
  }
  return [...new Set(lines)].join('\n');
}

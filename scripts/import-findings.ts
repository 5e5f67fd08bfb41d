import fs from 'node:fs';
import path from 'node:path';
import { GuardDutyParseError } from '@/lib/findings/guardduty';
import { importGuardDutyText } from '@/lib/findings/import';
import { closeStateDb } from '@/lib/state/db';

/**
 * `npm run findings:import -- PATH…`: imports GuardDuty findings from files or folders of JSON
 * (get-findings output, EventBridge events, sample findings). A bad file or finding is reported
 * and skipped; the rest still import. Run it while the server is stopped (one process owns the
 * state database) or use the Findings page's upload.
 */
function filesUnder(p: string): string[] {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) throw new Error(`${p}: no such file or folder`);
  if (stat.isFile()) return [p];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(path.join(p, d.name)) : /\.(json|jsonl|ndjson)$/i.test(d.name) ? [path.join(p, d.name)] : []))
    .sort();
}

async function main(): Promise<number> {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    console.error('usage: npm run findings:import -- FILE_OR_FOLDER…');
    return 2;
  }
  let inserted = 0;
  let updated = 0;
  let skipped = 0;
  let badFiles = 0;
  try {
    for (const file of paths.flatMap(filesUnder)) {
      try {
        const saved = await importGuardDutyText(fs.readFileSync(file, 'utf8'));
        inserted += saved.imported;
        updated += saved.updated;
        skipped += saved.skipped.length;
        console.log(`${file}: ${saved.imported} new, ${saved.updated} updated, ${saved.skipped.length} skipped`);
        for (const s of saved.skipped.slice(0, 10)) console.log(`  finding #${s.index + 1}: ${s.reason}`);
      } catch (error) {
        if (!(error instanceof GuardDutyParseError)) throw error;
        badFiles++;
        console.log(`${file}: not imported: ${error.message}`);
      }
    }
  } finally {
    await closeStateDb();
  }
  console.log(`findings: ${inserted} new, ${updated} updated, ${skipped} skipped, ${badFiles} unreadable files`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

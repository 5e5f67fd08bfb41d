import { parseGuardDuty } from './guardduty';
import { saveFindingsAndNotify } from '@/lib/notifications/notify';

export interface GuardDutyImportResult {
  imported: number;
  updated: number;
  skipped: { index: number; reason: string }[];
}

/**
 * A GuardDuty export's text into the findings store: what POST /api/findings/import and
 * `npm run findings:import` do with a file. Throws GuardDutyParseError for text that is not
 * findings JSON; a malformed finding is skipped with its reason.
 */
export async function importGuardDutyText(text: string): Promise<GuardDutyImportResult> {
  const parsed = parseGuardDuty(text);
  const { inserted, updated } = await saveFindingsAndNotify(parsed.findings);
  return { imported: inserted, updated, skipped: parsed.skipped };
}

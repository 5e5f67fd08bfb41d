import type { NextRequest } from 'next/server';
import { getDataRange } from '@/lib/data-range/get-data-range';
import { getConnection } from '@/lib/engine';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { invalidInput, notFound } from '@/lib/http/errors';
import { readUploadText } from '@/lib/http/read-body';
import { severitiesFrom, type FindingListParams } from '@/lib/findings/params';
import { GuardDutyParseError } from './guardduty';
import { importGuardDutyText } from './import';
import { getFinding, listFindings } from './store';
import { withOrigins } from './with-origin';

/**
 * GET /api/findings: `{ findings }` whose seen range overlaps the window, filtered and sorted;
 * each actor with its session and origin identity resolved (the first 50).
 */
export async function findingListForRequest(query: FindingListParams, signal: AbortSignal) {
  const findings = await listFindings({
    from: query.from,
    to: query.to,
    type: query.type,
    severity: severitiesFrom(query.severity),
    source: query.source,
    sort: query.sort,
    order: query.order,
    limit: 1000,
  });
  const conn = await getConnection();
  const range = await getDataRange(conn, signal);
  return { findings: await withOrigins(conn, findings, range.first, signal) };
}

/** GET /api/findings/[id]: `{ finding }`, or 404. */
export async function findingForRequest(id: string) {
  const finding = await getFinding(id);
  if (!finding) return notFound(`no finding ${id}`);
  return { finding };
}

/**
 * POST /api/findings/import: a GuardDuty export as the body or a form's `file`, up to 50 MB. A
 * malformed finding is skipped and reported; a file that is not an export at all is a 400.
 */
export async function importFindingsForRequest(req: NextRequest) {
  const { text } = await readUploadText(req, 'file', { maxBytes: BODY_LIMITS.findingsImport, what: 'the file' });
  try {
    return await importGuardDutyText(text);
  } catch (error) {
    if (error instanceof GuardDutyParseError) return invalidInput(error.message);
    throw error;
  }
}

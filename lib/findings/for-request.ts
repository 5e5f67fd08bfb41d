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
import { findingActivity, triageFindings, type TriageChange } from './workflow';
import { jsonBody } from '@/lib/http/json-body';
import { isAssignable } from './assignees';
import { bulkTriageBody, triageBody } from './params';
import type { AuthUser } from '@/lib/auth/roles';
import { statusesOf } from './status';
import { withOrigins } from './with-origin';

/**
 * GET /api/findings: `{ findings }` whose seen range overlaps the window, filtered and sorted;
 * each actor with its session and origin identity (stored, or resolved now for the first 50 not yet stored).
 */
export async function findingListForRequest(query: FindingListParams, signal: AbortSignal) {
  const findings = await listFindings({
    from: query.from,
    to: query.to,
    type: query.type,
    severity: severitiesFrom(query.severity),
    source: query.source,
    status: [...statusesOf(query.status)],
    assignee: query.assignee,
    technique: query.technique,
    sort: query.sort,
    order: query.order,
    limit: 1000,
  });
  const conn = await getConnection();
  return { findings: await withOrigins(conn, findings, async () => (await getDataRange(conn, signal)).first, signal) };
}

/** GET /api/findings/[id]: `{ finding, activity }` (its triage history, oldest first), or 404. */
export async function findingForRequest(id: string) {
  const finding = await getFinding(id);
  if (!finding) return notFound(`no finding ${id}`);
  return { finding, activity: await findingActivity(id) };
}

/** An assignee must be someone who can act on it: a typo would hide the finding from everyone's "mine". */
async function checkAssignee(change: TriageChange): Promise<Response | null> {
  if (change.assignee === undefined || change.assignee === null) return null;
  return (await isAssignable(change.assignee)) ? null : invalidInput(`assignee: "${change.assignee}" is not an active analyst or admin`);
}

/** PATCH /api/findings/[id]: `{ status?, assignee?, note? }` → `{ finding, activity, changed }`. */
export async function triageFindingForRequest(id: string, req: NextRequest, user: AuthUser) {
  const change = await jsonBody(req, triageBody, 'body', { maxBytes: BODY_LIMITS.findingTriage, what: 'the body' });
  const refused = await checkAssignee(change);
  if (refused) return refused;
  const result = await triageFindings([id], change, user.name);
  if (result.missing.length > 0) return notFound(`no finding ${id}`);
  const finding = await getFinding(id);
  return { finding, activity: await findingActivity(id), changed: result.changed.length > 0 };
}

/** PATCH /api/findings: `{ ids, status?, assignee?, note? }` → `{ changed, unchanged, missing }` (ids). */
export async function triageFindingsForRequest(req: NextRequest, user: AuthUser) {
  const { ids, ...change } = await jsonBody(req, bulkTriageBody, 'body', { maxBytes: BODY_LIMITS.findingTriage, what: 'the body' });
  const refused = await checkAssignee(change);
  if (refused) return refused;
  return triageFindings(ids, change, user.name);
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

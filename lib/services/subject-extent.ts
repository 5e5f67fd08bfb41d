import { isTrinoFamily, type Connection } from '@/lib/engine/types';
import { runPanel, type PanelResult } from '@/lib/queries/panel';
import { subjectExtent, type SubjectExtentRow } from '@/lib/queries/subject-extent';
import type { Scope } from '@/lib/params/scope';
import type { Subject } from '@/lib/subjects/subject';

const TRAIL_TABLE_LOOKBACK_MS = 90 * 86400_000;

/**
 * First and last observed across all the data (Detective's "first/last observed"). The Trino family
 * reads the trail from S3 on every query (Athena bills per byte), so there it looks back 90 days
 * before the scope instead of reading the whole trail.
 */
export function getSubjectExtent(
  conn: Connection,
  subject: Subject,
  scope: Scope,
  signal?: AbortSignal,
): Promise<PanelResult<SubjectExtentRow>> {
  const window =
    isTrinoFamily(conn.dialect.name)
      ? { from: new Date(Date.parse(scope.from) - TRAIL_TABLE_LOOKBACK_MS).toISOString().replace('.000Z', 'Z'), to: scope.to }
      : undefined;
  return runPanel(conn, subjectExtent, { subject, window }, signal);
}

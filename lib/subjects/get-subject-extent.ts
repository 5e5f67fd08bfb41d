import type { Connection } from '@/lib/engine/types';
import { isoUtc } from '@/lib/time';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import { subjectExtent, type SubjectExtentRow } from '@/lib/subjects/queries/subject-extent';
import type { Scope } from '@/lib/params/scope';
import type { Subject } from '@/lib/subjects/subject';

/**
 * First and last observed across all the data (Detective's "first/last observed"), or as far back
 * as the engine's dialect lets a whole-history question look (over S3, a bounded look-back).
 */
export function getSubjectExtent(
  conn: Connection,
  subject: Subject,
  scope: Scope,
  signal?: AbortSignal,
): Promise<PanelResult<SubjectExtentRow>> {
  const lookback = conn.dialect.historyLookbackMs;
  const window = lookback === null ? undefined : { from: isoUtc(Date.parse(scope.from) - lookback), to: scope.to };
  return runPanel(conn, subjectExtent, { subject, window }, signal);
}

import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import type { Subject } from '@/lib/subjects/subject';
import { getApiVolume } from './get-api-volume';
import { getScopeDetails } from './get-scope-details';
import type { VolumeParams } from './params';
import { ParamError } from '@/lib/params/param-error';

/** Both activity panels of a profile, run together. Throws ParamError for a bucket too fine for the window. */
export async function loadSubjectActivity(
  conn: Connection,
  subject: Subject,
  scope: Scope,
  volume: VolumeParams,
  observedFrom: string | null,
) {
  const [api, details] = await Promise.all([
    getApiVolume(conn, subject, scope, { baselineDays: volume.baseline, bucket: volume.bucket, observedFrom }),
    getScopeDetails(conn, subject, scope),
  ]);
  return { api, details };
}
export type SubjectActivityData = Awaited<ReturnType<typeof loadSubjectActivity>>;

/** The same, with a bad `bucket`/`baseline` returned as a value, for pages to show as a message. */
export async function tryLoadSubjectActivity(
  ...args: Parameters<typeof loadSubjectActivity>
): Promise<{ data: SubjectActivityData; error?: undefined } | { data?: undefined; error: ParamError }> {
  try {
    return { data: await loadSubjectActivity(...args) };
  } catch (error) {
    if (error instanceof ParamError) return { error };
    throw error;
  }
}

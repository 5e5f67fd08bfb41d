import { getConnection } from '@/lib/engine';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import type { ScopeParams } from '@/lib/params/scope';
import type { Subject } from '@/lib/subjects/subject';
import { getApiVolume } from './get-api-volume';
import { getScopeDetails } from './get-scope-details';
import type { VolumeParams } from './params';

/** The details routes: `{ byIp, byApi, byAccessKey }`, each row with successful and failed counts, and the SQL behind each. */
export async function scopeDetailsForRequest(subject: Subject, query: ScopeParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await scopeForRequest(conn, query, signal);
  const { ips, apis, keys } = await getScopeDetails(conn, subject, scope, signal);
  return { scope, byIp: ips, byApi: apis, byAccessKey: keys };
}

/** The volume routes: calls per bucket in the scope against the baseline before it. */
export async function apiVolumeForRequest(subject: Subject, query: ScopeParams & VolumeParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, signal, true);
  const volume = await getApiVolume(conn, subject, scope, { baselineDays: query.baseline, bucket: query.bucket, observedFrom: first, signal });
  return { scope, ...volume };
}

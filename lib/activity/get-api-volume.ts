import type { Connection, QueryStats } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel } from '@/lib/engine/panel';
import type { SqlParam } from '@/lib/sql/sql';
import type { Subject } from '@/lib/subjects/subject';
import { apiVolume } from './api-volume';
import type { BucketSize } from './buckets';
import { planVolume } from './volume-plan';
import { prepareVolumeSeries, type VolumeSeries } from './volume-series';

export interface ApiVolumeOptions {
  baselineDays?: number;
  /** A bucket from the allowlist; chosen from the window when absent. */
  bucket?: BucketSize;
  /** The store's first event (getDataRange), so days before the data count as unobserved, not quiet. */
  observedFrom?: string | null;
  signal?: AbortSignal;
}

/** The chart model and the query behind it (JSON-safe: what the volume API route returns). */
export interface ApiVolume {
  series: VolumeSeries;
  baselineDays: number;
  window: Scope;
  sql: string;
  params: SqlParam[];
  stats: QueryStats;
  notes: string[];
}

/** "Overall API call volume" for a subject: one query over baseline and scope, then zero-filled. */
export async function getApiVolume(conn: Connection, subject: Subject, scope: Scope, options: ApiVolumeOptions = {}): Promise<ApiVolume> {
  const plan = planVolume(scope, { baselineDays: options.baselineDays, bucket: options.bucket });
  const result = await runPanel(conn, apiVolume, { subject, ...plan.window, bucket: plan.bucket }, options.signal);
  return {
    series: prepareVolumeSeries(result.rows, plan.window, plan.bucket, scope, { observedFrom: options.observedFrom }),
    baselineDays: plan.baselineDays,
    window: plan.window,
    sql: result.sql,
    params: result.params,
    stats: result.stats,
    notes: result.notes,
  };
}

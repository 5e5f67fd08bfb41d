/**
 * What an Athena (SQL, per-data-scanned) query costs.
 *
 * Pricing: 5 USD per TB scanned, rounded up to the nearest megabyte, with a 10 MB minimum per query;
 * DDL and failed queries are free; cancelled queries pay for what they scanned (`isBilled`). The pricing page does not define TB/MB; AWS bills data in binary
 * units (its "GB" is 2^30 bytes), so MB = 2^20 and TB = 2^40 bytes here. That is also what the
 * long-used athena-express client assumes ($5 / 2^20 per MB). Changing the convention is one line.
 */

export const USD_PER_TB = 5;
export const BYTES_PER_MB = 2 ** 20;
export const MB_PER_TB = 2 ** 20;
export const MINIMUM_BILLED_MB = 10;

/** Megabytes Athena bills for a query that scanned `bytes`. */
export function billedMegabytes(bytes: number): number {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`Invalid bytes scanned: ${bytes}`);
  return Math.max(Math.ceil(bytes / BYTES_PER_MB), MINIMUM_BILLED_MB);
}

/** USD for a query that scanned `bytes`; null when Athena did not report the bytes scanned. */
export function queryCostUsd(bytes: number | null | undefined): number | null {
  if (bytes === null || bytes === undefined) return null;
  return (billedMegabytes(bytes) * USD_PER_TB) / MB_PER_TB;
}

/**
 * Athena's workgroup data usage control stops a query with this reason. Athena reports it as
 * CANCELLED; simulators and older reports say FAILED. Either way the bytes read are billed.
 */
export function isScanLimitStop(reason: string | undefined): boolean {
  return /bytes scanned limit/i.test(reason ?? '');
}

/**
 * Whether Athena bills a query that ended in `state`: a finished query and a cancelled one (by a
 * person, by Trailscope on timeout or abort, or by the workgroup's data usage control) pay for the
 * data scanned; a failed query is free (AWS pricing: "no charges for ... failed queries";
 * "cancelled queries are charged based on the amount of data scanned"). A query Trailscope stopped
 * that has not reached a final state yet is on its way to CANCELLED, so it is billed.
 */
export function isBilled(state: string | undefined, reason?: string): boolean {
  return state !== 'FAILED' || isScanLimitStop(reason);
}

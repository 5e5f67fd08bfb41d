/**
 * An instant as Trailscope writes it everywhere (URLs, SQL parameters, API responses): ISO-8601
 * UTC without a `.000` fraction, so a whole-second time reads `2026-11-20T00:00:00Z`.
 */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

import type { RecordSkipReason } from './skip-reasons';
import { isInstantInRange, isoUtc, parseIsoInstant, parseIsoUtc } from '@/lib/time';

export type RecordCheck =
  | { ok: true; eventTime: string; eventId: string; timeFromTimestampField: boolean }
  | { ok: false; reason: RecordSkipReason };

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const NAIVE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?$/;

/**
 * Parses CloudTrail's eventTime, and the zone-less `YYYY-MM-DD HH:MM:SS` some exports use, as UTC.
 * The written day and time must exist (Date.parse would store February 30 as March 2) and lie
 * within 1970–9999, like every instant the app reads back.
 */
export function parseEventTime(value: string): string | null {
  let ms: number;
  if (ISO_WITH_ZONE.test(value)) ms = parseIsoInstant(value) ?? NaN;
  else {
    const m = NAIVE.exec(value);
    if (!m) return null;
    ms = parseIsoUtc(`${m[1]}T${m[2]}Z`) ?? NaN;
  }
  return isInstantInRange(ms) ? isoUtc(Math.floor(ms / 1000) * 1000) : null;
}

/**
 * Whether a record can be stored, and its normalised time (`YYYY-MM-DDTHH:MM:SSZ`). Logstash
 * exports drop eventTime and keep `@timestamp`; that is accepted, since it is the same instant.
 */
export function checkRecord(value: unknown): RecordCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not-an-object' };
  const r = value as Record<string, unknown>;
  if (typeof r.eventName !== 'string' && typeof r.eventSource !== 'string') return { ok: false, reason: 'not-cloudtrail' };
  if (typeof r.eventID !== 'string' || r.eventID.trim() === '') return { ok: false, reason: 'missing-event-id' };
  let timeFromTimestampField = false;
  let raw = r.eventTime;
  if (raw === undefined || raw === null) {
    raw = r['@timestamp'];
    timeFromTimestampField = true;
  }
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'missing-event-time' };
  const eventTime = parseEventTime(raw.trim());
  if (eventTime === null) return { ok: false, reason: 'invalid-event-time' };
  return { ok: true, eventTime, eventId: r.eventID, timeFromTimestampField };
}

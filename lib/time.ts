/**
 * An instant as Trailscope writes it everywhere (URLs, SQL parameters, API responses): ISO-8601
 * UTC without a `.000` fraction, so a whole-second time reads `2026-11-20T00:00:00Z`.
 */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * The instants accepted from people and files: the Unix epoch to the end of year 9999. Every
 * instant derived from one (a baseline 90 days before, a default scope a day after) then still
 * has a four-digit year; past 9999 JavaScript writes `+010000-01-01T…`, which no engine reads.
 */
export const FIRST_DAY = '1970-01-01';
export const LAST_DAY = '9999-12-31';
const MIN_INSTANT_MS = Date.parse(`${FIRST_DAY}T00:00:00Z`);
const MAX_INSTANT_MS = Date.parse(`${LAST_DAY}T23:59:59.999Z`);

export function isInstantInRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS;
}

const ISO_UTC_FIELDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?Z$/;
const ISO_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-])(\d{2}):?(\d{2})$/;

/**
 * Milliseconds of an ISO-8601 UTC instant (`2026-11-20T10:05Z`, seconds and a fraction optional),
 * or null when the text is not one or names a day or time that does not exist. Date.parse rolls
 * those over (`2026-02-30` is March 2, hour 24 is the next day), silently answering for another
 * time than the one asked for. The range is not checked here: see isInstantInRange.
 */
export function parseIsoUtc(text: string): number | null {
  const m = ISO_UTC_FIELDS.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  // Date.UTC reads years 0-99 as 1900-1999; set the year afterwards so every four-digit year is itself.
  date.setUTCFullYear(year);
  return date.getTime();
}

/** The same with `Z` or a `±hh:mm` offset (CloudTrail and exports write both); the local day and time must exist. */
export function parseIsoInstant(text: string): number | null {
  const m = ISO_OFFSET.exec(text);
  if (!m) return parseIsoUtc(text);
  const [, local, sign, hours, minutes] = m as unknown as [string, string, '+' | '-', string, string];
  const ms = parseIsoUtc(`${local}Z`);
  if (ms === null || Number(hours) > 23 || Number(minutes) > 59) return null;
  return ms - (sign === '+' ? 1 : -1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAY_MS = 86_400_000;

/** The UTC day (`YYYY-MM-DD`) of an instant. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Milliseconds at 00:00 UTC of a `YYYY-MM-DD` day, or null when the text is not a day that exists. */
export function parseIsoDay(text: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseIsoUtc(`${text}T00:00Z`) : null;
}

/** The day `n` days after (before, for negative `n`) a `YYYY-MM-DD` day. */
export function addIsoDays(day: string, n: number): string {
  const ms = parseIsoDay(day);
  if (ms === null) throw new RangeError(`Not a day: ${JSON.stringify(day)}`);
  return isoDay(ms + n * DAY_MS);
}

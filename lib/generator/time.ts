/** Time is kept as epoch milliseconds, always whole seconds, always UTC. */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const PAD2: readonly string[] = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
let cachedDay = Number.NaN;
let cachedDayPrefix = '';

/** CloudTrail's eventTime: `YYYY-MM-DDTHH:MM:SSZ`, no fraction. Hot path: the day prefix is cached. */
export function isoSeconds(ms: number): string {
  const day = Math.floor(ms / DAY);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * DAY).toISOString().slice(0, 11);
  }
  const secondsOfDay = Math.floor((ms - day * DAY) / SECOND);
  const h = Math.floor(secondsOfDay / 3600);
  const m = Math.floor((secondsOfDay % 3600) / 60);
  return `${cachedDayPrefix}${PAD2[h] as string}:${PAD2[m] as string}:${PAD2[secondsOfDay % 60] as string}Z`;
}

/** STS prints credential expiry in this US locale form, e.g. "Nov 18, 2026, 4:12:07 PM". */
export function credentialExpiration(ms: number): string {
  const d = new Date(ms);
  const hours = d.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const month = MONTHS[d.getUTCMonth()] as string;
  return `${month} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${hour12}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** The `YYYYMMDDTHHmmZ` stamp in a log file name. */
export function deliveryStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}Z`;
}

/** The `YYYY/MM/DD` folder of a log file. */
export function datePath(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}`;
}

export function floorTo(ms: number, unit: number): number {
  return Math.floor(ms / unit) * unit;
}

/** Whole seconds only, so eventTime round-trips exactly. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}

/** 0 = Sunday … 6 = Saturday, in UTC. */
export function weekday(ms: number): number {
  return new Date(ms).getUTCDay();
}

import { assumerOf, fuller } from './assumer';
import type { Assumption, AssumeRoleEventRow } from './types';
import { isInstantInRange, isoUtc, parseIsoInstant, parseIsoUtc } from '@/lib/time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STS_EXPIRATION = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/;

/**
 * CloudTrail writes credentials.expiration as `Nov 19, 2026, 1:30:37 AM` (UTC) in most events and
 * ISO-8601 in some; returns ISO-8601 UTC, or null when it is neither.
 */
export function parseStsExpiration(value: string | null): string | null {
  if (!value) return null;
  const m = STS_EXPIRATION.exec(value.trim());
  if (m) {
    const [, mon, day, year, h, min, sec, ampm] = m as unknown as [string, string, string, string, string, string, string, string];
    const month = MONTHS.indexOf(mon);
    if (month < 0 || Number(h) < 1 || Number(h) > 12) return null;
    const hour = (Number(h) % 12) + (ampm === 'PM' ? 12 : 0);
    const two = (n: number | string) => String(n).padStart(2, '0');
    return instantOrNull(parseIsoUtc(`${year}-${two(month + 1)}-${two(day)}T${two(hour)}:${min}:${sec}Z`));
  }
  return instantOrNull(parseIsoInstant(value.trim()));
}

/** A real instant in the range the app shows (lib/time), else null: never a day rolled over into another. */
function instantOrNull(ms: number | null): string | null {
  return ms !== null && isInstantInRange(ms) ? isoUtc(ms) : null;
}

function accountOfRole(roleArn: string | null): string | null {
  return roleArn ? (/^arn:aws[a-z-]*:iam::(\d{12}):/.exec(roleArn)?.[1] ?? null) : null;
}

/**
 * One assumption per issued credential. A cross-account AssumeRole is logged in the caller's
 * account and in the role's account, with different eventIDs and one sharedEventID; the copies are
 * merged and the fullest view of the caller kept. Rows must be successful calls.
 */
export function mergeCopies(rows: readonly AssumeRoleEventRow[]): Assumption[] {
  const groups = new Map<string, AssumeRoleEventRow[]>();
  for (const row of rows) {
    const key = row.sharedEventId ?? row.eventId;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const assumptions: Assumption[] = [];
  for (const copies of groups.values()) {
    const first = copies[0] as AssumeRoleEventRow;
    const pick = <K extends keyof AssumeRoleEventRow>(k: K): AssumeRoleEventRow[K] | null =>
      copies.find((c) => c[k] !== null && c[k] !== undefined)?.[k] ?? null;
    const roleArn = pick('roleArn');
    const sessionName = pick('sessionName');
    if (!roleArn || !sessionName) continue;
    const assumer = copies.map(assumerOf).reduce(fuller);
    const accounts = [...new Set(copies.map((c) => c.recipientAccountId).filter((a): a is string => a !== null))].sort();
    const roleAccount = accountOfRole(roleArn);
    const callerAccount = assumer.accountId ?? pick('callerAccountId');
    const mfa = pick('callerMfa');
    assumptions.push({
      roleArn,
      sessionName,
      assumedRoleId: pick('assumedRoleId'),
      accessKeyId: pick('accessKeyId'),
      issuedAt: copies.map((c) => c.eventTime).sort()[0] as string,
      expiresAt: parseStsExpiration(pick('expiration')),
      assumer,
      sourceIdentity: pick('requestedSourceIdentity') ?? pick('callerSourceIdentity'),
      externalIdUsed: pick('externalId') !== null,
      sourceIp: copies.find((c) => c.callerType !== 'AWSAccount')?.sourceIp ?? first.sourceIp,
      userAgent: pick('userAgent'),
      callerMfa: mfa === null ? null : mfa === 'true',
      eventName: first.eventName,
      evidenceEventIds: copies.map((c) => c.eventId).sort(),
      accounts,
      crossAccount: accounts.length > 1 || (roleAccount !== null && callerAccount !== null && callerAccount !== roleAccount),
    });
  }
  return assumptions.sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0));
}

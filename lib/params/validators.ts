import { z } from '@/lib/zod';
import { fitsBoundLiteral, maxBoundTextLength } from '@/lib/sql/bound-limit';
import { FIRST_DAY, isInstantInRange, isoUtc, LAST_DAY, parseIsoUtc } from '@/lib/time';

/**
 * Strict validators for everything a user can type or put in a URL. Values reach SQL only as
 * bound parameters; these give a clear message naming what is wrong before a query runs.
 */

/**
 * The most characters of quote-free text a query can bind as one value: Athena's limit on an
 * ExecutionParameter (lib/sql/bound-limit.ts), applied on every engine so a request that works on
 * DuckDB works on Athena too.
 */
export const MAX_BOUND_TEXT = maxBoundTextLength();
export const TOO_LONG_TO_QUERY = `is too long: a value Trailscope queries with can be at most ${MAX_BOUND_TEXT} characters, each ' counting twice (Athena's limit)`;

/**
 * Text a query binds as one value. `asBound` is what the query makes of it before binding (a LIKE
 * pattern adds `%`, escaping adds characters): the limit applies to that, quotes included.
 */
export function boundText(asBound: (v: string) => string = (v) => v) {
  return z.string().refine((v) => fitsBoundLiteral(asBound(v)), TOO_LONG_TO_QUERY);
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/**
 * An instant in ISO-8601 UTC (`2026-11-20T00:00:00Z`), normalised to whole seconds. A day or time
 * that does not exist (February 30, hour 24) is refused rather than rolled over into another one.
 */
export const isoInstant = z
  .string()
  .regex(ISO_UTC, 'must be an ISO-8601 UTC time such as 2026-11-20T00:00:00Z')
  .transform((s, ctx) => {
    const ms = parseIsoUtc(s);
    if (ms === null) ctx.addIssue({ code: 'custom', message: 'is not a real date and time (no such day, hour or minute)' });
    else if (!isInstantInRange(ms)) ctx.addIssue({ code: 'custom', message: `must be between ${FIRST_DAY} and ${LAST_DAY}` });
    else return isoUtc(Math.floor(ms / 1000) * 1000);
    return z.NEVER;
  });

export const accountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id');

export const arn = z
  .string()
  .max(MAX_BOUND_TEXT, TOO_LONG_TO_QUERY)
  .regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}|aws)?:[\w+=,.@:/*-]+$/, 'must be an AWS ARN (arn:aws:...)');

/** An ARN, a principal id (AIDA…, AROA…:session) or a user name. */
export const principal = z
  .string()
  .min(1)
  .max(MAX_BOUND_TEXT, TOO_LONG_TO_QUERY)
  .regex(/^[\w+=,.@:/-]+$/, 'must be an ARN, a principal id or a user name');

/** A role session as Detective names it: the role's principal id (AROA…) and the session name. */
export const ROLE_SESSION_ID = /^AROA[A-Z0-9]{8,124}:[\w+=,.@-]{1,128}$/;
/** The same pattern, unanchored, for ids that embed a session id. */
export const ROLE_SESSION_ID_BODY = ROLE_SESSION_ID.source.slice(1, -1);

export const accessKeyId = z.string().regex(/^[A-Z0-9]{16,128}$/, 'must be an access key id such as ASIA… or AKIA…');

/** STS session names: 2–64 of [\w+=,.@-]; longer values are accepted as-is from other sources. */
export const sessionName = z.string().regex(/^[\w+=,.@-]{1,128}$/, 'must be a role session name');

/** sourceIPAddress holds IPs and also service names such as ec2.amazonaws.com. */
export const sourceIp = z.string().regex(/^[A-Za-z0-9.:_-]{1,128}$/, 'must be an IP address or a service name');

export const eventName = z.string().regex(/^[A-Za-z0-9_]{1,128}$/, 'must be an API name such as AssumeRole');

export const errorCode = z
  .string()
  .regex(/^(\*|none|[A-Za-z0-9_.:-]{1,128})$/, 'must be an error code such as AccessDenied, * for any error, or none for successful calls');

export const eventSource = z.string().max(MAX_BOUND_TEXT, TOO_LONG_TO_QUERY).regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/, 'must be a service endpoint such as ec2.amazonaws.com');

/** Query-string helper: an absent or empty value is undefined. */
export function optionalParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
}

export const awsRegion = z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be an AWS region such as us-east-1');

/** A path segment, URL-decoded; a stray `%` is a message naming the parameter, not a URIError on the error page. */
export const pathSegment = z.string().transform((s, ctx) => {
  try {
    return decodeURIComponent(s);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not a valid URL-encoded value' });
    return z.NEVER;
  }
});

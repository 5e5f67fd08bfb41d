import { z } from '@/lib/zod';
import { href } from '@/lib/params/href';
import { scopeParams, type Scope } from '@/lib/params/scope';
import { accessKeyId, accountId, awsRegion, boundText, errorCode, eventName, eventSource, optionalParam, principal, sessionName, sourceIp } from '@/lib/params/validators';

/** The event search filters: one schema for the /events page, GET /api/events and the query key. */
export const EVENTS_PATH = '/events';

export const EVENT_FILTERS = ['principal', 'accessKeyId', 'sessionName', 'ip', 'eventName', 'eventSource', 'errorCode', 'account', 'region', 'eventId', 'userAgent'] as const;
export type EventFilter = (typeof EVENT_FILTERS)[number];

export const eventSearchParams = scopeParams.extend({
  principal: optionalParam(principal),
  accessKeyId: optionalParam(accessKeyId),
  sessionName: optionalParam(sessionName),
  ip: optionalParam(sourceIp),
  eventName: optionalParam(eventName),
  eventSource: optionalParam(eventSource),
  errorCode: optionalParam(errorCode),
  account: optionalParam(accountId),
  region: optionalParam(awsRegion),
  userAgent: optionalParam(boundText().min(1).regex(/^[^\u0000-\u001f]+$/, 'must be a user agent string')),
  eventId: optionalParam(z.string().regex(/^[A-Za-z0-9-]{1,128}$/, 'must be a CloudTrail eventID')),
  limit: optionalParam(z.coerce.number().int().min(1).max(500)).transform((v) => v ?? 50),
  cursor: optionalParam(z.string().max(400)),
});
export type EventSearchParams = z.infer<typeof eventSearchParams>;

/** The filters a search set, e.g. for the audit log's record of what was searched. */
export function activeEventFilters(params: Partial<Record<EventFilter, unknown>> | null): Partial<Record<EventFilter, string>> {
  const out: Partial<Record<EventFilter, string>> = {};
  for (const f of EVENT_FILTERS) {
    const v = params?.[f];
    if (typeof v === 'string' && v !== '') out[f] = v;
  }
  return out;
}

export const EVENT_FILTER_LABELS: Record<EventFilter, string> = {
  principal: 'Principal (ARN or id)',
  accessKeyId: 'Access key id',
  sessionName: 'Session name',
  ip: 'Source IP',
  eventName: 'Event name',
  eventSource: 'Event source',
  errorCode: 'Error code',
  account: 'Account',
  region: 'Region',
  eventId: 'Event id',
  userAgent: 'User agent',
};

/** The events page filtered: what every "N events" count links to (lib/ links here too, so it lives in lib). */
export function eventsHref(scope: Scope, filters: Readonly<Record<string, string | number | null | undefined>>): string {
  return href(EVENTS_PATH, { ...scope, ...filters });
}

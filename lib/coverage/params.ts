import { eventsHref } from '@/lib/events/params';
import { href } from '@/lib/params/href';
import { scopeParams, type Scope } from '@/lib/params/scope';
import { accountId, awsRegion } from '@/lib/params/validators';
import { isoUtc } from '@/lib/time';
import type { CoverageCell, CoverageGap } from './coverage';

/** /coverage and GET /api/coverage: the scope only (a review's default, the 14 days ending at the newest event). */
export const COVERAGE_PATH = '/coverage';
export const coverageParams = scopeParams;
export const COVERAGE_DEFAULT_DAYS = 14;

export function coverageHref(scope: Scope): string {
  return href(COVERAGE_PATH, { from: scope.from, to: scope.to });
}

const HOUR = 3_600_000;

/** The account and region as event-search filters, where they are ones the search accepts (anonymised data has others). */
function placeFilters(p: { accountId: string | null; region: string | null }): { account?: string; region?: string } {
  return {
    account: p.accountId !== null && accountId.safeParse(p.accountId).success ? p.accountId : undefined,
    region: p.region !== null && awsRegion.safeParse(p.region).success ? p.region : undefined,
  };
}

/** The events of a heat-map cell: its account and region on its UTC day. */
export function cellEventsHref(cell: Pick<CoverageCell, 'accountId' | 'region' | 'day'>): string {
  const from = `${cell.day}T00:00:00Z`;
  return eventsHref({ from, to: isoUtc(Date.parse(from) + 24 * HOUR) }, placeFilters(cell));
}

/** The events around a gap in its account and region: an hour each side, so the last events before it and the first after show. */
export function gapEventsHref(gap: Pick<CoverageGap, 'accountId' | 'region' | 'from' | 'to'>): string {
  return eventsHref({ from: isoUtc(Date.parse(gap.from) - HOUR), to: isoUtc(Date.parse(gap.to) + HOUR) }, placeFilters(gap));
}

/** One event that shows a gap (the StopLogging, the StartLogging), found by its id in the hour around it. */
export function gapEventHref(gap: Pick<CoverageGap, 'from' | 'to'>, eventId: string, at: 'from' | 'to'): string {
  const t = Date.parse(gap[at]);
  return eventsHref({ from: isoUtc(Math.floor(t / HOUR) * HOUR - HOUR), to: isoUtc(Math.floor(t / HOUR) * HOUR + 2 * HOUR) }, { eventId });
}

/**
 * /events and GET /api/events: one schema for the page, the API and the audit record of a search.
 * Defined in lib/events/params.ts: lib's search runs on its type and lib links to events too.
 */
export { EVENTS_PATH as path, eventSearchParams as queryParams, eventsHref as toHref, EVENT_FILTERS, EVENT_FILTER_LABELS, activeEventFilters } from '@/lib/events/params';

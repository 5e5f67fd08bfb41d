/** The id the proxy stamps on every request it lets through, for notes kept per request (invalid-link.ts). */
export const REQUEST_ID_HEADER = 'x-trailscope-request-id';

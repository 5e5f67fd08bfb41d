/**
 * The largest request body each upload route reads, in one place for the routes, the pages that
 * state them and next.config.js's proxyClientMaxBodySize (which must pass the largest whole: the
 * proxy cuts a body at its limit, and the route would then see a valid-looking truncated file).
 * No server imports: client components show these limits too.
 */
export const BODY_LIMITS = {
  /** POST /api/findings/import: a GuardDuty export. */
  findingsImport: 50 * 1024 * 1024,
  /** POST /api/access/authorization-details: `aws iam get-account-authorization-details` output. */
  authorizationDetails: 50 * 1024 * 1024,
  /** PUT /api/vendors/{roleArn}/expected-actions: a pattern list or a policy document. */
  expectedActions: 256 * 1024,
  /** PATCH /api/findings and /api/findings/{id}: a triage change (a note of up to 10,000 characters, up to 500 ids). */
  findingTriage: 128 * 1024,
  /** PATCH /api/admin/users/{name}: `{ role?, disabled?, resetPassword? }`. */
  userChange: 4 * 1024,
  /** POST /api/admin/webhooks and PATCH /api/admin/webhooks/{id}: a webhook's settings (a URL of up to 2,048 characters). */
  webhookChange: 8 * 1024,
} as const;

/** Room for a multipart form's boundaries and part headers around a file of the limit's size. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

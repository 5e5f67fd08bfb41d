import fs from 'node:fs';
import path from 'node:path';
import { z } from '@/lib/zod';
import { ENGINE_NAMES } from '@/lib/engine/types';

/**
 * Every setting Trailscope reads, validated once. Modules import `env()`; nothing else reads
 * process.env, so a wrong setting is one clear message naming the variable, not a crash at first use.
 */

export const ATHENA_PARTITIONINGS = ['none', 'region-date', 'account-region-date', 'projected-date'] as const;
export type AthenaPartitioning = (typeof ATHENA_PARTITIONINGS)[number];

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const list = optional.transform((v) =>
  v === undefined ? [] : v.split(',').map((s) => s.trim()).filter((s) => s.length > 0),
);

/**
 * `444455556666=Acme Monitoring,777788889999=Example Backup`: display names for accounts outside the
 * organisation, so review pages name a vendor instead of printing a 12-digit id.
 */
const vendorNames = list.transform((entries, ctx) => {
  const names: Record<string, string> = {};
  for (const entry of entries) {
    const m = /^(\d{12})\s*=\s*(.+)$/.exec(entry);
    if (!m || (m[2] as string).length > 100) {
      ctx.addIssue({ code: 'custom', message: `expected <12-digit account id>=<name> (at most 100 characters), got ${JSON.stringify(entry)}` });
      return z.NEVER;
    }
    names[m[1] as string] = (m[2] as string).trim();
  }
  return names;
});

/**
 * The scopes Trailscope asks the identity provider for, space- or comma-separated. `openid` is what
 * makes the request OpenID Connect; `groups` is not a standard scope (Okta and Dex know it, Entra ID
 * and Keycloak send groups through claim mappings instead), so it is left for the operator to add.
 */
const oidcScopes = optional
  .transform((v) => [...new Set((v ?? 'openid profile email').split(/[\s,]+/).filter((s) => s.length > 0))])
  .refine((scopes) => scopes.includes('openid'), { message: 'must include openid' });

/** A user-supplied file: resolved against the working directory, checked at start-up. */
const existingFile = (expected: string) =>
  optional
    .transform((v) => (v === undefined ? undefined : path.resolve(v)))
    .refine((v) => v === undefined || fs.statSync(v, { throwIfNoEntry: false })?.isFile() === true, {
      message: `file not found (expected the path of ${expected})`,
    });

/** `true`/`1` or `false`/`0`; anything else is a mistake worth naming rather than reading as false. */
const flag = optional.pipe(
  z
    .enum(['true', '1', 'false', '0'], { message: 'expected true or false' })
    .optional()
    .transform((v) => v === 'true' || v === '1'),
);

/** Plain http to the machine itself: a local Athena or Trino, where nothing crosses a network. */
export function isLoopbackHttp(url: string): boolean {
  return /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(url);
}

const TRINO_REQUIRED = ['TRAILSCOPE_TRINO_URL', 'TRAILSCOPE_TRINO_CATALOG', 'TRAILSCOPE_TRINO_SCHEMA'] as const;

const schema = z
  .object({
    TRAILSCOPE_ENGINE: z.enum(ENGINE_NAMES).default('duckdb'),
    TRAILSCOPE_DATA_DIR: z.string().default('./data'),
    TRAILSCOPE_ADMIN_PASSWORD: optional,
    TRAILSCOPE_API_TOKENS: list.pipe(z.array(z.string().min(16, 'each API token needs at least 16 characters'))),
    TRAILSCOPE_OIDC_ISSUER: optional.pipe(z.url().optional()),
    TRAILSCOPE_OIDC_CLIENT_ID: optional,
    TRAILSCOPE_OIDC_CLIENT_SECRET: optional,
    TRAILSCOPE_OIDC_NAME: z.string().default('Single sign-on'),
    TRAILSCOPE_OIDC_SCOPES: oidcScopes,
    /** The top-level claim that lists the user's groups: an array, or one string separated by spaces or commas. */
    TRAILSCOPE_OIDC_GROUPS_CLAIM: optional.transform((v) => v ?? 'groups'),
    /** Members of any of these groups (exact, case-sensitive names or ids) sign in as admins; everyone else as a viewer. */
    TRAILSCOPE_OIDC_ADMIN_GROUPS: list,
    TRAILSCOPE_OIDC_ANALYST_GROUPS: list,
    TRAILSCOPE_ORG_ACCOUNTS: list.pipe(z.array(z.string().regex(/^\d{12}$/, 'account ids are 12 digits'))),
    TRAILSCOPE_VENDOR_NAMES: vendorNames,
    TRAILSCOPE_ATHENA_DATABASE: z.string().regex(/^[A-Za-z0-9_]+$/).default('default'),
    TRAILSCOPE_ATHENA_TABLE: z.string().regex(/^[A-Za-z0-9_]+$/).default('cloudtrail_logs'),
    TRAILSCOPE_ATHENA_CATALOG: z.string().regex(/^[A-Za-z0-9_-]+$/).default('AwsDataCatalog'),
    TRAILSCOPE_ATHENA_WORKGROUP: z.string().default('primary'),
    TRAILSCOPE_ATHENA_OUTPUT_LOCATION: optional.pipe(
      z.string().startsWith('s3://', 'must be an s3:// URI').optional(),
    ),
    /**
     * Athena's API endpoint, when not the region's default: a VPC interface endpoint, a FIPS
     * endpoint, or a local Athena (`npm run athena:local`). https, or http on loopback only.
     */
    TRAILSCOPE_ATHENA_ENDPOINT: optional.pipe(
      z
        .url()
        .refine((v) => /^https:\/\//.test(v) || isLoopbackHttp(v), {
          message: 'must be an https:// URL (http:// only on loopback, for a local Athena)',
        })
        .optional(),
    ),
    TRAILSCOPE_ATHENA_PARTITIONING: z.enum(ATHENA_PARTITIONINGS).default('projected-date'),
    TRAILSCOPE_ATHENA_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(300),
    /**
     * The Trino (or Starburst) coordinator, e.g. `https://trino.example.com:8443`. https, or http on
     * loopback; http across a network only with TRAILSCOPE_TRINO_ALLOW_HTTP (see docs/trino.md).
     */
    TRAILSCOPE_TRINO_URL: optional.pipe(
      z
        .url()
        .refine((v) => /^https?:\/\//.test(v), { message: 'must be an http:// or https:// URL' })
        .refine((v) => !/^https?:\/\/[^/]*@/.test(v), { message: 'must not carry credentials: set TRAILSCOPE_TRINO_USER and TRAILSCOPE_TRINO_PASSWORD' })
        .refine((v) => !/[?#]/.test(v), { message: 'must not have a query or fragment' })
        .optional(),
    ),
    /** Opt-in to plain http beyond loopback (a private network whose Trino has no TLS). */
    TRAILSCOPE_TRINO_ALLOW_HTTP: flag,
    TRAILSCOPE_TRINO_CATALOG: optional.pipe(z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only').optional()),
    TRAILSCOPE_TRINO_SCHEMA: optional.pipe(z.string().regex(/^[A-Za-z0-9_]+$/, 'letters, digits and _ only').optional()),
    TRAILSCOPE_TRINO_TABLE: z.string().regex(/^[A-Za-z0-9_]+$/, 'letters, digits and _ only').default('cloudtrail_logs'),
    /** Who Trailscope's queries run as (Trino's access control and query history see this user). */
    TRAILSCOPE_TRINO_USER: optional.pipe(
      // Sent as an HTTP header: control characters would end or split it.
      z.string().regex(/^[^\u0000-\u001f\u007f]{1,128}$/, 'at most 128 characters, no control characters').default('trailscope'),
    ),
    /** Basic (password) authentication; Trino accepts it over https only. Not trimmed: spaces may be part of it. */
    TRAILSCOPE_TRINO_PASSWORD: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' ? undefined : v)),
    /** PEM bundle of the CA certificates that signed the coordinator's (private CA); default: Node's. */
    TRAILSCOPE_TRINO_CA_FILE: existingFile('a PEM file of CA certificates'),
    TRAILSCOPE_TRINO_PARTITIONING: z.enum(ATHENA_PARTITIONINGS).default('projected-date'),
    TRAILSCOPE_TRINO_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(300),
    /** A MaxMind GeoLite2/GeoIP2 City .mmdb used instead of the bundled DB-IP Lite data. */
    TRAILSCOPE_GEOIP_CITY_DB: existingFile('a MaxMind .mmdb file'),
    /** A MaxMind GeoLite2-ASN .mmdb used instead of the bundled ip-location-db ASN data. */
    TRAILSCOPE_GEOIP_ASN_DB: existingFile('a MaxMind .mmdb file'),
    /** Audit log entries older than this many days are purged (lib/audit); 0 keeps them forever. */
    TRAILSCOPE_AUDIT_RETENTION_DAYS: optional.pipe(z.coerce.number<string | undefined>().int('must be a whole number of days').min(0).max(36_500).default(365)),
    AWS_REGION: optional,
    AUTH_SECRET: optional,
    /**
     * Where people open Trailscope (`https://trailscope.example.com`): webhook notifications link to
     * findings and incidents under it. Unset, AUTH_URL; neither, the links are paths (lib/notifications).
     */
    TRAILSCOPE_PUBLIC_URL: optional.pipe(
      z
        .url()
        .refine((v) => /^https?:\/\//.test(v), { message: 'must be an http:// or https:// URL' })
        .refine((v) => !/[?#]/.test(v) && !/^https?:\/\/[^/]*@/.test(v), { message: 'must be the address only: no credentials, query or fragment' })
        .transform((v) => v.replace(/\/+$/, ''))
        .optional(),
    ),
    /** The app's public URL (Auth.js reads it too): its origin is accepted on state-changing requests. */
    AUTH_URL: optional.pipe(z.url().optional()),
    /** Behind a reverse proxy: trust its X-Forwarded-Host and -Proto (Auth.js reads it too). */
    AUTH_TRUST_HOST: optional.transform((v) => v === 'true' || v === '1'),
  })
  .superRefine((v, ctx) => {
    if (v.TRAILSCOPE_OIDC_ISSUER && !(v.TRAILSCOPE_OIDC_CLIENT_ID && v.TRAILSCOPE_OIDC_CLIENT_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['TRAILSCOPE_OIDC_CLIENT_ID'],
        message: 'TRAILSCOPE_OIDC_ISSUER is set, so TRAILSCOPE_OIDC_CLIENT_ID and TRAILSCOPE_OIDC_CLIENT_SECRET are required',
      });
    }
    if (v.TRAILSCOPE_ENGINE === 'trino') {
      const missing = TRINO_REQUIRED.filter((name) => v[name] === undefined);
      if (missing.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['TRAILSCOPE_ENGINE'],
          message: `TRAILSCOPE_ENGINE=trino needs ${TRINO_REQUIRED.join(', ')}; missing: ${missing.join(', ')} (docs/trino.md)`,
        });
      }
    }
    const trinoUrl = v.TRAILSCOPE_TRINO_URL;
    if (trinoUrl?.startsWith('http://')) {
      // Queries and their answers (who did what in the organisation's accounts) would cross the
      // network in clear text; a password never may (Trino itself refuses it without TLS).
      if (v.TRAILSCOPE_TRINO_PASSWORD !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['TRAILSCOPE_TRINO_PASSWORD'], message: 'a password is sent over https only: make TRAILSCOPE_TRINO_URL https://' });
      } else if (!isLoopbackHttp(trinoUrl) && !v.TRAILSCOPE_TRINO_ALLOW_HTTP) {
        ctx.addIssue({
          code: 'custom',
          path: ['TRAILSCOPE_TRINO_URL'],
          message: 'must be https:// (http:// only on loopback, or with TRAILSCOPE_TRINO_ALLOW_HTTP=true on a private network)',
        });
      }
      if (v.TRAILSCOPE_TRINO_CA_FILE !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['TRAILSCOPE_TRINO_CA_FILE'], message: 'only used with an https:// TRAILSCOPE_TRINO_URL' });
      }
    }
  });

export type Env = Omit<z.infer<typeof schema>, 'TRAILSCOPE_DATA_DIR'> & { TRAILSCOPE_DATA_DIR: string };

export class EnvError extends Error {
  override name = 'EnvError';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new EnvError(`Invalid Trailscope configuration:\n${lines.join('\n')}`);
  }
  return { ...result.data, TRAILSCOPE_DATA_DIR: path.resolve(result.data.TRAILSCOPE_DATA_DIR) };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

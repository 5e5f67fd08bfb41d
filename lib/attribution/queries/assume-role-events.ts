import { z } from '@/lib/zod';
import { boundText } from '@/lib/params/validators';
import { inPackedList, isPackable } from '@/lib/sql/packed-list';
import { join, sql, trusted, type Sql } from '@/lib/sql/sql';
import type { Dialect } from '@/lib/engine/dialect';
import type { QueryModule } from '@/lib/engine/panel';
import { STS_ASSUME_EVENTS } from '../types';
import { MAX_CREDENTIAL_ROWS } from './session-credentials';
import { col } from '@/lib/cloudtrail/columns';

/**
 * Successful AssumeRole* calls in a window that issued the credentials asked about, matched by
 * any of: the session id the response names (`assumedRoleUser.assumedRoleId`), the access key it
 * issued, the role and session name requested (service-issued credentials name no session id),
 * the role alone, or who called. Every copy is returned (caller's and role's account) for
 * `mergeCopies`.
 */
const MAX_MATCH = 500;
const list = z.array(boundText().min(1)).max(MAX_MATCH);
/**
 * Keys a session used in a scope: as many as session-credentials returns (an instance profile
 * refreshes every few hours, a year holds thousands). They are packed into few parameters, so
 * one query asks about all of them (lib/sql/packed-list.ts).
 */
export const MAX_ACCESS_KEYS = MAX_CREDENTIAL_ROWS;
/** Rows beyond the matched keys' own copies (a caller's and a role's account each log the call). */
const BASE_ROW_LIMIT = 5000;

export const assumeRoleEventsParams = z.object({
  from: z.string(),
  to: z.string(),
  assumedRoleIds: list.default([]),
  accessKeyIds: z.array(z.string().refine(isPackable, 'must be a key id without commas')).max(MAX_ACCESS_KEYS).default([]),
  roleArns: list.default([]),
  /** Assumptions made by these callers (principal ids): to walk a chain downstream. */
  callerPrincipalIds: list.default([]),
  /** Assumptions made by any session of these roles: what a role assumed (chaining out). */
  callerRoleArns: list.default([]),
  /** Assumptions an AWS service made on its own behalf (instance profiles, Lambda, ECS tasks). */
  callerServices: list.default([]),
  /** Assumptions made by these identities (IAM users, root), by ARN. */
  callerArns: list.default([]),
  /**
   * Every federated sign-in of a kind in the window: a federated user has no id to match on in SQL,
   * so the caller narrows these rows in code.
   */
  federated: z.array(z.enum(['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity'])).max(2).default([]),
  /** Every chained assumption in the window: a role session calling AssumeRole (the role-juggling detection). */
  chained: z.boolean().default(false),
});
export type AssumeRoleEventsParams = z.input<typeof assumeRoleEventsParams>;

/** Every match list empty: spread it, then set the lists a caller matches on. */
export const NO_MATCH = {
  assumedRoleIds: [],
  accessKeyIds: [],
  roleArns: [],
  callerPrincipalIds: [],
  callerRoleArns: [],
  callerServices: [],
  callerArns: [],
  federated: [],
  chained: false,
} satisfies Omit<z.output<typeof assumeRoleEventsParams>, 'from' | 'to'>;

const s = z.string().nullable();
/** One AssumeRole* event as the assumption query returns it (one copy per account that logged it). */
const rowSchema = z
  .object({
    event_id: z.string(),
    event_time: z.string(),
    event_name: z.enum(STS_ASSUME_EVENTS),
    recipient_account_id: s,
    shared_event_id: s,
    request_id: s,
    region: s,
    source_ip: s,
    user_agent: s,
    caller_type: s,
    caller_principal_id: s,
    caller_arn: s,
    caller_account_id: s,
    caller_access_key_id: s,
    caller_user_name: s,
    caller_invoked_by: s,
    caller_issuer_arn: s,
    caller_source_identity: s,
    caller_mfa: s,
    role_arn: s,
    session_name: s,
    requested_source_identity: s,
    external_id: s,
    saml_provider_arn: s,
    assumed_role_id: s,
    assumed_role_arn: s,
    access_key_id: s,
    expiration: s,
    web_identity_subject: s,
    web_identity_provider: s,
    saml_subject: s,
    saml_issuer: s,
  })
  .transform(
    (r) => ({
      eventId: r.event_id,
      eventTime: r.event_time,
      eventName: r.event_name,
      recipientAccountId: r.recipient_account_id,
      sharedEventId: r.shared_event_id,
      requestId: r.request_id,
      region: r.region,
      sourceIp: r.source_ip,
      userAgent: r.user_agent,
      callerType: r.caller_type,
      callerPrincipalId: r.caller_principal_id,
      callerArn: r.caller_arn,
      callerAccountId: r.caller_account_id,
      callerAccessKeyId: r.caller_access_key_id,
      callerUserName: r.caller_user_name,
      callerInvokedBy: r.caller_invoked_by,
      callerIssuerArn: r.caller_issuer_arn,
      callerSourceIdentity: r.caller_source_identity,
      callerMfa: r.caller_mfa,
      roleArn: r.role_arn,
      sessionName: r.session_name,
      requestedSourceIdentity: r.requested_source_identity,
      externalId: r.external_id,
      samlProviderArn: r.saml_provider_arn,
      assumedRoleId: r.assumed_role_id,
      assumedRoleArn: r.assumed_role_arn,
      accessKeyId: r.access_key_id,
      expiration: r.expiration,
      webIdentitySubject: r.web_identity_subject,
      webIdentityProvider: r.web_identity_provider,
      samlSubject: r.saml_subject,
      samlIssuer: r.saml_issuer,
    }),
  );
export type AssumeRoleEventRow = z.infer<typeof rowSchema>;

function inList(expr: Sql, values: readonly string[]): Sql {
  return sql`${expr} IN (${join(values.map((v) => sql`${v}`), ', ')})`;
}

export const assumeRoleEvents: QueryModule<z.output<typeof assumeRoleEventsParams>, AssumeRoleEventRow> = {
  name: 'assume-role-events',
  readsOnlySts: true,
  params: assumeRoleEventsParams,
  row: rowSchema,
  build(d: Dialect, p) {
    const req = (path: `$${string}`) => d.jsonExtractScalar(col.requestParameters, path);
    const res = (path: `$${string}`) => d.jsonExtractScalar(col.responseElements, path);
    const match: Sql[] = [];
    if (p.assumedRoleIds.length) match.push(inList(res('$.assumedRoleUser.assumedRoleId'), p.assumedRoleIds));
    if (p.accessKeyIds.length) match.push(inPackedList(res('$.credentials.accessKeyId'), p.accessKeyIds));
    if (p.roleArns.length) match.push(inList(req('$.roleArn'), p.roleArns));
    if (p.callerPrincipalIds.length) match.push(inList(col.userIdentity.principalId, p.callerPrincipalIds));
    if (p.callerRoleArns.length) match.push(inList(col.userIdentity.sessionContext.sessionIssuer.arn, p.callerRoleArns));
    // A role session's call made through a service also carries invokedBy; only the service's own count.
    if (p.callerServices.length) match.push(sql`(${col.userIdentity.type} = 'AWSService' AND ${inList(col.userIdentity.invokedBy, p.callerServices)})`);
    if (p.callerArns.length) match.push(inList(col.userIdentity.arn, p.callerArns));
    if (p.federated.length) match.push(inList(col.eventName, p.federated));
    if (p.chained) match.push(sql`(${col.eventName} = 'AssumeRole' AND ${col.userIdentity.type} = 'AssumedRole')`);
    const matchSql = match.length ? join(match, '\n    OR ') : sql`FALSE`;
    return sql`
SELECT ${col.eventId} AS event_id, ${d.isoString(d.eventTime)} AS event_time, ${col.eventName} AS event_name,
  ${col.recipientAccountId} AS recipient_account_id, ${col.sharedEventId} AS shared_event_id, ${col.requestId} AS request_id,
  ${col.awsRegion} AS region, ${col.sourceIpAddress} AS source_ip, ${col.userAgent} AS user_agent,
  ${col.userIdentity.type} AS caller_type, ${col.userIdentity.principalId} AS caller_principal_id, ${col.userIdentity.arn} AS caller_arn,
  ${col.userIdentity.accountId} AS caller_account_id, ${col.userIdentity.accessKeyId} AS caller_access_key_id,
  ${col.userIdentity.userName} AS caller_user_name, ${col.userIdentity.invokedBy} AS caller_invoked_by,
  ${col.userIdentity.sessionContext.sessionIssuer.arn} AS caller_issuer_arn,
  ${d.optionalColumn('useridentity.sessioncontext.sourceidentity')} AS caller_source_identity,
  ${col.userIdentity.sessionContext.attributes.mfaAuthenticated} AS caller_mfa,
  ${req('$.roleArn')} AS role_arn, ${req('$.roleSessionName')} AS session_name,
  ${req('$.sourceIdentity')} AS requested_source_identity, ${req('$.externalId')} AS external_id,
  ${req('$.principalArn')} AS saml_provider_arn,
  ${res('$.assumedRoleUser.assumedRoleId')} AS assumed_role_id, ${res('$.assumedRoleUser.arn')} AS assumed_role_arn,
  ${res('$.credentials.accessKeyId')} AS access_key_id, ${res('$.credentials.expiration')} AS expiration,
  ${res('$.subjectFromWebIdentityToken')} AS web_identity_subject, ${res('$.provider')} AS web_identity_provider,
  ${res('$.subject')} AS saml_subject, ${res('$.issuer')} AS saml_issuer
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.eventSource} = 'sts.amazonaws.com'
  AND ${col.eventName} IN ('AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity')
  AND (${col.errorCode} IS NULL OR ${col.errorCode} = '')
  AND (${matchSql})
ORDER BY ${d.eventTime}, ${col.eventId}
LIMIT ${trusted(BASE_ROW_LIMIT + 2 * p.accessKeyIds.length)}`;
  },
};

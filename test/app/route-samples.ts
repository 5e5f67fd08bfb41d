import { CHAIN, SARA, VENDOR } from '@/lib/generator/scenarios';

/**
 * Realistic values for every dynamic route segment, from the generated scenarios the test suites run
 * on: the route-table and bad-input probes fill each route's path with these. A new segment name
 * needs a sample here (the probes say so).
 */
export const SAMPLE_PATH_PARAMS: Record<string, string> = {
  sessionId: `${SARA.demoRole.roleId}:sara`,
  roleArn: VENDOR.role.arn,
  arn: CHAIN.user.arn,
  principalArn: SARA.demoRole.arn,
  ip: SARA.homeIps[0]?.ip ?? '203.0.113.9',
  name: 'ec2.amazonaws.com',
  id: 'gd-0000000000000000',
  nextauth: 'session',
};

/** Query strings a route needs to answer 200 (the rest answer with their defaults). */
export const SAMPLE_QUERY: Record<string, string> = {
  '/api/graph': `focus=${encodeURIComponent(`session:${SARA.demoRole.roleId}:sara`)}`,
  '/graph': `focus=${encodeURIComponent(`session:${SARA.demoRole.roleId}:sara`)}`,
  '/api/reports': `subject=${encodeURIComponent(`role-session:${SARA.demoRole.roleId}:sara`)}`,
  '/reports': `subject=${encodeURIComponent(`role-session:${SARA.demoRole.roleId}:sara`)}`,
};

/**
 * What an attacker or a broken link puts in a parameter: SQL and template injection, markup,
 * path traversal, bad percent-encoding (as decoded and as raw), control and wide characters,
 * absurd lengths and numbers, impossible dates, prototype keys.
 */
export const PROBE_PAYLOADS: readonly string[] = [
  "' OR '1'='1",
  "x'); DROP TABLE users; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%25',
  '%E0%A4%A',
  'a\u0000b\r\nSet-Cookie: x=1',
  '${7*7}{{7*7}}',
  'ü😀\u202e',
  'x'.repeat(5000),
  '-1',
  '99999999999999999999999',
  '2026-02-30T00:00:00Z',
  '__proto__',
  '',
];

/**
 * The query parameter names pages read. test/route-samples.test.ts keeps it a superset of every
 * name an API route declares (pages and routes share their parameter schemas).
 */
export const PAGE_QUERY_NAMES: readonly string[] = [
  'from', 'to', 'tab', 'sort', 'order', 'limit', 'cursor', 'baseline', 'bucket', 'days', 'q', 'focus', 'expand', 'selected',
  'path', 'record', 'severity', 'type', 'source', 'account', 'region', 'role', 'sessionName', 'assumer', 'principal', 'accessKeyId',
  'ip', 'eventName', 'eventSource', 'errorCode', 'eventId', 'userAgent', 'format', 'actor', 'action', 'entity', 'status', 'detail', 'filter',
  'kind', 'table', 'show', 'call', 'assignee', 'technique', 'subject',
];

/**
 * A valid value for each query parameter that takes free text or an id, for the over-long probes
 * (test/bad-input-probes.test.ts) to lengthen to the longest its route's schema accepts. Parameters
 * not named here are lengthened from "a" when their schema takes it (enums and times do not).
 */
export const SAMPLE_QUERY_VALUES: Record<string, string> = {
  principal: CHAIN.user.arn,
  accessKeyId: 'ASIAEXAMPLEKEY000001',
  sessionName: 'sara',
  assignee: 'triager',
  ip: '198.51.100.7',
  eventName: 'AssumeRole',
  eventSource: 'sts.amazonaws.com',
  errorCode: 'AccessDenied',
  account: '123456789012',
  region: 'us-east-1',
  eventId: 'e-1',
  userAgent: "aws-cli/2.15.0 md/O'Brien",
  role: SARA.demoRole.arn,
  assumer: CHAIN.user.arn,
  q: SARA.demoRole.arn,
  focus: `session:${SARA.demoRole.roleId}:sara`,
  expand: `role:${SARA.demoRole.arn}`,
  selected: `role:${SARA.demoRole.arn}`,
  call: 'iam.amazonaws.com:GenerateCredentialReport',
};

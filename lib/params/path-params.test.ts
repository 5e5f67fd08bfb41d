import { describe, expect, it } from 'vitest';
import { ipParam, roleArnParam, serviceNameParam, userArnParam } from '@/lib/profiles/params';
import { principalArnParam, reviewRoleArnParam } from '@/lib/reviews/params';
import { findingIdParam } from '@/lib/findings/params';
import { sessionIdParam } from '@/lib/role-sessions/profile-params';

/**
 * Every path segment schema, fed what Next hands a page or route when the URL holds `%25` (it
 * decodes once, leaving a bare `%`) or a broken escape: a failed parse with a message, never a
 * URIError escaping into a 500 or the error page.
 */
const segments = {
  sessionId: sessionIdParam,
  roleArn: roleArnParam,
  findingId: findingIdParam,
  userArn: userArnParam,
  ip: ipParam,
  serviceName: serviceNameParam,
  reviewRoleArn: reviewRoleArnParam,
  principalArn: principalArnParam,
};

describe('path segment parameters', () => {
  it.each(Object.entries(segments))('%s: a bad percent-encoding is a validation issue, not a URIError', (_name, schema) => {
    for (const raw of ['%', 'AROAEXAMPLEID12345:sara%', 'arn%3Aaws%E0%A4%A', '%ZZ', 'gd-%']) {
      const result = schema.safeParse(raw);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toEqual(expect.any(String));
    }
  });

  it('still decodes a well-formed segment', () => {
    expect(sessionIdParam.parse('AROAEXAMPLEID12345%3Asara')).toBe('AROAEXAMPLEID12345:sara');
    expect(roleArnParam.parse(encodeURIComponent('arn:aws:iam::123456789012:role/Ops'))).toBe('arn:aws:iam::123456789012:role/Ops');
    expect(findingIdParam.parse('gd-abc123')).toBe('gd-abc123');
    expect(sessionIdParam.safeParse('%').error?.issues[0]?.message).toBe('is not a valid URL-encoded value');
  });
});

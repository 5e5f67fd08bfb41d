import { describe, expect, it } from 'vitest';
import type { Assumer, Assumption } from '@/lib/attribution/types';
import { identitiesOf, rateGrain, rateSeries, summariseCallers, summariseCalls } from './role-review';

const role = 'arn:aws:iam::123456789012:role/VendorReadOnly';
const scope = { from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z' };

function assumer(key: string, accountId = '444455556666'): Assumer {
  return { type: 'iam-user', key, name: key.split('/').pop() ?? key, arn: key, principalId: null, accountId, roleArn: null, provider: null };
}
function assumption(issuedAt: string, who: Assumer, sessionName = 'AcmeMonitoring', accessKeyId: string | null = null): Assumption {
  return {
    roleArn: role,
    sessionName,
    assumedRoleId: `AROAEXAMPLE:${sessionName}`,
    accessKeyId,
    issuedAt,
    expiresAt: null,
    assumer: who,
    sourceIdentity: null,
    externalIdUsed: true,
    sourceIp: null,
    userAgent: null,
    callerMfa: null,
    eventName: 'AssumeRole',
    evidenceEventIds: [issuedAt],
    accounts: ['123456789012', '444455556666'],
    crossAccount: true,
  };
}

describe('vendor role review, pure parts', () => {
  it('picks minute, hour or day buckets by the scope’s length', () => {
    expect(rateGrain({ from: '2026-11-01T00:00:00Z', to: '2026-11-01T06:00:00Z' })).toBe('minute');
    expect(rateGrain(scope)).toBe('hour');
    expect(rateGrain({ from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z' })).toBe('day');
  });

  it('finds the peak minute across buckets', () => {
    const s = rateSeries('hour', [
      { bucket: '2026-11-01T00:00:00Z', calls: 10, peakPerMinute: 4, peakMinute: '2026-11-01T00:12:00Z', throttled: 0 },
      { bucket: '2026-11-01T06:00:00Z', calls: 12, peakPerMinute: 9, peakMinute: '2026-11-01T06:01:00Z', throttled: 2 },
    ]);
    expect(s.peak).toEqual({ perMinute: 9, at: '2026-11-01T06:01:00Z' });
    expect(s.totalCalls).toBe(22);
  });

  it('gathers S3 buckets under one API line', () => {
    const calls = summariseCalls([
      { eventSource: 's3.amazonaws.com', eventName: 'GetObject', bucket: 'a', success: 2, failed: 0, throttled: 0, first: '2026-11-02T00:00:00Z', last: '2026-11-03T00:00:00Z' },
      { eventSource: 's3.amazonaws.com', eventName: 'GetObject', bucket: 'b', success: 1, failed: 1, throttled: 0, first: '2026-11-01T00:00:00Z', last: '2026-11-02T00:00:00Z' },
    ]);
    expect(calls).toEqual([
      expect.objectContaining({ action: 's3:GetObject', success: 3, failed: 1, first: '2026-11-01T00:00:00Z', last: '2026-11-03T00:00:00Z', buckets: [expect.objectContaining({ bucket: 'a' }), expect.objectContaining({ bucket: 'b' })] }),
    ]);
  });

  it('counts callers in the scope only, and names a session name used by two principals', () => {
    const acme = assumer('arn:aws:iam::444455556666:user/acme-collector');
    const other = assumer('arn:aws:iam::444455556666:user/intern');
    const { callers, shared } = summariseCallers(
      role,
      [assumption('2026-10-31T20:00:00Z', acme), assumption('2026-11-02T00:00:00Z', acme), assumption('2026-11-03T00:00:00Z', acme), assumption('2026-11-04T00:00:00Z', other)],
      scope,
    );
    expect(callers.map((c) => [c.userArn, c.count, c.withExternalId])).toEqual([
      [acme.arn, 2, 2],
      [other.arn, 1, 1],
    ]);
    expect(shared).toEqual([{ sessionName: 'AcmeMonitoring', assumers: [acme, other], count: 3 }]);
  });

  it('ties the keys that made a call to whoever was issued them', () => {
    const acme = assumer('arn:aws:iam::444455556666:user/acme-collector');
    const ids = identitiesOf(
      [
        { sessionId: 'AROAEXAMPLE:AcmeMonitoring', accessKeyId: 'ASIAKEY1', sourceIps: 1, calls: 1, failed: 0, first: '2026-11-02T00:00:00Z', last: '2026-11-02T00:00:00Z' },
        { sessionId: 'AROAEXAMPLE:AcmeMonitoring', accessKeyId: 'ASIAKEY9', sourceIps: 1, calls: 2, failed: 0, first: '2026-11-03T00:00:00Z', last: '2026-11-03T00:00:00Z' },
      ],
      [assumption('2026-11-02T00:00:00Z', acme, 'AcmeMonitoring', 'ASIAKEY1')],
    );
    expect(ids.map((i) => [i.assumer?.arn ?? null, i.calls, i.accessKeyIds])).toEqual([
      [null, 2, ['ASIAKEY9']],
      [acme.arn, 1, ['ASIAKEY1']],
    ]);
  });
});

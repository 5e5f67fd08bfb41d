import type { Finding } from './types';

/** A valid detection finding for tests, with `extra` laid over it. */
export function testFinding(id: string, extra: Partial<Finding> = {}): Finding {
  return {
    id,
    source: 'detection',
    type: 'Trailscope:CloudTrail/LoggingDisabled',
    severity: 8,
    severityLabel: 'High',
    title: 'CloudTrail logging disabled: demo-trail-2',
    description: 'StopLogging on demo-trail-2',
    firstSeen: '2026-11-18T09:41:23Z',
    lastSeen: '2026-11-18T09:41:23Z',
    accountId: '123456789012',
    region: 'us-east-1',
    actor: { accessKeyId: 'ASIAEXAMPLE', principalId: 'AROAEXAMPLE:sara', arn: null, userName: 'Role', userType: 'AssumedRole', sessionId: 'AROAEXAMPLE:sara' },
    resources: [{ type: 'Trail', id: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/demo-trail-2' }],
    evidenceEventIds: ['e1'],
    rule: 'cloudtrail-logging-stopped',
    count: 1,
    ...extra,
  };
}

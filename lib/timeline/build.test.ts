import { describe, expect, it } from 'vitest';
import { buildTimeline } from './build';
import type { TimelineRow } from './query';

function row(over: Partial<TimelineRow> & Pick<TimelineRow, 'event_id' | 'event_time'>): TimelineRow {
  return { event_source: 'ec2.amazonaws.com', event_name: 'DescribeInstances', error_code: null, source_ip: '198.51.100.7', region: 'us-east-1', role_arn: null, role_session_name: null, assumed_role_id: null, ...over };
}

describe('buildTimeline', () => {
  const rows = [
    row({ event_id: 'e1', event_time: '2026-11-18T09:38:05Z', event_source: 'cloudtrail.amazonaws.com', event_name: 'StopLogging' }),
    row({ event_id: 'e2', event_time: '2026-11-18T09:38:40Z', event_name: 'RunInstances', error_code: 'Client.UnauthorizedOperation' }),
    row({
      event_id: 'e3',
      event_time: '2026-11-18T09:43:10Z',
      event_source: 'sts.amazonaws.com',
      event_name: 'AssumeRole',
      role_arn: 'arn:aws:iam::123456789012:role/DemoRole1',
      role_session_name: 'sara',
      assumed_role_id: 'AROAGMFS4MS4L2EGNLIPQ:sara',
    }),
  ];

  it('groups by minute in time order and counts failures', () => {
    const t = buildTimeline(rows, []);
    expect(t.map((m) => [m.minute, m.events.map((e) => e.eventId), m.failed])).toEqual([
      ['2026-11-18T09:38Z', ['e1', 'e2'], 1],
      ['2026-11-18T09:43Z', ['e3'], 0],
    ]);
    expect(t[0]?.events[0]).toMatchObject({ service: 'cloudtrail', eventName: 'StopLogging' });
  });

  it('marks the AssumeRole call with the session it started, and a finding on its evidence event', () => {
    const t = buildTimeline(rows, [{ kind: 'finding', at: '2026-11-18T09:38:05Z', findingId: 'det-1', title: 'CloudTrail logging disabled', severityLabel: 'High', eventIds: ['e1'] }]);
    expect(t[1]?.events[0]?.marks).toEqual([
      { kind: 'assumed', at: '2026-11-18T09:43:10Z', eventId: 'e3', roleArn: 'arn:aws:iam::123456789012:role/DemoRole1', sessionId: 'AROAGMFS4MS4L2EGNLIPQ:sara', sessionName: 'sara' },
    ]);
    expect(t[0]?.events[0]?.marks.map((m) => m.kind)).toEqual(['finding']);
    expect(t[0]?.marks).toEqual([]);
  });

  it('puts the hop that started the session, and findings without evidence here, on their minute', () => {
    const t = buildTimeline(rows, [
      { kind: 'started', at: '2026-11-18T09:30:00Z', eventIds: ['e0'], assumer: 'sara (IAM Identity Center)', label: 'proven' },
      { kind: 'finding', at: '2026-11-18T09:43:30Z', findingId: 'gd-1', title: 'GuardDuty', severityLabel: 'Medium', eventIds: [] },
    ]);
    expect(t.map((m) => m.minute)).toEqual(['2026-11-18T09:30Z', '2026-11-18T09:38Z', '2026-11-18T09:43Z']);
    expect(t[0]?.marks[0]).toMatchObject({ kind: 'started', assumer: 'sara (IAM Identity Center)' });
    expect(t[2]?.marks[0]).toMatchObject({ kind: 'finding', findingId: 'gd-1' });
  });

  it('does not mark a failed AssumeRole as a session started', () => {
    const t = buildTimeline([row({ event_id: 'x', event_time: '2026-11-18T10:00:00Z', event_source: 'sts.amazonaws.com', event_name: 'AssumeRole', error_code: 'AccessDenied' })], []);
    expect(t[0]?.events[0]?.marks).toEqual([]);
  });
});

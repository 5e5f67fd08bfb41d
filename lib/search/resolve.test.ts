import { describe, expect, it } from 'vitest';
import { classifySearch } from './classify';
import type { IdentityRow } from './queries/identity-lookup';
import { lookupFor, resolveSearch } from './resolve';

const scope = { from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' };
const qs = 'from=2026-11-18T09%3A00%3A00Z&to=2026-11-18T11%3A00%3A00Z';
const resolve = (input: string, rows: IdentityRow[] = [], s = scope) => resolveSearch(classifySearch(input), rows, s);

const session = (principalId: string, roleArn: string, events = 3, lastSeen = '2026-11-18T09:47:11Z'): IdentityRow => ({
  type: 'AssumedRole',
  principalId,
  arn: null,
  roleArn,
  events,
  lastSeen,
});
const DEMO = 'arn:aws:iam::123456789012:role/DemoRole1';

describe('resolveSearch: straight to a profile', () => {
  it.each([
    ['arn:aws:iam::123456789012:role/DemoRole1', `/roles/${encodeURIComponent(DEMO)}?${qs}`],
    ['AROAGMFS4MS4L2EGNLIPQ:sara', `/role-sessions/AROAGMFS4MS4L2EGNLIPQ%3Asara?${qs}`],
    ['arn:aws:iam::444455556666:user/acme-collector', `/users/${encodeURIComponent('arn:aws:iam::444455556666:user/acme-collector')}?${qs}`],
    ['18.184.7.93', `/ips/18.184.7.93?${qs}`],
    ['2600:1f18::1', `/ips/2600%3A1f18%3A%3A1?${qs}`],
    ['ec2.amazonaws.com', `/services/ec2.amazonaws.com?${qs}`],
    ['123456789012', `/events?${qs}&account=123456789012`],
    ['sara', `/role-sessions?${qs}&sessionName=sara`],
  ])('%s', (input, href) => {
    expect(resolve(input)).toEqual({ kind: 'redirect', href });
  });

  it('without a scope in the search, the links carry none, so the profile picks its default', () => {
    expect(resolve('18.184.7.93', [], { from: '', to: '' })).toEqual({ kind: 'redirect', href: '/ips/18.184.7.93' });
  });

  it('runs no lookup for them', () => {
    for (const input of ['arn:aws:iam::123456789012:role/DemoRole1', 'AROAGMFS4MS4L2EGNLIPQ:sara', 'sara', '18.184.7.93']) {
      expect(lookupFor(classifySearch(input))).toBeNull();
    }
  });
});

describe('resolveSearch: after a lookup', () => {
  it('asks the right field for each kind', () => {
    expect(lookupFor(classifySearch('arn:aws:sts::123456789012:assumed-role/DemoRole1/sara'))).toEqual({ by: 'arn', value: 'arn:aws:sts::123456789012:assumed-role/DemoRole1/sara' });
    expect(lookupFor(classifySearch('AROAGMFS4MS4L2EGNLIPQ'))).toEqual({ by: 'roleId', value: 'AROAGMFS4MS4L2EGNLIPQ' });
    expect(lookupFor(classifySearch('AIDACD5WHJ6TSCKZDUIAM'))).toEqual({ by: 'principalId', value: 'AIDACD5WHJ6TSCKZDUIAM' });
    expect(lookupFor(classifySearch('ASIAGYIUDRGDIR6VGAER'))).toEqual({ by: 'accessKeyId', value: 'ASIAGYIUDRGDIR6VGAER' });
  });

  it('a session ARN with one principal id opens that session', () => {
    expect(resolve('arn:aws:sts::123456789012:assumed-role/DemoRole1/sara', [session('AROAGMFS4MS4L2EGNLIPQ:sara', DEMO)])).toEqual({
      kind: 'redirect',
      href: `/role-sessions/AROAGMFS4MS4L2EGNLIPQ%3Asara?${qs}`,
    });
  });

  it('a session ARN of a re-created role lists both sessions, newest first', () => {
    const out = resolve('arn:aws:sts::123456789012:assumed-role/DemoRole1/sara', [
      session('AROAOLDOLDOLDOLDOLD01:sara', DEMO, 5, '2026-10-01T00:00:00Z'),
      session('AROAGMFS4MS4L2EGNLIPQ:sara', DEMO, 3, '2026-11-18T09:47:11Z'),
    ]);
    expect(out.kind).toBe('candidates');
    if (out.kind !== 'candidates') return;
    expect(out.candidates.map((c) => c.href)).toEqual([`/role-sessions/AROAGMFS4MS4L2EGNLIPQ%3Asara?${qs}`, `/role-sessions/AROAOLDOLDOLDOLDOLD01%3Asara?${qs}`]);
    expect(out.candidates[0]).toMatchObject({ label: 'DemoRole1/sara', kind: 'Role session', detail: '3 events, last 2026-11-18 09:47:11 UTC' });
    expect(out.message).toContain('2 identities');
  });

  it('a session ARN nobody used says so and offers the nearest lists', () => {
    const out = resolve('arn:aws:sts::123456789012:assumed-role/DemoRole1/nobody');
    expect(out).toMatchObject({ kind: 'nothing', message: expect.stringContaining('No event') });
    if (out.kind !== 'nothing') return;
    expect(out.suggestions.map((s) => s.href)).toEqual([
      `/role-sessions?${qs}&role=DemoRole1&sessionName=nobody`,
      `/events?${qs}&principal=${encodeURIComponent('arn:aws:sts::123456789012:assumed-role/DemoRole1/nobody')}`,
    ]);
  });

  it('a role id opens its role; rows of many sessions of it are one candidate', () => {
    const rows = [session('AROAGMFS4MS4L2EGNLIPQ:sara', DEMO), session('AROAGMFS4MS4L2EGNLIPQ:bob', DEMO)];
    expect(resolve('AROAGMFS4MS4L2EGNLIPQ', rows)).toEqual({ kind: 'redirect', href: `/roles/${encodeURIComponent(DEMO)}?${qs}` });
    expect(resolve('AROAGMFS4MS4L2EGNLIPQ').kind).toBe('nothing');
  });

  it('a user id opens the user, ignoring the role account’s copies that name it by id only', () => {
    const arn = 'arn:aws:iam::444455556666:user/acme-collector';
    const rows: IdentityRow[] = [
      { type: 'AWSAccount', principalId: 'AIDACD5WHJ6TSCKZDUIAM', arn: null, roleArn: null, events: 140, lastSeen: '2026-11-19T00:00:00Z' },
      { type: 'IAMUser', principalId: 'AIDACD5WHJ6TSCKZDUIAM', arn, roleArn: null, events: 281, lastSeen: '2026-11-19T00:00:00Z' },
    ];
    expect(resolve('AIDACD5WHJ6TSCKZDUIAM', rows)).toEqual({ kind: 'redirect', href: `/users/${encodeURIComponent(arn)}?${qs}` });
  });

  it('an access key opens the session or user that used it, else its events', () => {
    expect(resolve('ASIAGYIUDRGDIR6VGAER', [session('AROAGMFS4MS4L2EGNLIPQ:sara', DEMO)])).toEqual({ kind: 'redirect', href: `/role-sessions/AROAGMFS4MS4L2EGNLIPQ%3Asara?${qs}` });
    const user: IdentityRow = { type: 'IAMUser', principalId: 'AIDACD5WHJ6TSCKZDUIAM', arn: 'arn:aws:iam::444455556666:user/acme-collector', roleArn: null, events: 9, lastSeen: '2026-11-19T00:00:00Z' };
    expect(resolve('AKIAIOSFODNN7EXAMPLE', [user])).toMatchObject({ kind: 'redirect', href: expect.stringMatching(/^\/users\//) });
    expect(resolve('AKIAIOSFODNN7EXAMPLE')).toEqual({ kind: 'redirect', href: `/events?${qs}&accessKeyId=AKIAIOSFODNN7EXAMPLE` });
  });

  it('a full lookup (more rows than the limit) is never taken as the only answer', () => {
    const rows = Array.from({ length: 11 }, (_, i) => session(`AROAGMFS4MS4L2EGNLIPQ:s${i}`, DEMO));
    const out = resolve('ASIAGYIUDRGDIR6VGAER', rows);
    expect(out).toMatchObject({ kind: 'candidates', message: expect.stringContaining('more than 10') });
    if (out.kind === 'candidates') expect(out.candidates).toHaveLength(10);
  });
});

describe('resolveSearch: nothing to go to', () => {
  it('an ARN without a profile offers its events', () => {
    expect(resolve('arn:aws:s3:::my-bucket')).toMatchObject({ kind: 'nothing', suggestions: [{ href: `/events?${qs}&principal=${encodeURIComponent('arn:aws:s3:::my-bucket')}` }] });
  });

  it('explains why hostile input is not looked up', () => {
    expect(resolve("' OR 1=1 --")).toEqual({ kind: 'nothing', message: expect.stringContaining('spaces or characters'), suggestions: [] });
    expect(resolve('')).toMatchObject({ kind: 'nothing', suggestions: [] });
  });
});

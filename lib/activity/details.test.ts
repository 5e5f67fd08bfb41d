import { describe, expect, it } from 'vitest';
import type { Subject } from '@/lib/subjects/subject';
import { detailLinks } from './details-links';
import { filterDetailRows, nextSort, sortDetailRows } from './details-table';
import { detailsParams, detailsTabOf, subjectFromRef, volumeParams } from './params';
import type { DetailRow } from './scope-details';

const row = (key: string | null, success: number, failed: number, firstSeen: string, service: string | null = null): DetailRow => ({
  key,
  service,
  success,
  failed,
  firstSeen,
  lastSeen: firstSeen.replace('T09', 'T10'),
});

const rows: DetailRow[] = [
  row('198.51.100.7', 12, 0, '2026-11-18T09:05:00Z'),
  row('AWS Internal', 3, 3, '2026-11-18T09:01:00Z'),
  row(null, 7, 1, '2026-11-18T09:30:00Z'),
  row('203.0.113.9', 7, 2, '2026-11-18T09:00:00Z'),
];
const keys = (rs: readonly DetailRow[]) => rs.map((r) => r.key);

describe('details table: sort', () => {
  it('sorts counts numerically, ties by key', () => {
    expect(keys(sortDetailRows(rows, { column: 'success', direction: 'desc' }))).toEqual(['198.51.100.7', '203.0.113.9', null, 'AWS Internal']);
    expect(keys(sortDetailRows(rows, { column: 'failed', direction: 'asc' }))).toEqual(['198.51.100.7', null, '203.0.113.9', 'AWS Internal']);
  });

  it('sorts ISO times chronologically and names by code point', () => {
    expect(keys(sortDetailRows(rows, { column: 'firstSeen', direction: 'asc' }))).toEqual(['203.0.113.9', 'AWS Internal', '198.51.100.7', null]);
    expect(keys(sortDetailRows(rows, { column: 'key', direction: 'asc' }))).toEqual(['198.51.100.7', '203.0.113.9', 'AWS Internal', null]);
  });

  it('keeps missing values last in both directions', () => {
    expect(keys(sortDetailRows(rows, { column: 'key', direction: 'desc' }))).toEqual(['AWS Internal', '203.0.113.9', '198.51.100.7', null]);
  });

  it('does not touch its input', () => {
    const before = keys(rows);
    sortDetailRows(rows, { column: 'key', direction: 'desc' });
    expect(keys(rows)).toEqual(before);
  });

  it('a header click flips the same column, and starts counts high and names A→Z', () => {
    expect(nextSort(null, 'failed')).toEqual({ column: 'failed', direction: 'desc' });
    expect(nextSort({ column: 'failed', direction: 'desc' }, 'failed')).toEqual({ column: 'failed', direction: 'asc' });
    expect(nextSort({ column: 'failed', direction: 'desc' }, 'key')).toEqual({ column: 'key', direction: 'asc' });
    expect(nextSort({ column: 'key', direction: 'asc' }, 'lastSeen')).toEqual({ column: 'lastSeen', direction: 'desc' });
  });
});

describe('details table: filter', () => {
  const apis = [row('AttachRolePolicy', 1, 1, '2026-11-18T09:46:30Z', 'iam.amazonaws.com'), row('RunInstances', 1, 0, '2026-11-18T09:45:02Z', 'ec2.amazonaws.com')];

  it('matches key or service, ignoring case and surrounding blanks', () => {
    expect(keys(filterDetailRows(apis, ' attach '))).toEqual(['AttachRolePolicy']);
    expect(keys(filterDetailRows(apis, 'EC2'))).toEqual(['RunInstances']);
    expect(keys(filterDetailRows(apis, ''))).toEqual(['AttachRolePolicy', 'RunInstances']);
    expect(filterDetailRows(rows, 'internal')).toHaveLength(1);
    expect(filterDetailRows(rows, 'nothing')).toEqual([]);
  });
});

describe('details links', () => {
  const scope = { from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' };
  const session: Subject = { kind: 'role-session', principalId: 'AROAGMFS4MS4L2EGNLIPQ:sara' };
  const q = (url: string | null) => Object.fromEntries(new URL(url ?? 'x:/', 'http://h').searchParams);

  it('open /events with the subject, the row and the scope; the failed count adds errorCode=*', () => {
    const links = detailLinks('apis', { key: 'AttachRolePolicy', service: 'iam.amazonaws.com', success: 1, failed: 1 }, session, scope);
    expect(links.succeeded?.startsWith('/events?')).toBe(true);
    const api = { principal: 'AROAGMFS4MS4L2EGNLIPQ:sara', eventName: 'AttachRolePolicy', eventSource: 'iam.amazonaws.com', ...scope };
    expect(q(links.succeeded)).toEqual({ ...api, errorCode: 'none' });
    expect(q(links.failed)).toEqual({ ...api, errorCode: '*' });
    const ipLinks = detailLinks('ips', { key: '98.80.15.122', success: 3, failed: 0 }, session, scope);
    expect(q(ipLinks.succeeded)).toMatchObject({ ip: '98.80.15.122' });
    expect(ipLinks.profile).toBe(`/ips/98.80.15.122?from=${encodeURIComponent(scope.from)}&to=${encodeURIComponent(scope.to)}`);
    expect(q(detailLinks('keys', { key: 'ASIADR325FJKVEAOOZ6V', success: 3, failed: 0 }, { kind: 'ip', ip: '98.80.15.122' }, scope).succeeded)).toEqual({
      ip: '98.80.15.122',
      accessKeyId: 'ASIADR325FJKVEAOOZ6V',
      errorCode: 'none',
      ...scope,
    });
  });

  it('no failed link for a row without failures; no link at all for a value /events cannot select', () => {
    expect(detailLinks('apis', { key: 'RunInstances', success: 1, failed: 0 }, session, scope).failed).toBeNull();
    expect(detailLinks('ips', { key: 'AWS Internal', success: 1, failed: 2 }, session, scope)).toEqual({ succeeded: null, failed: null, profile: null });
    expect(detailLinks('keys', { key: null, success: 1, failed: 2 }, session, scope)).toEqual({ succeeded: null, failed: null, profile: null });
  });
});

describe('activity params', () => {
  it('volume: bucket from the allowlist, baseline 1–90 days defaulting to 45', () => {
    expect(volumeParams.parse({})).toEqual({ bucket: undefined, baseline: 45 });
    expect(volumeParams.parse({ bucket: '1h', baseline: '30' })).toEqual({ bucket: '1h', baseline: 30 });
    expect(volumeParams.parse({ bucket: '', baseline: '' })).toEqual({ bucket: undefined, baseline: 45 });
    const bad = volumeParams.safeParse({ bucket: '1 hour; DROP' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['bucket']);
    expect(volumeParams.safeParse({ baseline: '91' }).success).toBe(false);
    expect(volumeParams.safeParse({ baseline: '0' }).success).toBe(false);
    expect(volumeParams.safeParse({ baseline: '2.5' }).success).toBe(false);
    for (const baseline of ['abc', '0', '91', '2.5']) {
      expect(volumeParams.safeParse({ baseline }).error?.issues[0]?.message).toBe('must be a whole number of days from 1 to 90');
    }
  });

  it('details tab: strict for the API, forgiving for a page link', () => {
    expect(detailsParams.parse({}).details).toBe('ips');
    expect(detailsParams.parse({ details: 'keys' }).details).toBe('keys');
    expect(detailsParams.safeParse({ details: 'resources' }).success).toBe(false);
    expect(detailsTabOf('apis')).toBe('apis');
    expect(detailsTabOf('resources')).toBe('ips');
    expect(detailsTabOf(null)).toBe('ips');
  });

  it('subject from kind and id, validated by the subject schema', () => {
    expect(subjectFromRef({ kind: 'role-session', id: 'AROAGMFS4MS4L2EGNLIPQ:sara' }).data).toEqual({
      kind: 'role-session',
      principalId: 'AROAGMFS4MS4L2EGNLIPQ:sara',
    });
    expect(subjectFromRef({ kind: 'role', id: 'arn:aws:iam::123456789012:role/DemoRole1' }).success).toBe(true);
    expect(subjectFromRef({ kind: 'role', id: 'arn:aws:iam::123456789012:user/alice' }).success).toBe(false);
    expect(subjectFromRef({ kind: 'role-session', id: 'sara' }).success).toBe(false);
  });
});

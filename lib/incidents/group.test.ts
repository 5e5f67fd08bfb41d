import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '@/lib/findings/store';
import { testFinding } from '@/lib/findings/test-finding';
import type { FindingOrigin } from '@/lib/findings/origins';
import { groupIncidents, incidentId } from './group';

const sara: FindingOrigin = { key: 'sso-user:123456789012/sara', type: 'sso-user', name: 'sara', arn: null, session: 'AROASSO:sara' };
const dkim: FindingOrigin = { key: 'iam-user:arn:aws:iam::123456789012:user/dkim', type: 'iam-user', name: 'dkim', arn: 'arn:aws:iam::123456789012:user/dkim', session: 'AROAOPS:dkim' };

function stored(id: string, origin: FindingOrigin | null, firstSeen: string, lastSeen = firstSeen, extra: Partial<StoredFinding> = {}): StoredFinding {
  return { ...testFinding(id, { firstSeen, lastSeen, severity: 5, severityLabel: 'Medium' }), techniques: [], status: 'new', assignee: null, statusChangedAt: null, origin, ...extra };
}

describe('groupIncidents', () => {
  it('groups one origin’s findings that come within a day of each other, and keeps its id as more join', () => {
    const first = [stored('det-a', sara, '2026-11-18T09:41:23Z'), stored('det-b', sara, '2026-11-18T09:46:30Z', '2026-11-18T09:47:00Z', { severity: 8, severityLabel: 'High' })];
    const [incident, ...rest] = groupIncidents(first);
    expect(rest).toEqual([]);
    expect(incident).toMatchObject({
      id: incidentId(sara.key, 'det-a'),
      originLabel: 'sara (IAM Identity Center)',
      // Kinds by rule, once each: both are the logging-stopped rule.
      title: 'sara (IAM Identity Center): CloudTrail logging disabled',
      firstSeen: '2026-11-18T09:41:23Z',
      lastSeen: '2026-11-18T09:47:00Z',
      severity: 8,
      severityLabel: 'High',
      open: true,
      scope: { from: '2026-11-18T09:00:00Z', to: '2026-11-18T10:00:00Z' },
    });
    expect(incident!.findings.map((f) => f.id)).toEqual(['det-a', 'det-b']);
    const later = groupIncidents([...first, stored('det-c', sara, '2026-11-19T08:00:00Z')]);
    expect(later.map((i) => [i.id, i.findings.length])).toEqual([[incident!.id, 3]]);
  });

  it('starts a new incident after a day of quiet, and one finding alone is no incident', () => {
    const incidents = groupIncidents([
      stored('det-a', sara, '2026-11-01T09:00:00Z'),
      stored('det-b', sara, '2026-11-01T10:00:00Z', '2026-11-02T10:00:00Z'),
      stored('det-c', sara, '2026-11-03T09:00:00Z'),
      stored('det-d', sara, '2026-11-10T09:00:00Z'),
      stored('det-e', sara, '2026-11-10T12:00:00Z'),
      stored('det-f', sara, '2026-11-20T12:00:00Z'),
    ]);
    expect(incidents.map((i) => i.findings.map((f) => f.id))).toEqual([['det-d', 'det-e'], ['det-a', 'det-b', 'det-c']]);
  });

  it('keeps origins apart, leaves out findings without one, and is closed when every finding is', () => {
    const incidents = groupIncidents([
      stored('det-a', sara, '2026-11-18T09:00:00Z'),
      stored('det-b', dkim, '2026-11-18T09:10:00Z', undefined, { status: 'resolved' }),
      stored('det-c', dkim, '2026-11-18T09:20:00Z', undefined, { status: 'benign' }),
      stored('det-d', null, '2026-11-18T09:30:00Z'),
    ]);
    expect(incidents.map((i) => [i.origin.name, i.findings.length, i.open])).toEqual([['dkim', 2, false]]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from './types';
import { testFinding } from './test-finding';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-workflow-'));
process.env.TRAILSCOPE_DATA_DIR = dataDir;

const { closeStateDb } = await import('@/lib/state/db');
const { countFindings, getFinding, listFindings, upsertFindings } = await import('./store');
const { findingActivity, triageFindings } = await import('./workflow');

afterAll(async () => {
  await closeStateDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function finding(id: string, lastSeen = '2026-11-18T10:00:00Z'): Finding {
  return testFinding(id, { title: `finding ${id}`, firstSeen: '2026-11-18T09:00:00Z', lastSeen, evidenceEventIds: [`e-${id}`] });
}

const at = new Date('2026-12-01T08:00:00Z');

describe('triage', () => {
  it('changes status and assignee, keeps notes, and records each step with who and when', async () => {
    await upsertFindings([finding('det-a'), finding('det-b')]);
    expect(await getFinding('det-a')).toMatchObject({ status: 'new', assignee: null, statusChangedAt: null });

    expect(await triageFindings(['det-a'], { status: 'investigating', assignee: 'alice' }, 'alice', at)).toEqual({ changed: ['det-a'], unchanged: [], missing: [] });
    expect(await triageFindings(['det-a'], { note: 'Asked sara whether she stopped the trail.' }, 'bob', at)).toMatchObject({ changed: ['det-a'] });
    expect(await getFinding('det-a')).toMatchObject({ status: 'investigating', assignee: 'alice', statusChangedAt: '2026-12-01T08:00:00Z' });
    expect((await findingActivity('det-a')).map(({ actor, kind, from, to, note, at: when }) => [actor, kind, from, to, note, when])).toEqual([
      ['alice', 'status', 'new', 'investigating', null, '2026-12-01T08:00:00Z'],
      ['alice', 'assignee', null, 'alice', null, '2026-12-01T08:00:00Z'],
      ['bob', 'note', null, null, 'Asked sara whether she stopped the trail.', '2026-12-01T08:00:00Z'],
    ]);
  });

  it('changes many at once, says which were already so and which do not exist, and records nothing for a no-op', async () => {
    const result = await triageFindings(['det-a', 'det-b', 'det-nope', 'det-b'], { status: 'investigating' }, 'carol', at);
    expect(result).toEqual({ changed: ['det-b'], unchanged: ['det-a'], missing: ['det-nope'] });
    expect((await findingActivity('det-a')).length).toBe(3);
    expect(await triageFindings(['det-a', 'det-b'], { assignee: null }, 'carol', at)).toEqual({ changed: ['det-a'], unchanged: ['det-b'], missing: [] });
    expect(await getFinding('det-a')).toMatchObject({ assignee: null });
  });

  it('filters and counts by status and assignee', async () => {
    await upsertFindings([finding('det-c')]);
    await triageFindings(['det-c'], { status: 'benign', assignee: 'dave' }, 'dave', at);
    const ids = async (filter: Parameters<typeof listFindings>[0]) => (await listFindings(filter)).map((f) => f.id).sort();
    expect(await ids({ status: ['new', 'investigating'] })).toEqual(['det-a', 'det-b']);
    expect(await ids({ status: ['benign'] })).toEqual(['det-c']);
    expect(await ids({ assignee: 'dave' })).toEqual(['det-c']);
    expect(await ids({ assignee: '-' })).toEqual(['det-a', 'det-b']);
    expect((await countFindings({})).byStatus).toEqual({ new: 0, investigating: 2, resolved: 0, 'false-positive': 0, benign: 1 });
  });
});

describe('a finding that fires again', () => {
  it('reopens when resolved, with a history row by Trailscope, and stays closed when false positive or benign', async () => {
    await upsertFindings([finding('det-r'), finding('det-fp')]);
    await triageFindings(['det-r'], { status: 'resolved' }, 'erin', at);
    await triageFindings(['det-fp'], { status: 'false-positive' }, 'erin', at);

    // The same observation again (an overlapping detection run) is not firing again.
    expect((await upsertFindings([finding('det-r'), finding('det-fp')])).reopenedIds).toEqual([]);
    expect(await getFinding('det-r')).toMatchObject({ status: 'resolved' });

    const again = await upsertFindings([finding('det-r', '2026-11-19T03:00:00Z'), finding('det-fp', '2026-11-19T03:00:00Z')]);
    expect(again).toMatchObject({ inserted: 0, updated: 2, newIds: [], reopenedIds: ['det-r'] });
    expect(await getFinding('det-r')).toMatchObject({ status: 'new', lastSeen: '2026-11-19T03:00:00Z' });
    expect(await getFinding('det-fp')).toMatchObject({ status: 'false-positive' });
    expect((await findingActivity('det-r')).at(-1)).toMatchObject({ actor: 'trailscope', kind: 'reopened', from: 'resolved', to: 'new', note: 'Fired again after it was resolved: last seen 2026-11-19T03:00:00Z.' });
  });
});

describe('ATT&CK techniques', () => {
  it('are written with each finding from its rule or GuardDuty type, filtered (a parent matches its sub-techniques) and counted', async () => {
    await upsertFindings([
      testFinding('det-t1', { rule: 'iam-access-key-for-other-user', type: 'Trailscope:IAM/AccessKeyCreatedForOtherUser' }),
      testFinding('gd-t2', { source: 'guardduty', rule: null, type: 'Stealth:IAMUser/CloudTrailLoggingDisabled' }),
    ]);
    expect((await getFinding('det-t1'))?.techniques).toEqual(['T1098.001']);
    expect((await getFinding('gd-t2'))?.techniques).toContain('T1562.008');
    const ids = async (technique: string) => (await listFindings({ technique, status: ['new', 'investigating', 'resolved', 'false-positive', 'benign'] })).map((f) => f.id).sort();
    expect(await ids('T1098.001')).toEqual(['det-t1']);
    expect(await ids('T1098')).toEqual(['det-t1']);
    expect(await ids('T1562')).toContain('gd-t2');
    expect(await ids('T1562')).not.toContain('det-t1');
    expect((await countFindings({})).byTechnique).toContainEqual({ technique: 'T1098.001', count: 1 });
  });
});

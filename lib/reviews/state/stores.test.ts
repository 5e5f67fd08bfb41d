import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-reviews-state-'));
// Before lib/env is first read: env() is parsed once per process.
process.env.TRAILSCOPE_DATA_DIR = dataDir;

const { closeStateDb } = await import('@/lib/state/db');
const { deleteExpectedActions, getExpectedActions, saveExpectedActions } = await import('./expected-actions-store');
const { allAuthorizationDetails, deleteAuthorizationDetails, listAuthorizationDetails, saveAuthorizationDetails } = await import('./authorization-details-store');
const { parseAuthorizationDetails } = await import('@/lib/reviews/policy/authorization-details');

const role = 'arn:aws:iam::123456789012:role/VendorReadOnly';

describe('review state', () => {
  afterAll(async () => {
    await closeStateDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('expected actions: defaults until saved, saved with who and when, back to defaults on delete', async () => {
    expect(await getExpectedActions(role)).toMatchObject({ source: 'default', updatedBy: null });
    const saved = await saveExpectedActions(role, ['ec2:Describe*', '!iam:*'], 'admin');
    expect(saved).toMatchObject({ source: 'saved', patterns: ['ec2:Describe*', '!iam:*'], updatedBy: 'admin' });
    expect(saved.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    await saveExpectedActions(role, ['ce:*'], 'other');
    expect(await getExpectedActions(role)).toMatchObject({ patterns: ['ce:*'], updatedBy: 'other' });
    await expect(saveExpectedActions(role, ["x' OR 1=1"], 'admin')).rejects.toThrow();
    await deleteExpectedActions(role);
    expect((await getExpectedActions(role)).source).toBe('default');
  });

  it('authorization details: one per account, summaries listed, details read back, replaced and removed', async () => {
    const parsed = parseAuthorizationDetails(fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/authorization-details-production.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const summary = await saveAuthorizationDetails(parsed.details, 'prod.json', 'admin');
    expect(summary).toMatchObject({ accountId: '123456789012', fileName: 'prod.json', uploadedBy: 'admin', counts: { roles: 4, users: 4, groups: 2, policies: 2 } });
    await saveAuthorizationDetails(parsed.details, 'prod-2.json', 'admin');
    expect((await listAuthorizationDetails()).map((s) => s.fileName)).toEqual(['prod-2.json']);
    const [details] = await allAuthorizationDetails();
    expect(details?.principals.map((p) => p.name)).toContain('GitlabRunnerRole');
    expect(await deleteAuthorizationDetails('123456789012')).toBe(true);
    expect(await deleteAuthorizationDetails('123456789012')).toBe(false);
    expect(await allAuthorizationDetails()).toEqual([]);
  });
});

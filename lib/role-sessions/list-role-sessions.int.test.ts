import { describe, expect, it } from 'vitest';
import { GENERIC_SESSION, SARA, VENDOR } from '@/lib/generator/scenarios';
import { roleSessionListParams } from '@/lib/role-sessions/params';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { listRoleSessions } from './list-role-sessions';

const connection = scenarioConnection();

const scope = { from: '2026-09-01T00:00:00Z', to: '2026-11-21T00:00:00Z' };
const list = (q: Record<string, string>) => listRoleSessions(connection(), roleSessionListParams.parse({ ...scope, ...q }), scope, '2026-09-11T00:00:00Z');


describe('role session list', () => {
  it('filters by session name and role, each session with who assumed it', async () => {
    const page = await list({ sessionName: 'sara' });
    const byRole = Object.fromEntries(page.sessions.map((s) => [s.roleName, s.assumedBy.map((b) => b.assumer.type)]));
    expect(byRole).toMatchObject({ DemoRole1: ['role-session'], [SARA.ssoRole.name]: ['sso-user'] });
    const demo = await list({ role: SARA.demoRole.arn });
    expect(demo.sessions.map((s) => s.sessionId)).toEqual([`${SARA.demoRole.roleId}:sara`]);
    expect((await list({ role: 'DemoRole1' })).sessions).toHaveLength(1);
  });

  it('filters by assumer: only sessions whose credentials that caller obtained', async () => {
    const page = await list({ assumer: GENERIC_SESSION.otherUser.arn });
    expect(page.sessions.map((s) => s.sessionId)).toEqual([`${GENERIC_SESSION.role.roleId}:${GENERIC_SESSION.sessionName}`]);
    const vendor = await list({ assumer: VENDOR.callerUser.arn });
    expect(vendor.sessions.map((s) => s.roleArn)).toEqual([VENDOR.role.arn]);
  });

  it('sorts by any column and pages without repeats', async () => {
    const byEvents = await list({ sort: 'events', order: 'desc', limit: '5' });
    const counts = byEvents.sessions.map((s) => s.eventCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const page = await list({ sort: 'session_id', order: 'asc', limit: '10', ...(cursor ? { cursor } : {}) });
      for (const s of page.sessions) {
        expect(seen.has(s.sessionId)).toBe(false);
        seen.add(s.sessionId);
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});

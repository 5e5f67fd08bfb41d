import { describe, expect, it } from 'vitest';
import { CHAIN, GITLAB_RUNNER, SARA, scenarioTruths, VENDOR } from '@/lib/generator/scenarios';
import { assumedRoleArn } from '@/lib/generator/world';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { search } from './search';

/**
 * The header search through the real embedded engine, on the generator's truths (seed 7, default
 * end). The scope is the hours around sara's incident; lookups read it and the 90 days before.
 */
const connection = scenarioConnection();
const END = Date.parse('2026-11-20T00:00:00Z');
const truths = scenarioTruths({ seed: '7', end: END, variant: 'default' });
const scope = { from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' };
const qs = 'from=2026-11-18T09%3A00%3A00Z&to=2026-11-18T11%3A00%3A00Z';
const run = (q: string) => search(connection(), q, scope, scope);
const sessionHref = (id: string) => `/role-sessions/${encodeURIComponent(id)}?${qs}`;

describe('search', () => {
  it('sara’s DemoRole1 session ARN lands on that session, with one bounded lookup', async () => {
    const r = await run(assumedRoleArn(SARA.demoRole, SARA.sessionName));
    expect(r.outcome).toEqual({ kind: 'redirect', href: sessionHref(`${SARA.demoRole.roleId}:sara`) });
    expect(r.panel?.sql).toContain('useridentity.arn = ?');
    expect(r.panel?.params.slice(0, 2)).toEqual(['2026-08-20T09:00:00Z', '2026-11-18T11:00:00Z']);
  });

  it('the incident’s ASIA keys land on the sessions that used them', async () => {
    expect((await run(truths.sara.incidentDemoRoleAccessKeyId)).outcome).toEqual({ kind: 'redirect', href: sessionHref(`${SARA.demoRole.roleId}:sara`) });
    expect((await run(truths.sara.incidentSsoAccessKeyId)).outcome).toEqual({ kind: 'redirect', href: sessionHref(`${SARA.ssoRole.roleId}:sara`) });
  });

  it('a key used after the scope ends is not found; its events page is offered instead', async () => {
    // The runner's misused key is used the day after this scope.
    expect((await run(truths.gitlabRunner.misusedAccessKeyId)).outcome).toEqual({ kind: 'redirect', href: `/events?${qs}&accessKeyId=${truths.gitlabRunner.misusedAccessKeyId}` });
  });

  it('a user’s long-term key lands on the user', async () => {
    expect((await run(VENDOR.callerUser.accessKeyId)).outcome).toEqual({ kind: 'redirect', href: `/users/${encodeURIComponent(VENDOR.callerUser.arn)}?${qs}` });
  });

  it('an AIDA id lands on its user, an AROA id on its role', async () => {
    expect((await run(CHAIN.user.userId)).outcome).toEqual({ kind: 'redirect', href: `/users/${encodeURIComponent(CHAIN.user.arn)}?${qs}` });
    expect((await run(VENDOR.callerUser.userId)).outcome).toEqual({ kind: 'redirect', href: `/users/${encodeURIComponent(VENDOR.callerUser.arn)}?${qs}` });
    expect((await run(GITLAB_RUNNER.role.roleId)).outcome).toEqual({ kind: 'redirect', href: `/roles/${encodeURIComponent(GITLAB_RUNNER.role.arn)}?${qs}` });
  });

  it('an instance-profile session ARN lands on the instance’s session', async () => {
    const id = GITLAB_RUNNER.instanceIds[0] as string;
    expect((await run(assumedRoleArn(GITLAB_RUNNER.role, id))).outcome).toEqual({ kind: 'redirect', href: sessionHref(`${GITLAB_RUNNER.role.roleId}:${id}`) });
  });

  it('a session ARN nobody used says nothing matched', async () => {
    const r = await run(assumedRoleArn(SARA.demoRole, 'nobody'));
    expect(r.outcome).toMatchObject({ kind: 'nothing', message: expect.stringContaining('No event') });
    expect(r.panel?.rows).toEqual([]);
  });

  it('ids nobody in the window carries say nothing matched', async () => {
    expect((await run('AROAAAAAAAAAAAAAAAAAA')).outcome.kind).toBe('nothing');
    expect((await run('AIDAAAAAAAAAAAAAAAAAA')).outcome.kind).toBe('nothing');
  });

  it('hostile input runs no query', async () => {
    const r = await run("x' OR '1'='1");
    expect(r.panel).toBeNull();
    expect(r.outcome.kind).toBe('nothing');
  });
});

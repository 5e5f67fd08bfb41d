import { describe, expect, it } from 'vitest';
import { ATTACKER_CLI, awsCli, BROWSER_CHROME_MAC, CLI_MAC } from '@/lib/generator/user-agents';
import type { Observed } from './observations';
import { newUserAgents } from './user-agents';

const seen = (baselineCalls: number, success: number, firstSeen = '2026-11-18T09:00:00Z'): Observed => ({
  baselineCalls,
  scope: { success, failed: 0 },
  firstSeen: success > 0 ? firstSeen : null,
  baselineLastSeen: null,
});

describe('newUserAgents', () => {
  it('groups new raw agents by family and marks a family never seen before', () => {
    const families = newUserAgents(
      new Map<string, Observed>([
        [awsCli(CLI_MAC, 'ec2', 'DescribeInstances'), seen(40, 2)],
        [awsCli(CLI_MAC, 'cloudtrail', 'StopLogging'), seen(0, 1, '2026-11-18T09:41:23Z')],
        [ATTACKER_CLI, seen(0, 5, '2026-11-18T10:00:00Z')],
        [BROWSER_CHROME_MAC, seen(12, 0)],
      ]),
    );
    expect(families.map((f) => [f.family, f.familyNew, f.agents.length, f.success])).toEqual([
      ['aws-cli-v1', true, 1, 5],
      ['aws-cli-v2', false, 1, 1],
    ]);
    expect(families[1]?.familyBaselineCalls).toBe(40);
    expect(families[1]?.agents[0]?.filter.userAgent).toContain('cloudtrail.stop-logging');
  });

  it('an agent-less call is an unknown family, listed under the empty string', () => {
    const families = newUserAgents(new Map([['', seen(0, 1)]]));
    expect(families.map((f) => [f.family, f.agents[0]?.userAgent])).toEqual([['unknown', '']]);
  });
});

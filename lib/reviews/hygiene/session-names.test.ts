import { describe, expect, it } from 'vitest';
import { genericSessionName, sessionNameMatch } from './session-names';

describe('generic session names', () => {
  it.each([
    ['session', 'placeholder'],
    ['session1', 'placeholder'],
    ['Session-2', 'placeholder'],
    ['test', 'placeholder'],
    ['botocore-session-1763407800', 'sdk-default'],
    ['aws-go-sdk-1763407800123456789', 'sdk-default'],
    ['aws-sdk-java-1763407800123', 'sdk-default'],
    ['GitHubActions', 'sdk-default'],
    ['1763407800', 'timestamp'],
    ['3f2b8c1e-9a7d-4c55-8e0f-2d1b6a9c7e34', 'uuid'],
    ['a94f0c2d7e3b1f6a', 'random-id'],
    ['K7Q2M9X4P1R8T6W3', 'random-id'],
  ])('%s is %s', (name, kind) => {
    expect(genericSessionName(name)?.kind).toBe(kind);
  });

  it.each(['alice', 'sara', 'alice-deploy', 'pchen@example.com', 'hotfix-1763407800', 'i-0a1b2c3d4e5f67890', 'AcmeMonitoring', 'terraform-plan-payments'])(
    '%s may identify someone',
    (name) => {
      expect(genericSessionName(name)).toBeNull();
    },
  );

  it('groups an SDK’s names under one label', () => {
    expect(genericSessionName('botocore-session-1')?.label).toBe(genericSessionName('botocore-session-2')?.label);
  });
});

describe('session name against the assumer’s name', () => {
  it('is equal, contains it, or differs', () => {
    expect(sessionNameMatch('alice', 'Alice')).toBe('equal');
    expect(sessionNameMatch('alice', 'alice@example.com')).toBe('equal');
    expect(sessionNameMatch('alice-deploy', 'alice')).toBe('contains');
    expect(sessionNameMatch('session1', 'support_user')).toBe('different');
    // Too short to say a longer name contains it.
    expect(sessionNameMatch('bob-jo', 'jo')).toBe('different');
  });
});

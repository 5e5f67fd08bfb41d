import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { groupsFromClaim, mergedClaims, oidcIdentity, oidcProvider, roleFromClaims } from './oidc';

const settings = (extra: Record<string, string> = {}) => parseEnv({ TRAILSCOPE_OIDC_ADMIN_GROUPS: 'trailscope-admins, sec-leads', ...extra });

describe('roleFromClaims', () => {
  it('makes members of an admin group admins, everyone else viewers', () => {
    expect(roleFromClaims({ sub: 'a', groups: ['staff', 'trailscope-admins'] }, settings())).toBe('admin');
    expect(roleFromClaims({ sub: 'b', groups: ['staff'] }, settings())).toBe('viewer');
    expect(roleFromClaims({ sub: 'c' }, settings())).toBe('viewer');
  });

  it('makes analysts of the analyst groups, and admin wins when both match', () => {
    const both = settings({ TRAILSCOPE_OIDC_ANALYST_GROUPS: 'soc-triage' });
    expect(roleFromClaims({ sub: 'a', groups: ['soc-triage'] }, both)).toBe('analyst');
    expect(roleFromClaims({ sub: 'a', groups: ['soc-triage', 'sec-leads'] }, both)).toBe('admin');
    expect(roleFromClaims({ sub: 'a', groups: ['SOC-triage'] }, both)).toBe('viewer');
    expect(roleFromClaims({ sub: 'a', groups: ['soc-triage'] }, parseEnv({ TRAILSCOPE_OIDC_ANALYST_GROUPS: 'soc-triage' }))).toBe('analyst');
  });

  it('reads the configured claim, as an array or a space or comma separated string', () => {
    const roles = settings({ TRAILSCOPE_OIDC_GROUPS_CLAIM: 'roles' });
    expect(roleFromClaims({ sub: 'a', roles: 'staff sec-leads' }, roles)).toBe('admin');
    expect(roleFromClaims({ sub: 'a', roles: 'staff,sec-leads' }, roles)).toBe('admin');
    expect(roleFromClaims({ sub: 'a', groups: ['trailscope-admins'] }, roles)).toBe('viewer');
  });

  it('grants admin on an exact match only', () => {
    for (const groups of [['Trailscope-Admins'], ['trailscope-admins-old'], ['trailscope'], 'trailscope-admins-x', [' trailscope-admins']]) {
      expect(roleFromClaims({ sub: 'a', groups }, settings())).toBe('viewer');
    }
  });

  it('maps nobody to admin without configured admin groups, whatever the claim says', () => {
    expect(roleFromClaims({ sub: 'a', groups: ['trailscope-admins', ''] }, parseEnv({}))).toBe('viewer');
  });

  it('ignores claims of other shapes', () => {
    for (const groups of [null, 42, { 'trailscope-admins': true }, [['trailscope-admins']], [7]]) {
      expect(roleFromClaims({ sub: 'a', groups }, settings())).toBe('viewer');
    }
    expect(groupsFromClaim(['a', 1, '', 'b'])).toEqual(['a', 'b']);
  });
});

describe('oidcIdentity', () => {
  it('names the user by name, then preferred_username, then email, then subject', () => {
    expect(oidcIdentity({ sub: 's1', name: ' Ada Admin ', email: 'ada@example.com', groups: ['sec-leads'] }, settings())).toEqual({
      subject: 's1',
      name: 'Ada Admin',
      email: 'ada@example.com',
      role: 'admin',
    });
    expect(oidcIdentity({ sub: 's2', name: ' ', preferred_username: 'vera' }, settings()).name).toBe('vera');
    expect(oidcIdentity({ sub: 's3', email: 'x@example.com' }, settings()).name).toBe('x@example.com');
    expect(oidcIdentity({ sub: 's4' }, settings())).toEqual({ subject: 's4', name: 's4', email: null, role: 'viewer' });
  });
});

describe('mergedClaims', () => {
  const jwt = (payload: object) => ['e30', Buffer.from(JSON.stringify(payload)).toString('base64url'), 'sig'].join('.');

  it('adds the ID token claims userinfo lacks; userinfo wins where both have one', () => {
    const merged = mergedClaims({ sub: 's', name: 'From Userinfo' }, jwt({ sub: 's', name: 'From ID token', groups: ['g'] }));
    expect(merged).toMatchObject({ sub: 's', name: 'From Userinfo', groups: ['g'] });
    expect(mergedClaims({ sub: 's' }, undefined)).toEqual({ sub: 's' });
  });
});

describe('oidcProvider', () => {
  const configured = { TRAILSCOPE_OIDC_ISSUER: 'https://idp.example.com', TRAILSCOPE_OIDC_CLIENT_ID: 'trailscope', TRAILSCOPE_OIDC_CLIENT_SECRET: 'secret' };

  it('is off without an issuer', () => {
    expect(oidcProvider(parseEnv({}))).toBeNull();
  });

  it('keeps every Auth.js check, asks for the configured scopes and returns the mapped role', async () => {
    const provider = oidcProvider(parseEnv({ ...configured, TRAILSCOPE_OIDC_ADMIN_GROUPS: 'admins', TRAILSCOPE_OIDC_SCOPES: 'openid,profile email groups' }));
    expect(provider?.checks).toEqual(['pkce', 'state', 'nonce']);
    expect(provider?.authorization).toEqual({ params: { scope: 'openid profile email groups' } });
    const user = await provider?.profile?.({ sub: 's', name: 'Ada', groups: ['admins'] }, {});
    expect(user).toEqual({ id: 's', name: 'Ada', email: null, role: 'admin' });
  });

  it('asks for the standard scopes by default and refuses a list without openid', () => {
    expect(parseEnv(configured).TRAILSCOPE_OIDC_SCOPES).toEqual(['openid', 'profile', 'email']);
    expect(() => parseEnv({ ...configured, TRAILSCOPE_OIDC_SCOPES: 'profile email' })).toThrow(/TRAILSCOPE_OIDC_SCOPES/);
  });
});

import { describe, expect, it } from 'vitest';
import { bearerToken, checkBearer, isAllowedApiToken } from './api-tokens';

const TOKENS = ['token-aaaaaaaaaaaaaaaa', 'token-bbbbbbbbbbbbbbbbbbbbbbbb'];
const headers = (authorization?: string) => new Headers(authorization ? { authorization } : {});

describe('API tokens', () => {
  it('reads the bearer token', () => {
    expect(bearerToken(headers('Bearer abc'))).toBe('abc');
    expect(bearerToken(headers('bearer   abc '))).toBe('abc');
    expect(bearerToken(headers('Basic abc'))).toBeNull();
    expect(bearerToken(headers('Bearer a b'))).toBeNull();
    expect(bearerToken(headers())).toBeNull();
  });

  it('accepts only configured tokens, exactly', () => {
    expect(isAllowedApiToken('token-bbbbbbbbbbbbbbbbbbbbbbbb', TOKENS)).toBe(true);
    expect(isAllowedApiToken('token-bbbbbbbbbbbbbbbbbbbbbbb', TOKENS)).toBe(false);
    expect(isAllowedApiToken('token-aaaaaaaaaaaaaaaaX', TOKENS)).toBe(false);
    expect(isAllowedApiToken('anything', [])).toBe(false);
  });

  it('tells an absent token from a wrong one', () => {
    expect(checkBearer(headers(), TOKENS)).toBe('absent');
    expect(checkBearer(headers('Bearer nope'), TOKENS)).toBe('invalid');
    expect(checkBearer(headers(`Bearer ${TOKENS[0]}`), TOKENS)).toBe('valid');
  });
});

import { describe, expect, it } from 'vitest';
import { apiErrorMessage } from './error-message';

describe('apiErrorMessage', () => {
  it('names the bad parameter, else gives the message, the error, or the status', () => {
    expect(apiErrorMessage({ error: 'invalid parameter', parameter: 'focus', message: 'must be a graph node' }, 400)).toBe('focus must be a graph node');
    expect(apiErrorMessage({ error: 'invalid input', message: 'Not valid JSON' }, 400)).toBe('Not valid JSON');
    expect(apiErrorMessage({ error: 'internal error' }, 500)).toBe('internal error');
    expect(apiErrorMessage(null, 502)).toBe('the server answered 502');
  });
});

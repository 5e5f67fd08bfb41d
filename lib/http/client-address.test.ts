import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['198.51.100.1, 203.0.113.9', '203.0.113.9'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['not-an-ip', null],
    ['', null],
  ])('%j → %j', (header, expected) => expect(clientAddress(new Headers(header ? { 'x-forwarded-for': header } : {}))).toBe(expected));
});

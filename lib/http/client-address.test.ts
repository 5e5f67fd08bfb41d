import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const headers = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value });

describe('clientAddress', () => {
  it('is null without X-Forwarded-For', () => {
    expect(clientAddress(headers())).toBeNull();
    expect(clientAddress(headers(''))).toBeNull();
    expect(clientAddress(headers(' , '))).toBeNull();
  });

  it('takes the rightmost entry: the one the nearest proxy appended', () => {
    expect(clientAddress(headers('203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress(headers('6.6.6.6, 198.51.100.7'))).toBe('198.51.100.7');
    expect(clientAddress(headers('spoofed, 10.0.0.1, 198.51.100.7 '))).toBe('198.51.100.7');
  });

  it('reads a header sent twice as one list (Headers joins them with ", ")', () => {
    const h = new Headers();
    h.append('x-forwarded-for', '6.6.6.6');
    h.append('x-forwarded-for', '192.0.2.1');
    expect(clientAddress(h)).toBe('192.0.2.1');
  });

  it('drops ports, brackets, zones and the IPv4-mapped prefix Node reports for IPv4 peers', () => {
    expect(clientAddress(headers('::ffff:127.0.0.1'))).toBe('127.0.0.1');
    expect(clientAddress(headers('192.0.2.1:51234'))).toBe('192.0.2.1');
    expect(clientAddress(headers('[2001:DB8::1]:443'))).toBe('2001:db8::1');
    expect(clientAddress(headers('2001:db8::1'))).toBe('2001:db8::1');
    expect(clientAddress(headers('fe80::1%eth0'))).toBe('fe80::1');
    expect(clientAddress(headers('::1'))).toBe('::1');
  });

  it('is null when the rightmost entry is not an address', () => {
    expect(clientAddress(headers('192.0.2.1, unknown'))).toBeNull();
    expect(clientAddress(headers('<script>'))).toBeNull();
    expect(clientAddress(headers('999.1.1.1'))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { malformedPathPage, malformedPathSegment } from './malformed-path';

describe('malformedPathSegment', () => {
  it.each([
    ['/roles/arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FX', null],
    ['/roles/%E0%A4%A', '%E0%A4%A'],
    ['/findings/%', '%'],
    ['/ips/1.2.3.4%zz', '1.2.3.4%zz'],
    ['/', null],
  ])('%s → %j', (path, expected) => expect(malformedPathSegment(path)).toBe(expected));

  it('escapes what it repeats', () => {
    expect(malformedPathPage('<script>%')).toContain('&#60;script&#62;%');
  });
});

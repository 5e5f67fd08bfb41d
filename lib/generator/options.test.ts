import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, parseCliArgs, timeline } from './options';
import { DAY } from './time';

describe('CLI options', () => {
  it('applies the documented defaults, with a fixed end', () => {
    const o = parseCliArgs(['--out', '/tmp/x']);
    expect(o).toMatchObject({ outDir: '/tmp/x', events: 50_000, seed: '1', days: 70, variant: 'default' });
    expect(o?.end).toBe(Date.parse(DEFAULT_OPTIONS.end));
  });

  it('parses every flag, in both spellings', () => {
    const o = parseCliArgs(['--out=/o', '--events', '1234', '--seed', 'abc', '--end=2026-01-02T03:00:00Z', '--days', '9', '--variant', 'sara-new-country']);
    expect(o).toMatchObject({ outDir: '/o', events: 1234, seed: 'abc', days: 9, variant: 'sara-new-country' });
    expect(o?.end).toBe(Date.parse('2026-01-02T03:00:00Z'));
    const { startMs, endMs } = timeline(o ?? { end: 0, days: 0 });
    expect(endMs - startMs).toBe(9 * DAY);
  });

  it('rejects what it cannot use', () => {
    expect(() => parseCliArgs([])).toThrow(/--out is required/);
    expect(() => parseCliArgs(['--out', 'x', '--events', '-5'])).toThrow(/events/);
    expect(() => parseCliArgs(['--out', 'x', '--end', 'yesterday'])).toThrow(/end/);
    expect(() => parseCliArgs(['--out', 'x', '--variant', 'nope'])).toThrow(/variant/);
    expect(() => parseCliArgs(['--out', 'x', '--bogus', '1'])).toThrow(/Unknown argument/);
  });

  it('returns null for --help', () => {
    expect(parseCliArgs(['--help'])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { graphParams } from './params';

const focus = 'session:AROAEXAMPLEID12345:sara';

describe('graph URL parameters', () => {
  it('takes expand as one value or repeated, drops empty ones, defaults the view flags', () => {
    expect(graphParams.parse({ focus, expand: 'role:arn:aws:iam::111122223333:role/Ops' })).toMatchObject({
      expand: ['role:arn:aws:iam::111122223333:role/Ops'],
      path: false,
    });
    expect(graphParams.parse({ focus, expand: ['service:ec2.amazonaws.com', '', 'root:111122223333'], path: '1' })).toMatchObject({
      expand: ['service:ec2.amazonaws.com', 'root:111122223333'],
      path: true,
    });
    expect(graphParams.parse({ focus }).expand).toEqual([]);
  });

  it('names the bad parameter', () => {
    const bad = (input: Record<string, unknown>) => graphParams.safeParse(input).error?.issues[0]?.path[0];
    expect(bad({})).toBe('focus');
    expect(bad({ focus: "session:x' OR 1=1" })).toBe('focus');
    expect(bad({ focus, expand: ['role:not-an-arn'] })).toBe('expand');
    expect(bad({ focus, expand: Array.from({ length: 41 }, (_, i) => `root:${String(i).padStart(12, '0')}`) })).toBe('expand');
    expect(bad({ focus, selected: 'nope' })).toBe('selected');
  });

  it('accepts the unknown assumer as a selection, never as a focus', () => {
    expect(graphParams.safeParse({ focus, selected: 'unknown:assumer-of:AROAEXAMPLEID12345:sara' }).success).toBe(true);
    expect(graphParams.safeParse({ focus: 'unknown:assumer-of:AROAEXAMPLEID12345:sara' }).success).toBe(false);
  });
});

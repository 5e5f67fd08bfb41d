import { describe, expect, it } from 'vitest';
import { parseTrinoJson } from './json-text';

describe('parseTrinoJson', () => {
  it('keeps integers a double cannot hold as their exact digits', () => {
    expect(parseTrinoJson('[[9007199254740993,-9223372036854775808,9007199254740991,42]]')).toEqual([
      ['9007199254740993', '-9223372036854775808', 9007199254740991, 42],
    ]);
    // JSON.parse alone rounds: the reason this parse exists.
    expect(JSON.parse('[9007199254740993]')).toEqual([9007199254740992]);
  });

  it('leaves digits inside strings, escaped quotes included, and non-integers alone', () => {
    const text = '{"id":"20261203_175020_00001","s":"a\\\\\\",12345678901234567890,\\"b","d":1.2345678901234567e20,"e":-1.5E-7,"n":12345678901234567890}';
    expect(parseTrinoJson(text)).toEqual({ id: '20261203_175020_00001', s: 'a\\",12345678901234567890,"b', d: 1.2345678901234567e20, e: -1.5e-7, n: '12345678901234567890' });
  });

  it('is JSON.parse when no run of 16 digits occurs, errors included', () => {
    expect(parseTrinoJson('{"a":[1,true,null,"x"]}')).toEqual({ a: [1, true, null, 'x'] });
    expect(() => parseTrinoJson('<html>')).toThrow(SyntaxError);
    expect(() => parseTrinoJson('[12345678901234567890')).toThrow(SyntaxError);
  });
});

import { describe, expect, it } from 'vitest';
import {
  fileSuffix,
  instanceId,
  labelledTempAccessKeyId,
  s3RequestId,
  stableAccessKeyId,
  stableUniqueId,
  tempAccessKeyId,
  uuid,
} from './ids';
import { Rng } from './prng';

describe('id shapes', () => {
  const rng = Rng.from('ids');

  it('makes 20-character access keys: AKIA for users, ASIA for temporary credentials', () => {
    expect(stableAccessKeyId('arn:aws:iam::1:user/a')).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(tempAccessKeyId(rng)).toMatch(/^ASIA[A-Z2-7]{16}$/);
  });

  it('makes 21-character unique ids, as IAM prints them', () => {
    expect(stableUniqueId('AROA', 'arn:aws:iam::1:role/r')).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(stableUniqueId('AIDA', 'arn:aws:iam::1:user/u')).toMatch(/^AIDA[A-Z2-7]{17}$/);
  });

  it('derives stable ids from the name alone', () => {
    expect(stableUniqueId('AROA', 'x')).toBe(stableUniqueId('AROA', 'x'));
    expect(stableUniqueId('AROA', 'x')).not.toBe(stableUniqueId('AROA', 'y'));
    expect(labelledTempAccessKeyId('1', 'k')).toBe(labelledTempAccessKeyId('1', 'k'));
    expect(labelledTempAccessKeyId('1', 'k')).not.toBe(labelledTempAccessKeyId('2', 'k'));
  });

  it('makes version-4-shaped UUIDs', () => {
    for (let i = 0; i < 200; i++) expect(uuid(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('makes the other shapes', () => {
    expect(instanceId(rng)).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(s3RequestId(rng)).toMatch(/^[0-9A-F]{16}$/);
    expect(fileSuffix(rng)).toMatch(/^[A-Za-z0-9]{16}$/);
  });
});

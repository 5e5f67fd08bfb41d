import { describe, expect, it } from 'vitest';
import { isCloudTrailS3Object, planBatches } from './plan-batches';

const f = (p: string, size = 10) => ({ path: p, size, mtimeMs: 0 });

describe('planBatches', () => {
  it('recognises CloudTrail delivery objects by name', () => {
    expect(isCloudTrailS3Object('/x/AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/19/123456789012_CloudTrail_us-east-1_20261119T1005Z_aaaa1111.json.gz')).toBe(true);
    expect(isCloudTrailS3Object('/x/export.json.gz')).toBe(false);
    expect(isCloudTrailS3Object('/x/123456789012_CloudTrail-Digest_us-east-1_20261119T1005Z_a.json.gz')).toBe(false);
  });

  it('orders files by delivery time across accounts and regions, then cuts by size', () => {
    const files = [
      f('/a/111111111111_CloudTrail_us-east-1_20261119T1000Z_x.json.gz'),
      f('/a/111111111111_CloudTrail_us-east-1_20261120T1000Z_x.json.gz'),
      f('/b/222222222222_CloudTrail_eu-west-1_20261119T0900Z_y.json.gz'),
      f('/b/222222222222_CloudTrail_eu-west-1_20261119T1100Z_y.json.gz'),
    ];
    const batches = planBatches(files, 20);
    const delivery = (p: string) => /_(\d{8}T\d{4}Z)_/.exec(p)?.[1];
    expect(batches.map((b) => b.map((x) => delivery(x.path)))).toEqual([
      ['20261119T0900Z', '20261119T1000Z'],
      ['20261119T1100Z', '20261120T1000Z'],
    ]);
  });
});

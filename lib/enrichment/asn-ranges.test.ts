import { describe, expect, it } from 'vitest';
import { parseAsnCsvV4, parseAsnCsvV6 } from './asn-ranges';

const V4 = [
  '16777216,16777471,13335,"Cloudflare, Inc."',
  '35309568,35313663,201907,"LLC ""SPUTNIK"""',
  '35313664,35313664,64512,',
  '35313665,35313670,0,Unrouted',
].join('\n');

describe('parseAsnCsvV4', () => {
  const table = parseAsnCsvV4(Buffer.from(`${V4}\n`));

  it('finds the range holding an address, inclusive at both ends', () => {
    expect(table.size).toBe(4);
    expect(table.lookup(16777216)).toEqual({ asn: 13335, organization: 'Cloudflare, Inc.' });
    expect(table.lookup(16777471)).toEqual({ asn: 13335, organization: 'Cloudflare, Inc.' });
    expect(table.lookup(35310000)).toEqual({ asn: 201907, organization: 'LLC "SPUTNIK"' });
    expect(table.lookup(35313664)).toEqual({ asn: 64512, organization: null });
  });

  it('gives null between ranges, outside them, and for AS 0', () => {
    expect(table.lookup(0)).toBeNull();
    expect(table.lookup(16777472)).toBeNull();
    expect(table.lookup(0xffffffff)).toBeNull();
    expect(table.lookup(35313666)).toBeNull();
  });

  it('reads UTF-8 names', () => {
    const t = parseAsnCsvV4(Buffer.from('1,2,3,Telefônica Brasil S.A\n'));
    expect(t.lookup(1)?.organization).toBe('Telefônica Brasil S.A');
  });

  it('refuses unsorted input and names a malformed line', () => {
    expect(() => parseAsnCsvV4(Buffer.from('1,2,3\n'))).toThrow(/malformed line "1,2,3"/);
    expect(() => parseAsnCsvV4(Buffer.from('20,30,1,a\n10,15,2,b'))).toThrow(/not sorted/);
  });
});

describe('parseAsnCsvV6', () => {
  const table = parseAsnCsvV6(
    Buffer.from(
    [
      '42540488161975842760550356425300246528,42540488241204005274814694018844196863,6939,Hurricane Electric LLC',
      '42540528726795050063891204319802818560,42540528727329395276160870415022948351,2500,WIDE Project',
    ].join('\r\n'),
    ),
  );

  it('compares 128-bit addresses across both halves', () => {
    expect(table.lookup(42540488161975842760550356425300246528n)).toEqual({ asn: 6939, organization: 'Hurricane Electric LLC' });
    expect(table.lookup(42540528727329395276160870415022948351n)).toEqual({ asn: 2500, organization: 'WIDE Project' });
    expect(table.lookup(42540528727329395276160870415022948352n)).toBeNull();
    expect(table.lookup(1n)).toBeNull();
  });
});

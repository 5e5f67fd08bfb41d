import { describe, expect, it } from 'vitest';
import { CLOUDTRAIL_COLUMNS, columnsOf, OPTIONAL_COLUMN_PATHS, type Field } from './columns';

function paths(fields: readonly Field[], prefix = ''): string[] {
  return fields.flatMap((f) => [prefix + f.name, ...(f.type.kind === 'struct' ? paths(f.type.fields, `${prefix}${f.name}.`) : [])]);
}

describe('table schemas', () => {
  it('the project schema is every declared column', () => {
    expect(columnsOf('project')).toEqual(CLOUDTRAIL_COLUMNS);
  });

  it("AWS's current DDL lacks only sourceidentity; the older one also the later columns", () => {
    const all = paths(CLOUDTRAIL_COLUMNS);
    const lost = (schema: 'aws' | 'aws-legacy') => all.filter((p) => !paths(columnsOf(schema)).includes(p));
    expect(lost('aws')).toEqual(['useridentity.sessioncontext.sourceidentity']);
    expect(lost('aws-legacy')).toEqual([
      'useridentity.sessioncontext.sourceidentity',
      'vpcendpointaccountid',
      'eventcategory',
      'addendum',
      'addendum.reason',
      'addendum.updatedfields',
      'addendum.originalrequestid',
      'addendum.originaleventid',
      'sessioncredentialfromconsole',
      'edgedevicedetails',
      'tlsdetails',
      'tlsdetails.tlsversion',
      'tlsdetails.ciphersuite',
      'tlsdetails.clientprovidedhostheader',
    ]);
    expect(OPTIONAL_COLUMN_PATHS.every((p) => all.includes(p))).toBe(true);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { declaredRecord, fieldOf, type Json } from '@/test/fixtures/declared-record';
import { CLOUDTRAIL_COLUMNS, type ColumnType } from './columns';
import { rebuildCloudTrailRecord, recordFromAthenaJson } from './record';

// What the Athena dialect's rawRecord returns for an AssumedRole event: lower-case keys, every struct
// field present (null when absent), JSON-text columns as JSON strings, readOnly as a string.
const ATHENA_JSON = JSON.stringify({
  eventversion: '1.08',
  useridentity: {
    type: 'AssumedRole',
    principalid: 'AROAEXAMPLEID:alice',
    arn: 'arn:aws:sts::111122223333:assumed-role/Deploy/alice',
    accountid: '111122223333',
    invokedby: null,
    accesskeyid: 'ASIAEXAMPLEKEY',
    username: null,
    onbehalfof: null,
    sessioncontext: {
      attributes: { mfaauthenticated: 'false', creationdate: '2024-01-02T03:00:00Z' },
      sessionissuer: {
        type: 'Role',
        principalid: 'AROAEXAMPLEID',
        arn: 'arn:aws:iam::111122223333:role/Deploy',
        accountid: '111122223333',
        username: 'Deploy',
      },
      ec2roledelivery: null,
      webidfederationdata: { federatedprovider: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com', attributes: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' } },
      sourceidentity: 'alice@example.com',
    },
  },
  eventtime: '2024-01-02T03:04:05Z',
  eventsource: 'sts.amazonaws.com',
  eventname: 'AssumeRole',
  awsregion: 'us-east-1',
  sourceipaddress: '203.0.113.10',
  useragent: 'aws-cli/2.15.0',
  errorcode: null,
  errormessage: null,
  requestparameters: '{"roleArn":"arn:aws:iam::444455556666:role/Audit","roleSessionName":"alice","durationSeconds":3600}',
  responseelements: null,
  additionaleventdata: 'not json',
  requestid: 'req-1',
  eventid: 'evt-1',
  resources: [{ arn: 'arn:aws:iam::444455556666:role/Audit', accountid: '444455556666', type: 'AWS::IAM::Role' }],
  eventtype: 'AwsApiCall',
  apiversion: null,
  readonly: 'true',
  recipientaccountid: '111122223333',
  serviceeventdetails: null,
  sharedeventid: 'shared-1',
  vpcendpointid: null,
  vpcendpointaccountid: null,
  eventcategory: 'Management',
  addendum: null,
  sessioncredentialfromconsole: null,
  edgedevicedetails: null,
  tlsdetails: { tlsversion: 'TLSv1.3', ciphersuite: 'TLS_AES_128_GCM_SHA256', clientprovidedhostheader: 'sts.amazonaws.com' },
});

describe('rebuildCloudTrailRecord', () => {
  it('restores CloudTrail key casing, parses JSON-text columns and drops absent fields', () => {
    expect(recordFromAthenaJson(ATHENA_JSON)).toEqual({
      eventVersion: '1.08',
      userIdentity: {
        type: 'AssumedRole',
        principalId: 'AROAEXAMPLEID:alice',
        arn: 'arn:aws:sts::111122223333:assumed-role/Deploy/alice',
        accountId: '111122223333',
        accessKeyId: 'ASIAEXAMPLEKEY',
        sessionContext: {
          attributes: { mfaAuthenticated: 'false', creationDate: '2024-01-02T03:00:00Z' },
          sessionIssuer: {
            type: 'Role',
            principalId: 'AROAEXAMPLEID',
            arn: 'arn:aws:iam::111122223333:role/Deploy',
            accountId: '111122223333',
            userName: 'Deploy',
          },
          webIdFederationData: {
            federatedProvider: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
            attributes: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' },
          },
          sourceIdentity: 'alice@example.com',
        },
      },
      eventTime: '2024-01-02T03:04:05Z',
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.10',
      userAgent: 'aws-cli/2.15.0',
      requestParameters: { roleArn: 'arn:aws:iam::444455556666:role/Audit', roleSessionName: 'alice', durationSeconds: 3600 },
      responseElements: null,
      additionalEventData: 'not json',
      requestID: 'req-1',
      eventID: 'evt-1',
      resources: [{ ARN: 'arn:aws:iam::444455556666:role/Audit', accountId: '444455556666', type: 'AWS::IAM::Role' }],
      eventType: 'AwsApiCall',
      readOnly: true,
      recipientAccountId: '111122223333',
      sharedEventID: 'shared-1',
      eventCategory: 'Management',
      tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 'sts.amazonaws.com' },
    });
  });

  it('accepts an already parsed object and rows cast to JSON arrays (older engines), by DDL position', () => {
    const record = rebuildCloudTrailRecord({
      eventname: 'GetCallerIdentity',
      tlsdetails: ['TLSv1.2', 'ECDHE-RSA-AES128-GCM-SHA256', null],
      requestparameters: null,
    });
    expect(record).toEqual({
      eventName: 'GetCallerIdentity',
      requestParameters: null,
      tlsDetails: { tlsVersion: 'TLSv1.2', cipherSuite: 'ECDHE-RSA-AES128-GCM-SHA256' },
    });
  });

  it('rejects input that is not a JSON object', () => {
    expect(() => recordFromAthenaJson('[1,2]')).toThrow(TypeError);
    expect(() => recordFromAthenaJson('{oops')).toThrow(SyntaxError);
  });
});

// ---- Round trip over public CloudTrail data (../shared, present in CI and on dev machines) ----

/** What Athena's JsonSerDe + the dialect's rawRecord would return for one value of a column. */
function athenaView(type: ColumnType, value: Json | undefined): Json {
  if (value === undefined || value === null) return null;
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'json':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'map':
      return value;
    case 'array':
      return Array.isArray(value) ? value.map((v) => athenaView(type.of, v)) : null;
    case 'struct': {
      if (typeof value !== 'object' || Array.isArray(value)) return null;
      return Object.fromEntries(type.fields.map((f) => [f.name, athenaView(f.type, fieldOf(value, f))]));
    }
  }
}

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/cloudtrail/stratus-detonations');
const sharedFiles = fs.existsSync(SHARED)
  ? fs.readdirSync(SHARED, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'))
  : [];

describe.skipIf(sharedFiles.length === 0)('round trip over stratus-detonations (Apache-2.0, DataDog/stratus-red-team)', () => {
  it('rebuilds every record as far as the DDL carries it', () => {
    let checked = 0;
    for (const file of sharedFiles) {
      const records = JSON.parse(fs.readFileSync(path.join(SHARED, file), 'utf8')) as { [k: string]: Json }[];
      for (const original of records) {
        const athena = Object.fromEntries(CLOUDTRAIL_COLUMNS.map((c) => [c.name, athenaView(c.type, fieldOf(original, c))]));
        expect(recordFromAthenaJson(JSON.stringify(athena)), `${file} ${String(original.eventID)}`).toEqual(declaredRecord(original));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import type { Connection } from '@/lib/engine/types';
import type { Finding } from '@/lib/findings/types';
import { getEnricher } from '@/lib/enrichment/enricher';
import { IP_TABLE } from '@/lib/generator/ip-table';
import { ingest } from '@/lib/ingest/ingest';
import { ACCOUNT, event } from '@/test/fixtures/cloudtrail-records';
import { runDetections } from './run';
import { greatCircleKm } from './impossible-travel';
import type { DetectionRuleId } from './rules';

/**
 * The four rules of issue 15 through the real DuckDB engine and the bundled geolocation and ASN
 * data, over hand-built records: what each must match and the near misses it must not.
 *
 *   EC2 instance credentials outside AWS: an instance session's key used from DigitalOcean (issued
 *     by EC2's AssumeRole), another's proven by ec2RoleDelivery alone; not: the same key from its
 *     EC2 address, through a VPC endpoint, as a service; a person's session from a VPS.
 *   Role juggling: four chained hops over 90 minutes; not: two chained hops in 40 minutes, nor a
 *     user assuming the same role every hour (each from the user's own key).
 *   Impossible travel: Frankfurt then São Paulo 25 minutes later; not: Frankfurt and Offenbach 5
 *     minutes apart, Frankfurt then São Paulo 13 hours later, nor an Amazon address then Frankfurt.
 *   Sensitive API first use: GetSecretValue by a principal with a baseline without it; not: by one
 *     whose baseline has it, by one with no baseline, nor a call a service made for someone.
 */

const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };
const at = (hh: number, mm: number, ss = 0) => `2026-11-19T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}Z`;

const role = (name: string) => ({ type: 'Role', principalId: `AROA${name.toUpperCase().padEnd(17, 'R')}`, arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, accountId: ACCOUNT, userName: name });
const session = (roleName: string, sessionName: string, key: string, extra: Record<string, unknown> = {}) => ({
  type: 'AssumedRole',
  principalId: `${role(roleName).principalId}:${sessionName}`,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/${sessionName}`,
  accountId: ACCOUNT,
  accessKeyId: key,
  sessionContext: { sessionIssuer: role(roleName), attributes: { creationDate: '2026-11-19T00:00:00Z', mfaAuthenticated: 'false' }, ...extra },
});
const user = (name: string) => ({
  type: 'IAMUser',
  principalId: `AIDA${name.toUpperCase().padEnd(17, 'X')}`,
  arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
  accountId: ACCOUNT,
  accessKeyId: `AKIA${name.toUpperCase().padEnd(16, 'K')}`,
  userName: name,
});
const call = (id: string, time: string, eventSource: string, eventName: string, userIdentity: object, extra: Record<string, unknown> = {}) =>
  event(id, time, { eventSource, eventName, userIdentity, requestParameters: null, responseElements: null, resources: undefined, ...extra });
const assume = (id: string, time: string, caller: object, roleName: string, sessionName: string, issuedKey: string, extra: Record<string, unknown> = {}) =>
  call(id, time, 'sts.amazonaws.com', 'AssumeRole', caller, {
    requestParameters: { roleArn: role(roleName).arn, roleSessionName: sessionName },
    responseElements: {
      credentials: { accessKeyId: issuedKey, expiration: 'Nov 19, 2026, 11:00:00 PM', sessionToken: 'x' },
      assumedRoleUser: { assumedRoleId: `${role(roleName).principalId}:${sessionName}`, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/${sessionName}` },
    },
    ...extra,
  });
const ec2Service = { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' };

const WEB = 'i-0123456789abcdef0';
const WORKER = 'i-0fedcba9876543210';
const records = [
  // EC2: EC2 issues WebRole's key to the instance; the instance calls from its EC2 address, through
  // the S3 endpoint, as a service; then the key is used from DigitalOcean.
  assume('web-issue', at(8, 0), ec2Service, 'WebRole', WEB, 'ASIAWEBINSTANCEKEY01', { sourceIPAddress: 'ec2.amazonaws.com' }),
  call('web-own', at(8, 5), 'ec2.amazonaws.com', 'DescribeTags', session('WebRole', WEB, 'ASIAWEBINSTANCEKEY01'), { sourceIPAddress: IP_TABLE.storefrontWeb1.ip }),
  call('web-vpce', at(8, 6), 's3.amazonaws.com', 'GetObject', session('WebRole', WEB, 'ASIAWEBINSTANCEKEY01'), { sourceIPAddress: '10.20.1.37', vpcEndpointId: 'vpce-0abc' }),
  call('web-svc', at(8, 7), 'kms.amazonaws.com', 'Decrypt', session('WebRole', WEB, 'ASIAWEBINSTANCEKEY01'), { sourceIPAddress: 's3.amazonaws.com' }),
  call('web-stolen-1', at(9, 0), 'sts.amazonaws.com', 'GetCallerIdentity', session('WebRole', WEB, 'ASIAWEBINSTANCEKEY01'), { sourceIPAddress: IP_TABLE.amsterdamVps1.ip }),
  call('web-stolen-2', at(9, 1), 's3.amazonaws.com', 'ListBuckets', session('WebRole', WEB, 'ASIAWEBINSTANCEKEY01'), { sourceIPAddress: IP_TABLE.amsterdamVps1.ip }),
  // Proven by ec2RoleDelivery alone (no issuing AssumeRole in the data): from OVH.
  call('worker-stolen', at(10, 0), 's3.amazonaws.com', 'ListBuckets', session('WorkerRole', WORKER, 'ASIAWORKERKEY0000001', { ec2RoleDelivery: '2.0' }), { sourceIPAddress: IP_TABLE.roubaixVps1.ip }),
  // Another instance, only ever from Amazon.
  call('calm-own', at(10, 5), 'ec2.amazonaws.com', 'DescribeTags', session('CalmRole', 'i-0aaaaaaaaaaaaaaaa', 'ASIACALMKEY000000001', { ec2RoleDelivery: '2.0' }), {
    sourceIPAddress: IP_TABLE.storefrontWeb2.ip,
  }),
  // A person's role session from a VPS: not an instance's credentials.
  call('person-vps', at(10, 10), 's3.amazonaws.com', 'ListBuckets', session('DevRole', 'carol', 'ASIACAROLKEY00000001'), { sourceIPAddress: IP_TABLE.amsterdamVps1.ip }),

  // Juggling: mallory's key starts a chain JugA ⇄ JugB renewed for 90 minutes.
  assume('jug-0', at(12, 0), user('mallory'), 'JugA', 'm', 'ASIAJUGKEY0000000001'),
  assume('jug-1', at(12, 45), session('JugA', 'm', 'ASIAJUGKEY0000000001'), 'JugB', 'm2', 'ASIAJUGKEY0000000002'),
  assume('jug-2', at(13, 30), session('JugB', 'm2', 'ASIAJUGKEY0000000002'), 'JugA', 'm', 'ASIAJUGKEY0000000003'),
  assume('jug-3', at(14, 15), session('JugA', 'm', 'ASIAJUGKEY0000000003'), 'JugB', 'm2', 'ASIAJUGKEY0000000004'),
  // Not juggling: two chained hops in 40 minutes; a user re-assuming hourly from its own key.
  assume('short-0', at(15, 0), user('sam'), 'ShortA', 's', 'ASIASHORTKEY00000001'),
  assume('short-1', at(15, 10), session('ShortA', 's', 'ASIASHORTKEY00000001'), 'ShortB', 's2', 'ASIASHORTKEY00000002'),
  assume('short-2', at(15, 50), session('ShortB', 's2', 'ASIASHORTKEY00000002'), 'ShortA', 's', 'ASIASHORTKEY00000003'),
  ...[0, 1, 2, 3].map((h) => assume(`hourly-${h}`, at(16 + h, 0), user('metrics'), 'Metrics', 'metrics', `ASIAHOURLYKEY000000${h}`)),

  // Travel: nina in Frankfurt, then São Paulo 25 minutes later; otto in Frankfurt and Offenbach;
  // paul Frankfurt then São Paulo 13 hours later; quinn from an Amazon address then Frankfurt.
  call('nina-fra', at(8, 0), 'ec2.amazonaws.com', 'DescribeInstances', user('nina'), { sourceIPAddress: IP_TABLE.frankfurtOffice1.ip }),
  call('nina-gru', at(8, 25), 'ec2.amazonaws.com', 'DescribeInstances', user('nina'), { sourceIPAddress: IP_TABLE.saoPauloVivo1.ip }),
  call('otto-fra', at(9, 0), 'ec2.amazonaws.com', 'DescribeInstances', user('otto'), { sourceIPAddress: IP_TABLE.frankfurtOffice1.ip }),
  call('otto-off', at(9, 5), 'ec2.amazonaws.com', 'DescribeInstances', user('otto'), { sourceIPAddress: IP_TABLE.offenbachHome1.ip }),
  call('paul-fra', at(6, 0), 'ec2.amazonaws.com', 'DescribeInstances', user('paul'), { sourceIPAddress: IP_TABLE.frankfurtOffice1.ip }),
  call('paul-gru', at(19, 0), 'ec2.amazonaws.com', 'DescribeInstances', user('paul'), { sourceIPAddress: IP_TABLE.saoPauloVivo1.ip }),
  call('quinn-aws', at(9, 0), 'ec2.amazonaws.com', 'DescribeInstances', user('quinn'), { sourceIPAddress: IP_TABLE.storefrontWeb1.ip }),
  call('quinn-fra', at(9, 2), 'ec2.amazonaws.com', 'DescribeInstances', user('quinn'), { sourceIPAddress: IP_TABLE.frankfurtOffice1.ip }),

  // Sensitive: rita's baseline never read a secret; sven's did; tom has no baseline; uma's call was made by a service for her.
  ...['2026-11-02T10:00:00Z', '2026-11-10T10:00:00Z'].map((t, i) => call(`rita-base-${i}`, t, 'ec2.amazonaws.com', 'DescribeInstances', user('rita'))),
  call('rita-secret', at(11, 0), 'secretsmanager.amazonaws.com', 'GetSecretValue', user('rita')),
  call('sven-base', '2026-11-05T10:00:00Z', 'secretsmanager.amazonaws.com', 'GetSecretValue', user('sven')),
  call('sven-secret', at(11, 5), 'secretsmanager.amazonaws.com', 'GetSecretValue', user('sven')),
  call('tom-secret', at(11, 10), 'secretsmanager.amazonaws.com', 'GetSecretValue', user('tom')),
  call('uma-base', '2026-11-03T10:00:00Z', 'ec2.amazonaws.com', 'DescribeInstances', user('uma')),
  call('uma-secret', at(11, 15), 'secretsmanager.amazonaws.com', 'GetSecretValue', { ...user('uma'), invokedBy: 'cloudformation.amazonaws.com' }, { sourceIPAddress: 'cloudformation.amazonaws.com' }),
];

let dir: string;
let conn: Connection;
let all: Finding[];
const ofRule = (rule: DetectionRuleId) => all.filter((f) => f.rule === rule);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trailscope-new-rules-'));
  await fs.writeFile(path.join(dir, 'r.json'), JSON.stringify({ Records: records }));
  await ingest({ paths: [path.join(dir, 'r.json')], dataDir: path.join(dir, 'data') });
  conn = await createDuckDbConnection({ dataDir: path.join(dir, 'data') });
  const run = await runDetections(conn, scope, undefined, {
    enricher: getEnricher(),
    storeFirstEvent: '2026-10-01T00:00:00Z',
    rules: ['ec2-instance-credentials-outside-aws', 'role-juggling', 'impossible-travel', 'sensitive-api-first-use'],
  });
  expect(run.perRule.filter((r) => r.error)).toEqual([]);
  all = run.findings;
});

afterAll(async () => {
  await conn.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('EC2 instance credentials used outside AWS', () => {
  it('finds the stolen instance keys, not their owners’ own calls or a person on a VPS', () => {
    const found = ofRule('ec2-instance-credentials-outside-aws');
    expect(found.map((f) => f.actor.sessionId).sort()).toEqual([`${role('WebRole').principalId}:${WEB}`, `${role('WorkerRole').principalId}:${WORKER}`]);
    const web = found.find((f) => f.actor.sessionId?.endsWith(WEB))!;
    expect(web).toMatchObject({ type: 'Trailscope:EC2/InstanceCredentialsOutsideAWS', severityLabel: 'High', count: 2, evidenceEventIds: ['web-stolen-1', 'web-stolen-2'], resources: [{ type: 'IPAddress', id: IP_TABLE.amsterdamVps1.ip }] });
    expect(web.description).toMatch(/issued by an AssumeRole that ec2\.amazonaws\.com made/);
    expect(web.description).toMatch(/DigitalOcean/);
    expect(found.find((f) => f.actor.sessionId?.endsWith(WORKER))?.description).toMatch(/ec2RoleDelivery 2\.0/);
  });
});

describe('role juggling', () => {
  it('finds the chain renewed past an hour, keyed on the key that started it; short chains and hourly re-assumption are quiet', () => {
    const [f, ...rest] = ofRule('role-juggling');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ firstSeen: at(12, 45), lastSeen: at(14, 15), count: 3, evidenceEventIds: ['jug-1', 'jug-2', 'jug-3'] });
    expect(f!.actor).toMatchObject({ accessKeyId: 'ASIAJUGKEY0000000004', sessionId: `${role('JugB').principalId}:m2` });
    expect(f!.title).toBe('Role chain kept alive for 90 minutes: JugB ⇄ JugA');
    expect(f!.description).toMatch(/^Starting from arn:aws:sts::123456789012:assumed-role\/JugA\/m,/);
  });
});

describe('impossible travel', () => {
  it('finds Frankfurt → São Paulo in 25 minutes; near places, a long gap and Amazon addresses are quiet', () => {
    const [f, ...rest] = ofRule('impossible-travel');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ actor: { arn: user('nina').arn }, evidenceEventIds: ['nina-fra', 'nina-gru'], firstSeen: at(8, 0), lastSeen: at(8, 25) });
    expect(f!.resources.map((r) => r.id).sort()).toEqual([IP_TABLE.frankfurtOffice1.ip, IP_TABLE.saoPauloVivo1.ip].sort());
    expect(f!.description).toMatch(/25 minutes later: at least [\d,]+ km apart/);
  });

  it('measures great circles', () => {
    // Frankfurt–São Paulo is about 9,800 km.
    expect(greatCircleKm({ latitude: 50.11, longitude: 8.68 }, { latitude: -23.55, longitude: -46.63 })).toBeGreaterThan(9700);
    expect(greatCircleKm({ latitude: 50.11, longitude: 8.68 }, { latitude: -23.55, longitude: -46.63 })).toBeLessThan(9900);
  });
});

describe('first use of a sensitive API', () => {
  it('finds rita’s first GetSecretValue, with the API as its resource and its ATT&CK techniques; the rest are quiet', () => {
    const [f, ...rest] = ofRule('sensitive-api-first-use');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ title: `First GetSecretValue by ${user('rita').arn}`, evidenceEventIds: ['rita-secret'], resources: [{ type: 'API', id: 'secretsmanager.amazonaws.com:GetSecretValue' }] });
    expect(f!.description).toMatch(/it made 2 calls in the baseline/);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCore, generate } from './generate';
import { parseGenerateOptions, timeline } from './options';
import { allRecords, listFiles, readLogTree, readMemoryFiles } from './read-logs';
import { ACCOUNT_IDS } from './scenarios';
import { DAY } from './time';
import { GzipFileSink, MemoryFileSink } from './writer';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trailscope-gen-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function generateToDisk(args: { events: number; seed?: string; days?: number }): { dir: string; files: string[] } {
  const dir = tempDir();
  generate(parseGenerateOptions({ outDir: dir, ...args }), new GzipFileSink(dir));
  return { dir, files: listFiles(dir) };
}

describe('determinism', () => {
  it('writes byte-identical files for the same arguments', () => {
    const a = generateToDisk({ events: 12_000, days: 14 });
    const b = generateToDisk({ events: 12_000, days: 14 });
    expect(a.files).toEqual(b.files);
    for (const key of a.files) {
      expect(readFileSync(path.join(b.dir, key)).equals(readFileSync(path.join(a.dir, key))), key).toBe(true);
    }
  });

  it('writes something else for another seed', () => {
    const a = generateToDisk({ events: 12_000, days: 14, seed: '1' });
    const c = generateToDisk({ events: 12_000, days: 14, seed: '2' });
    expect(c.files).not.toEqual(a.files);
  });
});

describe('output of a default run', () => {
  const options = parseGenerateOptions({ outDir: 'memory', events: 30_000 });
  const sink = new MemoryFileSink();
  const summary = generate(options, sink);
  const files = readMemoryFiles(sink.files);
  const records = allRecords(files);
  const { startMs, endMs } = timeline(options);

  it('writes exactly --events records, scenarios first and background for the rest', () => {
    expect(records.length).toBe(30_000);
    expect(summary.events).toBe(30_000);
    expect(summary.coreEvents).toBe(buildCore(options).length);
    expect(summary.coreEvents).toBeLessThan(12_000);
  });

  it('never writes fewer than the scenarios need', () => {
    const small = generate(parseGenerateOptions({ outDir: 'm', events: 10 }), new MemoryFileSink());
    expect(small.events).toBe(small.coreEvents);
    expect(small.backgroundEvents).toBe(0);
  });

  it('uses the CloudTrail S3 layout, one account+region per file, foldered by delivery date', () => {
    const layout =
      /^AWSLogs\/(\d{12})\/CloudTrail\/([a-z]{2}-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/\1_CloudTrail_\2_(\d{8})T(\d{4})Z_[A-Za-z0-9]{16}\.json\.gz$/;
    let nextDayFolders = 0;
    const bad: string[] = [];
    for (const f of files) {
      const m = layout.exec(f.key);
      if (!m) {
        bad.push(f.key);
        continue;
      }
      const [, account, region, y, mo, d, stamp] = m;
      if (stamp !== `${y}${mo}${d}`) bad.push(`${f.key}: stamp and folder disagree`);
      const folderDay = Date.parse(`${y}-${mo}-${d}T00:00:00Z`);
      for (const r of f.records) {
        if (r.recipientAccountId !== account || r.awsRegion !== region) bad.push(`${f.key}: holds ${r.recipientAccountId}/${r.awsRegion}`);
        const eventDay = Math.floor(Date.parse(r.eventTime) / DAY) * DAY;
        if (folderDay !== eventDay && folderDay !== eventDay + DAY) bad.push(`${f.key}: holds ${r.eventTime}`);
        if (folderDay !== eventDay) nextDayFolders++;
      }
    }
    expect(bad).toEqual([]);
    expect(nextDayFolders).toBeGreaterThan(0);
  });

  it('keeps each file within one 5–15 minute window, in time order', () => {
    for (const f of files) {
      const times = f.records.map((r) => Date.parse(r.eventTime));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect((times[times.length - 1] ?? 0) - (times[0] ?? 0)).toBeLessThan(15 * 60_000);
    }
  });

  it('gives every record a unique eventID and a CloudTrail eventTime inside the window', () => {
    const ids = new Set<string>();
    const bad: string[] = [];
    for (const r of records) {
      const t = Date.parse(r.eventTime);
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.eventID)) bad.push(`eventID ${r.eventID}`);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(r.eventTime) || t < startMs || t >= endMs) bad.push(`eventTime ${r.eventTime}`);
      ids.add(r.eventID);
    }
    expect(bad).toEqual([]);
    expect(ids.size).toBe(records.length);
  });

  it('fills the fields every record has, with AWS casing', () => {
    const bad: string[] = [];
    for (const r of records) {
      const problems = [
        ['1.08', '1.09'].includes(r.eventVersion) ? '' : 'eventVersion',
        ['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleSignIn'].includes(r.eventType) ? '' : 'eventType',
        ['Management', 'Data'].includes(r.eventCategory) ? '' : 'eventCategory',
        r.managementEvent === (r.eventCategory === 'Management') ? '' : 'managementEvent',
        typeof r.readOnly === 'boolean' ? '' : 'readOnly',
        r.eventSource.endsWith('.amazonaws.com') ? '' : 'eventSource',
        /^\d{12}$/.test(r.recipientAccountId) ? '' : 'recipientAccountId',
        'requestParameters' in r && 'responseElements' in r ? '' : 'request/response',
        r.errorCode && r.responseElements !== null ? 'response on failure' : '',
      ].filter(Boolean);
      if (problems.length) bad.push(`${r.eventID}: ${problems.join(', ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('logs global services in us-east-1', () => {
    const global = records.filter((r) => ['iam.amazonaws.com', 'ce.amazonaws.com', 'organizations.amazonaws.com'].includes(r.eventSource));
    expect(global.length).toBeGreaterThan(0);
    for (const r of global) expect(r.awsRegion).toBe('us-east-1');
  });

  it('covers the organisation, the vendor and two regions', () => {
    const accounts = new Set(records.map((r) => r.recipientAccountId));
    for (const id of Object.values(ACCOUNT_IDS)) expect(accounts).toContain(id);
    expect(new Set(records.map((r) => r.awsRegion))).toEqual(new Set(['us-east-1', 'eu-west-1']));
  });

  it('has the breadth of a real trail', () => {
    const types = new Set(records.map((r) => r.userIdentity.type));
    for (const t of ['IAMUser', 'AssumedRole', 'AWSService', 'AWSAccount', 'SAMLUser', 'WebIdentityUser', 'Root', 'IdentityCenterUser']) {
      expect(types, t).toContain(t);
    }
    const eventTypes = new Set(records.map((r) => r.eventType));
    expect(eventTypes).toEqual(new Set(['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleSignIn']));
    const errors = new Set(records.map((r) => r.errorCode).filter(Boolean));
    for (const e of ['AccessDenied', 'Client.RequestLimitExceeded', 'Client.UnauthorizedOperation']) expect(errors, e).toContain(e);
    const logins = records.filter((r) => r.eventName === 'ConsoleLogin');
    expect(logins.some((r) => (r.additionalEventData as { MFAUsed?: string }).MFAUsed === 'Yes')).toBe(true);
    expect(logins.some((r) => (r.additionalEventData as { MFAUsed?: string }).MFAUsed === 'No')).toBe(true);
    const agents = records.map((r) => r.userAgent);
    for (const a of ['aws-cli/2.', 'Boto3/', 'aws-sdk-go', 'aws-sdk-java', 'Terraform/', 'S3Console', 'AWS Internal', 'console']) {
      expect(agents.some((ua) => ua.includes(a)), a).toBe(true);
    }
  });

  it('is busier on weekdays and in working hours', () => {
    const weekday = records.filter((r) => ![0, 6].includes(new Date(r.eventTime).getUTCDay())).length / 5;
    const weekend = records.filter((r) => [0, 6].includes(new Date(r.eventTime).getUTCDay())).length / 2;
    expect(weekday).toBeGreaterThan(weekend * 1.1);
    const people = records.filter((r) => r.userIdentity.type === 'IAMUser' && r.userIdentity.accessKeyId?.startsWith('AKIA'));
    const usDaytime = people.filter((r) => {
      const h = new Date(r.eventTime).getUTCHours();
      return h >= 13 || h < 2;
    }).length;
    expect(usDaytime / people.length).toBeGreaterThan(0.5);
  });

  it('reads back from gzip on disk exactly as generated in memory', () => {
    const { dir } = generateToDisk({ events: 30_000 });
    const fromDisk = readLogTree(dir);
    expect(fromDisk.map((f) => f.key)).toEqual(files.map((f) => f.key));
    expect(allRecords(fromDisk)).toEqual(records);
  });
});

/**
 * GuardDuty findings JSON → Findings, from the shapes users actually have on disk:
 *
 * - `aws guardduty get-findings` output: `{"Findings": [...]}`, PascalCase keys.
 * - EventBridge events (`{"detail-type": "GuardDuty Finding", "detail": {...}}`, camelCase keys):
 *   one event, an array of them, or one per line (what a Firehose/S3 export writes).
 * - Sample findings (CreateSampleFindings, console exports): a bare array of findings or a single
 *   finding object, in either casing.
 *
 * Keys are read case-insensitively, because the same finding arrives PascalCase from the API and
 * camelCase from EventBridge. A finding that cannot be used is reported by index with a reason and
 * skipped, so one bad record does not cost the user the rest of the file; text that is not JSON at
 * all is one error.
 */
import { severityLabel, type Finding, type FindingActor, type FindingResource } from './types';
import { isInstantInRange, isoUtc, parseIsoInstant } from '@/lib/time';

export class GuardDutyParseError extends Error {
  override name = 'GuardDutyParseError';
}

export interface SkippedFinding {
  /** Position in the file's list of findings (0-based), counting every item the file holds. */
  index: number;
  reason: string;
}

export interface GuardDutyImport {
  findings: Finding[];
  skipped: SkippedFinding[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `obj.Name` in whichever casing the source used (PascalCase API, camelCase EventBridge). */
function field(obj: JsonObject | undefined, name: string): Json | undefined {
  if (!obj) return undefined;
  // Own keys only: `in` would also find Object.prototype's members.
  if (Object.hasOwn(obj, name)) return obj[name];
  const camel = name.charAt(0).toLowerCase() + name.slice(1);
  if (Object.hasOwn(obj, camel)) return obj[camel];
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) return obj[key];
  return undefined;
}

function objectAt(obj: JsonObject | undefined, ...path: string[]): JsonObject | undefined {
  let cur: Json | undefined = obj;
  for (const p of path) {
    if (!isObject(cur)) return undefined;
    cur = field(cur, p);
  }
  return isObject(cur) ? cur : undefined;
}

function text(obj: JsonObject | undefined, name: string): string | null {
  const v = field(obj, name);
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  // Account ids and ASNs sometimes arrive as numbers from hand-made exports.
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * GuardDuty writes `2021-11-22T12:45:25.000Z`; Trailscope's instants drop a zero fraction like
 * CloudTrail's eventTime. An ISO instant must name a real day (Date.parse would move February 30
 * to March), other forms go through Date.parse, and anything outside 1970–9999 is no time at all.
 */
function instant(value: Json | undefined): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const ms = typeof value === 'number' ? value : /^\d{4}-\d{2}-\d{2}T/.test(value.trim()) ? (parseIsoInstant(value.trim()) ?? NaN) : Date.parse(value);
  return isInstantInRange(ms) ? isoUtc(ms) : null;
}

// GuardDuty ids are 32 hex characters; anything URL-safe is accepted, since the id ends up in links.
const FINDING_ID = /^[A-Za-z0-9._:-]{1,300}$/;
const ROLE_SESSION = /^(AROA[A-Z0-9]+):(.+)$/;
const ACCOUNT_ID = /^\d{12}$/;

function actorOf(finding: JsonObject, accountId: string | null, partition: string): FindingActor {
  const keys = objectAt(finding, 'Resource', 'AccessKeyDetails');
  const principalId = text(keys, 'PrincipalId');
  const userName = text(keys, 'UserName');
  const userType = text(keys, 'UserType');
  const session = principalId ? ROLE_SESSION.exec(principalId) : null;
  return {
    accessKeyId: text(keys, 'AccessKeyId'),
    principalId,
    arn: derivedArn(userType, userName, principalId, session?.[2] ?? null, accountId, partition),
    userName,
    userType,
    sessionId: session ? principalId : null,
  };
}

/**
 * The actor's ARN, only where the finding determines it exactly. GuardDuty names an assumed role by
 * its role name and the session by principal id, and assumed-role ARNs carry no path, so those are
 * exact; an IAM user's ARN includes a path GuardDuty does not report, so it is left null rather
 * than guessed (the principal id still identifies the user).
 */
function derivedArn(
  userType: string | null,
  userName: string | null,
  principalId: string | null,
  sessionName: string | null,
  accountId: string | null,
  partition: string,
): string | null {
  if (!accountId || !ACCOUNT_ID.test(accountId)) return null;
  switch (userType) {
    case 'Root':
      return `arn:${partition}:iam::${accountId}:root`;
    case 'AssumedRole':
      return userName && sessionName ? `arn:${partition}:sts::${accountId}:assumed-role/${userName}/${sessionName}` : null;
    case 'FederatedUser': {
      // principalId is `<account>:<federated user name>`.
      const name = principalId?.split(':')[1];
      return name ? `arn:${partition}:sts::${accountId}:federated-user/${name}` : null;
    }
    default:
      return null;
  }
}

/**
 * CloudFormation resource types in AffectedResources → the names Trailscope's findings use. A Map:
 * the keys are the file's, and an object would answer `constructor` with a function.
 */
const AFFECTED_TYPES: ReadonlyMap<string, string> = new Map(Object.entries({
  'AWS::CloudTrail::Trail': 'Trail',
  'AWS::S3::Bucket': 'S3Bucket',
  'AWS::IAM::Role': 'IAMRole',
  'AWS::IAM::User': 'IAMUser',
  'AWS::IAM::Policy': 'IAMPolicy',
  'AWS::EC2::Instance': 'Instance',
  'AWS::Lambda::Function': 'LambdaFunction',
}));

function resourcesOf(finding: JsonObject): FindingResource[] {
  const out: FindingResource[] = [];
  const add = (type: string, id: string | null) => {
    if (id && !out.some((r) => r.type === type && r.id === id)) out.push({ type, id });
  };
  const resource = objectAt(finding, 'Resource');
  add('AccessKey', text(objectAt(resource, 'AccessKeyDetails'), 'AccessKeyId'));
  add('Instance', text(objectAt(resource, 'InstanceDetails'), 'InstanceId'));
  const buckets = field(resource, 'S3BucketDetails');
  for (const b of Array.isArray(buckets) ? buckets : []) {
    if (isObject(b)) add('S3Bucket', text(b, 'Arn') ?? text(b, 'Name'));
  }
  const eks = objectAt(resource, 'EksClusterDetails');
  add('EKSCluster', text(eks, 'Arn') ?? text(eks, 'Name'));
  const ecs = objectAt(resource, 'EcsClusterDetails');
  add('ECSCluster', text(ecs, 'Arn') ?? text(ecs, 'Name'));
  const rds = objectAt(resource, 'RdsDbInstanceDetails');
  add('RDSDBInstance', text(rds, 'DbInstanceArn') ?? text(rds, 'DbInstanceIdentifier'));
  const lambda = objectAt(resource, 'LambdaDetails');
  add('LambdaFunction', text(lambda, 'FunctionArn') ?? text(lambda, 'FunctionName'));
  const volumes = field(objectAt(resource, 'EbsVolumeDetails'), 'ScannedVolumeDetails');
  for (const v of Array.isArray(volumes) ? volumes : []) {
    if (isObject(v)) add('EBSVolume', text(v, 'VolumeArn'));
  }
  const container = objectAt(resource, 'ContainerDetails');
  add('Container', text(container, 'Id') ?? text(container, 'Name'));
  // What the API call touched (a trail for CloudTrailLoggingDisabled, a bucket for S3 findings).
  const affected = objectAt(finding, 'Service', 'Action', 'AwsApiCallAction', 'AffectedResources');
  for (const [type, id] of Object.entries(affected ?? {})) {
    if (typeof id === 'string' && id.trim() !== '') add(AFFECTED_TYPES.get(type) ?? type, id.trim());
  }
  return out;
}

const EVENT_ID_KEY = /^(cloud_?trail_?)?event_?id$/i;

/**
 * CloudTrail event ids, wherever the finding names them. Classic findings do not; newer ones and
 * hand-enriched exports put them under keys like `eventId`/`cloudTrailEventId`, so any such key
 * anywhere in the finding counts.
 */
function eventIdsOf(value: Json, found: Set<string>, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) eventIdsOf(v, found, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (EVENT_ID_KEY.test(key)) {
      if (typeof v === 'string' && v.trim() !== '') found.add(v.trim());
      else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' && x.trim() !== '') found.add(x.trim());
    } else {
      eventIdsOf(v, found, depth + 1);
    }
  }
}

/** CreateSampleFindings marks its findings in AdditionalInfo (`sample: true`, object or JSON text). */
function isSample(finding: JsonObject): boolean {
  const info = objectAt(finding, 'Service', 'AdditionalInfo');
  if (!info) return false;
  if (field(info, 'Sample') === true) return true;
  const value = field(info, 'Value');
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as Json;
      return isObject(parsed) && field(parsed, 'Sample') === true;
    } catch {
      return false;
    }
  }
  return isObject(value) && field(value, 'Sample') === true;
}

function severityOf(value: Json | undefined): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 10 ? n : null;
}

/** One finding object → a Finding, or the reason it cannot be one. */
export function guardDutyFinding(value: Json): Finding | string {
  if (!isObject(value)) return 'not a JSON object';
  const id = text(value, 'Id');
  if (!id) return 'missing Id';
  if (!FINDING_ID.test(id)) return `Id ${JSON.stringify(id.slice(0, 60))} has unexpected characters`;
  const type = text(value, 'Type');
  if (!type) return 'missing Type';
  const severity = severityOf(field(value, 'Severity'));
  if (severity === null) return `Severity ${JSON.stringify(field(value, 'Severity') ?? null)} is not a number from 0 to 10`;

  const service = objectAt(value, 'Service');
  // EventFirstSeen/EventLastSeen are when the activity happened; CreatedAt/UpdatedAt (when GuardDuty
  // wrote the finding) stand in only when the activity times are missing.
  const first = instant(field(service, 'EventFirstSeen')) ?? instant(field(value, 'CreatedAt'));
  const last = instant(field(service, 'EventLastSeen')) ?? instant(field(value, 'UpdatedAt')) ?? first;
  if (!first || !last) return 'no valid EventFirstSeen/EventLastSeen or CreatedAt time';

  const accountId = text(value, 'AccountId');
  const partition = text(value, 'Partition') ?? 'aws';
  const rawCount = field(service, 'Count');
  const count = typeof rawCount === 'number' && Number.isInteger(rawCount) && rawCount > 0 ? rawCount : 1;
  const eventIds = new Set<string>();
  eventIdsOf(value, eventIds);
  const title = text(value, 'Title') ?? type;

  return {
    id: `gd-${id}`,
    source: 'guardduty',
    type,
    severity,
    severityLabel: severityLabel(severity),
    // Sample findings look exactly like real ones; the prefix keeps them from being investigated as such.
    title: isSample(value) && !title.startsWith('[SAMPLE]') ? `[SAMPLE] ${title}` : title,
    description: text(value, 'Description') ?? '',
    firstSeen: first <= last ? first : last,
    lastSeen: first <= last ? last : first,
    accountId,
    region: text(value, 'Region'),
    actor: actorOf(value, accountId, partition),
    resources: resourcesOf(value),
    evidenceEventIds: [...eventIds].sort(),
    rule: null,
    count,
  };
}

/** A top-level value of the file, or a line of a newline-delimited file that did not parse. */
type Parsed = { value: Json } | { invalidLine: number };
/** An item that should be a finding, or why it is not one. */
type Item = { value: Json } | { skip: string };

/** Whole-text JSON, else one JSON value per line (EventBridge events as delivered to S3). */
function parseJsonText(input: string): Parsed[] {
  const trimmed = input.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new GuardDutyParseError('The file is empty: expected GuardDuty findings JSON.');
  try {
    return [{ value: JSON.parse(trimmed) as Json }];
  } catch (error) {
    // Numbered before blank lines are dropped, so a reported line number is the one an editor shows.
    const lines = trimmed
      .split(/\r?\n/)
      .map((text, i) => ({ text, number: i + 1 }))
      .filter((l) => l.text.trim() !== '');
    // Only a file whose first line is a whole JSON object is treated as newline-delimited; otherwise
    // a pretty-printed file with one typo would be misread as hundreds of broken lines.
    const first = lines.length > 1 && lines[0] ? tryParse(lines[0].text) : undefined;
    if (first === undefined || !isObject(first)) {
      const why = error instanceof Error ? error.message : String(error);
      throw new GuardDutyParseError(`Not valid JSON (${why}): expected GuardDuty findings JSON.`);
    }
    return lines.map((line): Parsed => {
      const value = tryParse(line.text);
      return value === undefined ? { invalidLine: line.number } : { value };
    });
  }
}

function tryParse(line: string): Json | undefined {
  try {
    return JSON.parse(line) as Json;
  } catch {
    return undefined;
  }
}

/** The findings one value holds: a wrapper's list, an EventBridge event's detail, or the value itself. */
function itemsOf(value: Json, topLevel: boolean): Item[] {
  if (Array.isArray(value) && topLevel) return value.flatMap((v) => itemsOf(v, false));
  if (!isObject(value)) return [{ value }];
  const wrapped = field(value, 'Findings');
  if (Array.isArray(wrapped) && field(value, 'Id') === undefined) return wrapped.map((v) => ({ value: v }));
  const detailType = value['detail-type'];
  if (detailType !== undefined) {
    return detailType === 'GuardDuty Finding'
      ? [{ value: value.detail ?? null }]
      : [{ skip: `an EventBridge event of type ${JSON.stringify(detailType)}, not "GuardDuty Finding"` }];
  }
  return [{ value }];
}

/**
 * Parses GuardDuty findings JSON in any of the shapes above. Throws GuardDutyParseError for text
 * that is not JSON, or JSON that is not an object or array; otherwise returns every usable finding
 * and, by index, each item it skipped and why.
 */
export function parseGuardDuty(input: string): GuardDutyImport {
  const parsed = parseJsonText(input);
  const only = parsed.length === 1 ? parsed[0] : undefined;
  if (only && 'value' in only && !Array.isArray(only.value) && !isObject(only.value)) {
    throw new GuardDutyParseError('Expected a JSON object or array of GuardDuty findings.');
  }
  const items = parsed.flatMap((p): Item[] =>
    'invalidLine' in p ? [{ skip: `line ${p.invalidLine} is not valid JSON` }] : itemsOf(p.value, true),
  );
  const findings: Finding[] = [];
  const skipped: SkippedFinding[] = [];
  items.forEach((item, index) => {
    if ('skip' in item) {
      skipped.push({ index, reason: item.skip });
      return;
    }
    const finding = guardDutyFinding(item.value);
    if (typeof finding === 'string') skipped.push({ index, reason: finding });
    else findings.push(finding);
  });
  return { findings, skipped };
}

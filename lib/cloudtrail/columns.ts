/**
 * The `cloudtrail_logs` columns, declared once, exactly as AWS's official Athena CloudTrail table
 * (plus `sessioncontext.sourceidentity`, which the official DDL omits). Each field records the
 * CloudTrail JSON key it comes from, because Athena's JsonSerDe matches keys case-insensitively
 * while DuckDB's JSON reader does not.
 *
 * Used by: the DuckDB ingest (JSON → typed struct), the Athena DDL, rebuilding raw records from
 * Athena rows, and `col`: the SQL of every column queries and filters read.
 */

import { code, type Sql } from '@/lib/sql/sql';

export type ColumnType =
  | { kind: 'string' }
  /** Text holding JSON (requestparameters, responseelements...): objects are kept as JSON text. */
  | { kind: 'json' }
  | { kind: 'struct'; fields: readonly Field[] }
  | { kind: 'array'; of: ColumnType }
  | { kind: 'map' };

export interface Field {
  /** Athena's (lower-case) name. */
  name: string;
  /** The key in a CloudTrail JSON record. */
  key: string;
  type: ColumnType;
}

const string: ColumnType = { kind: 'string' };
const json: ColumnType = { kind: 'json' };
const struct = (...fields: Field[]): ColumnType => ({ kind: 'struct', fields });
const f = (key: string, type: ColumnType = string): Field => ({ name: key.toLowerCase(), key, type });

export const USER_IDENTITY = struct(
  f('type'),
  f('principalId'),
  f('arn'),
  f('accountId'),
  f('invokedBy'),
  f('accessKeyId'),
  f('userName'),
  f('onBehalfOf', struct(f('userId'), f('identityStoreArn'))),
  f(
    'sessionContext',
    struct(
      f('attributes', struct(f('mfaAuthenticated'), f('creationDate'))),
      f('sessionIssuer', struct(f('type'), f('principalId'), f('arn'), f('accountId'), f('userName'))),
      f('ec2RoleDelivery'),
      f('webIdFederationData', struct(f('federatedProvider'), f('attributes', { kind: 'map' }))),
      f('sourceIdentity'),
    ),
  ),
);

export const CLOUDTRAIL_COLUMNS: readonly Field[] = [
  f('eventVersion'),
  f('userIdentity', USER_IDENTITY),
  f('eventTime'),
  f('eventSource'),
  f('eventName'),
  f('awsRegion'),
  f('sourceIPAddress'),
  f('userAgent'),
  f('errorCode'),
  f('errorMessage'),
  f('requestParameters', json),
  f('responseElements', json),
  f('additionalEventData', json),
  f('requestID'),
  f('eventID'),
  f('resources', { kind: 'array', of: struct(f('ARN'), f('accountId'), f('type')) }),
  f('eventType'),
  f('apiVersion'),
  f('readOnly'),
  f('recipientAccountId'),
  f('serviceEventDetails', json),
  f('sharedEventID'),
  f('vpcEndpointId'),
  f('vpcEndpointAccountId'),
  f('eventCategory'),
  f('addendum', struct(f('reason'), f('updatedFields'), f('originalRequestID'), f('originalEventID'))),
  f('sessionCredentialFromConsole'),
  f('edgeDeviceDetails', json),
  f('tlsDetails', struct(f('tlsVersion'), f('cipherSuite'), f('clientProvidedHostHeader'))),
];

export const COLUMN_NAMES = CLOUDTRAIL_COLUMNS.map((c) => c.name);

/**
 * The table schemas users run: Trailscope's setup DDL (`project`), AWS's current documented DDL
 * (`aws`: no `sessioncontext.sourceidentity`) and AWS's older DDL (`aws-legacy`: also without the
 * columns CloudTrail added later). Each lists the column paths it lacks; queries must treat those as
 * NULL (they are optional), never fail on them.
 */
export const TABLE_SCHEMAS = ['project', 'aws', 'aws-legacy'] as const;
export type TableSchema = (typeof TABLE_SCHEMAS)[number];

/**
 * Every column path some users' tables lack (AWS's older DDL lacks them all): the only columns a
 * query may find missing. Queries reach them through `Dialect.optionalColumn`, which reads a typed
 * NULL where the table lacks one.
 */
export const OPTIONAL_COLUMN_PATHS = [
  'useridentity.sessioncontext.sourceidentity',
  'vpcendpointaccountid',
  'eventcategory',
  'addendum',
  'sessioncredentialfromconsole',
  'edgedevicedetails',
  'tlsdetails',
] as const;
export type OptionalColumnPath = (typeof OPTIONAL_COLUMN_PATHS)[number];

const AWS_MISSING = ['useridentity.sessioncontext.sourceidentity'] as const satisfies readonly OptionalColumnPath[];
export const MISSING_COLUMNS: Record<TableSchema, readonly OptionalColumnPath[]> = {
  project: [],
  aws: AWS_MISSING,
  // The older DDL predates every column CloudTrail added since: it lacks them all.
  'aws-legacy': OPTIONAL_COLUMN_PATHS,
};

/** What a panel loses when the table lacks an optional column, for the note shown on it. */
export const OPTIONAL_COLUMN_EFFECTS: Record<OptionalColumnPath, { lackedBy: string; effect: string }> = {
  'useridentity.sessioncontext.sourceidentity': { lackedBy: "AWS's DDL", effect: 'source identities show as empty' },
  vpcendpointaccountid: { lackedBy: "AWS's older DDL", effect: 'VPC endpoint owner accounts show as empty' },
  eventcategory: { lackedBy: "AWS's older DDL", effect: 'data events cannot be told apart, so no service counts as logging data events' },
  addendum: { lackedBy: "AWS's older DDL", effect: "CloudTrail's addenda to corrected events show as empty" },
  sessioncredentialfromconsole: { lackedBy: "AWS's older DDL", effect: 'keys issued at console sign-in are not marked as such' },
  edgedevicedetails: { lackedBy: "AWS's older DDL", effect: 'edge device details show as empty' },
  tlsdetails: { lackedBy: "AWS's older DDL", effect: 'TLS versions and cipher suites show as empty' },
};

/** Where docs/athena.md says how to add a missing optional column. */
export const MISSING_COLUMNS_DOC = 'docs/athena.md#missing-optional-columns';

/** The note a panel carries when its query read NULL for an optional column the table lacks. */
export function missingColumnNote(path: OptionalColumnPath): string {
  const { lackedBy, effect } = OPTIONAL_COLUMN_EFFECTS[path];
  return `This table has no ${path} column (as in ${lackedBy}): ${effect}. Add it: ${MISSING_COLUMNS_DOC}`;
}

/** The columns of a table schema: the declared columns without the paths that schema lacks. */
export function columnsOf(schema: TableSchema): readonly Field[] {
  return withoutPaths(CLOUDTRAIL_COLUMNS, MISSING_COLUMNS[schema], '');
}

function withoutPaths(fields: readonly Field[], missing: readonly string[], prefix: string): Field[] {
  return fields
    .filter((field) => !missing.includes(prefix + field.name))
    .map((field) =>
      field.type.kind === 'struct'
        ? { ...field, type: { kind: 'struct', fields: withoutPaths(field.type.fields, missing, `${prefix}${field.name}.`) } }
        : field,
    );
}

/**
 * Every dotted column path of `fields`: each column, each struct field below it, and the fields of
 * a struct inside an array under the array's own path (`resources.arn`). Map keys are data, not
 * columns, so nothing is listed below a map.
 */
export function columnPaths(fields: readonly Field[] = CLOUDTRAIL_COLUMNS, prefix = ''): string[] {
  const below = (type: ColumnType, path: string): string[] =>
    type.kind === 'struct' ? columnPaths(type.fields, `${path}.`) : type.kind === 'array' ? below(type.of, path) : [];
  return fields.flatMap((f) => [prefix + f.name, ...below(f.type, prefix + f.name)]);
}

/** The optional column a path is, or lies inside; undefined for a required path. */
export function optionalColumnOf(path: string): OptionalColumnPath | undefined {
  return OPTIONAL_COLUMN_PATHS.find((o) => path === o || path.startsWith(`${o}.`));
}

/** The declared paths every table must have: all but the optional columns and what lies inside them. */
export function requiredColumnPaths(): string[] {
  return columnPaths().filter((p) => optionalColumnOf(p) === undefined);
}

/** The declared field at a dotted path (through structs only), or undefined. */
export function fieldAt(path: string, fields: readonly Field[] = CLOUDTRAIL_COLUMNS): Field | undefined {
  const [head, ...rest] = path.split('.');
  const field = fields.find((f) => f.name === head);
  if (!field || rest.length === 0) return field;
  return field.type.kind === 'struct' ? fieldAt(rest.join('.'), field.type.fields) : undefined;
}

/**
 * A required column's SQL: its declared path as text. An undeclared or optional path throws when
 * this module loads, so no query can read a column the declaration above does not list, and none
 * can name one some tables lack (those go through `Dialect.optionalColumn`).
 */
function column(path: string): Sql {
  if (!columnPaths().includes(path)) throw new Error(`Not a declared CloudTrail column: ${path}`);
  if (optionalColumnOf(path) !== undefined) throw new Error(`${path} is optional: read it through Dialect.optionalColumn`);
  return code(path);
}

/**
 * The columns queries and filters read, as SQL, named for their CloudTrail JSON keys. The time
 * column is not here: each dialect reads it its own way (`Dialect.eventTime`).
 */
export const col = {
  userIdentity: {
    type: column('useridentity.type'),
    principalId: column('useridentity.principalid'),
    arn: column('useridentity.arn'),
    accountId: column('useridentity.accountid'),
    invokedBy: column('useridentity.invokedby'),
    accessKeyId: column('useridentity.accesskeyid'),
    userName: column('useridentity.username'),
    sessionContext: {
      attributes: {
        mfaAuthenticated: column('useridentity.sessioncontext.attributes.mfaauthenticated'),
        creationDate: column('useridentity.sessioncontext.attributes.creationdate'),
      },
      sessionIssuer: {
        type: column('useridentity.sessioncontext.sessionissuer.type'),
        principalId: column('useridentity.sessioncontext.sessionissuer.principalid'),
        arn: column('useridentity.sessioncontext.sessionissuer.arn'),
        accountId: column('useridentity.sessioncontext.sessionissuer.accountid'),
        userName: column('useridentity.sessioncontext.sessionissuer.username'),
      },
      ec2RoleDelivery: column('useridentity.sessioncontext.ec2roledelivery'),
    },
  },
  eventSource: column('eventsource'),
  eventName: column('eventname'),
  awsRegion: column('awsregion'),
  sourceIpAddress: column('sourceipaddress'),
  userAgent: column('useragent'),
  errorCode: column('errorcode'),
  requestParameters: column('requestparameters'),
  responseElements: column('responseelements'),
  additionalEventData: column('additionaleventdata'),
  requestId: column('requestid'),
  eventId: column('eventid'),
  resources: column('resources'),
  recipientAccountId: column('recipientaccountid'),
  sharedEventId: column('sharedeventid'),
  vpcEndpointId: column('vpcendpointid'),
} as const;

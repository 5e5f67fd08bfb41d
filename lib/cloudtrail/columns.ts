/**
 * The `cloudtrail_logs` columns, declared once, exactly as AWS's official Athena CloudTrail table
 * (plus `sessioncontext.sourceidentity`, which the official DDL omits). Each field records the
 * CloudTrail JSON key it comes from, because Athena's JsonSerDe matches keys case-insensitively
 * while DuckDB's JSON reader does not.
 *
 * Used by: the DuckDB ingest (JSON → typed struct), the Athena DDL, rebuilding raw records from
 * Athena rows, and the allowlist of columns that filters may reference.
 */

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

const AWS_MISSING = ['useridentity.sessioncontext.sourceidentity'] as const;
export const MISSING_COLUMNS: Record<TableSchema, readonly string[]> = {
  project: [],
  aws: AWS_MISSING,
  'aws-legacy': [
    ...AWS_MISSING,
    'vpcendpointaccountid',
    'eventcategory',
    'addendum',
    'sessioncredentialfromconsole',
    'edgedevicedetails',
    'tlsdetails',
  ],
};

/** Every column path some users' tables lack: the only columns a query may find missing. */
export const OPTIONAL_COLUMN_PATHS: readonly string[] = MISSING_COLUMNS['aws-legacy'];

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

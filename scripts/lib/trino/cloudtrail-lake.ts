import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * CloudTrail files as the Hive connector can read them: `{"Records":[…]}` objects (one per S3
 * object) rewritten as one record per line, gzip, one file per account, region and day in
 * CloudTrail's S3 layout under `<lakeDir>/<table>/AWSLogs/…`. Objects stay objects: the table's
 * OPENX_JSON format returns them in varchar columns as JSON text, as Athena's CloudTrail SerDe does.
 */
export function writeCloudTrailLake(sourceDir: string, lakeDir: string, table: string): { files: number; records: number } {
  const byFolder = new Map<string, string[]>();
  let records = 0;
  for (const file of walk(sourceDir)) {
    if (!file.endsWith('.json.gz') && !file.endsWith('.json')) continue;
    const text = (file.endsWith('.gz') ? zlib.gunzipSync(fs.readFileSync(file)) : fs.readFileSync(file)).toString('utf8');
    const parsed = JSON.parse(text) as { Records?: unknown[] };
    const folder = path.relative(sourceDir, path.dirname(file));
    const lines = byFolder.get(folder) ?? [];
    for (const record of parsed.Records ?? []) {
      lines.push(JSON.stringify(record));
      records++;
    }
    byFolder.set(folder, lines);
  }
  for (const [folder, lines] of byFolder) {
    const dir = path.join(lakeDir, table, folder);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'records.json.gz'), zlib.gzipSync(`${lines.join('\n')}\n`));
  }
  return { files: byFolder.size, records };
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** Athena's CloudTrail columns (AWS's DDL plus sourceidentity), as Trino types. */
export const CLOUDTRAIL_TRINO_COLUMNS = `
  eventversion varchar,
  useridentity ROW(
    type varchar, principalid varchar, arn varchar, accountid varchar, invokedby varchar, accesskeyid varchar, username varchar,
    onbehalfof ROW(userid varchar, identitystorearn varchar),
    sessioncontext ROW(
      attributes ROW(mfaauthenticated varchar, creationdate varchar),
      sessionissuer ROW(type varchar, principalid varchar, arn varchar, accountid varchar, username varchar),
      ec2roledelivery varchar,
      webidfederationdata ROW(federatedprovider varchar, attributes map(varchar, varchar)),
      sourceidentity varchar)),
  eventtime varchar, eventsource varchar, eventname varchar, awsregion varchar, sourceipaddress varchar, useragent varchar,
  errorcode varchar, errormessage varchar, requestparameters varchar, responseelements varchar, additionaleventdata varchar,
  requestid varchar, eventid varchar,
  resources array(ROW(arn varchar, accountid varchar, type varchar)),
  eventtype varchar, apiversion varchar, readonly varchar, recipientaccountid varchar, serviceeventdetails varchar,
  sharedeventid varchar, vpcendpointid varchar, vpcendpointaccountid varchar, eventcategory varchar,
  addendum ROW(reason varchar, updatedfields varchar, originalrequestid varchar, originaleventid varchar),
  sessioncredentialfromconsole varchar, edgedevicedetails varchar,
  tlsdetails ROW(tlsversion varchar, ciphersuite varchar, clientprovidedhostheader varchar)`;

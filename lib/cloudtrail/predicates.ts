import { sql } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';

/** A call CloudTrail recorded with an error code; an empty string is how some sources write "none". */
export const failedCall = sql`${col.errorCode} IS NOT NULL AND ${col.errorCode} <> ''`;

/** A call that succeeded: no error code. */
export const succeededCall = sql`(${col.errorCode} IS NULL OR ${col.errorCode} = '')`;

import { sql } from '@/lib/sql/sql';

/** A call CloudTrail recorded with an error code; an empty string is how some sources write "none". */
export const failedCall = sql`errorcode IS NOT NULL AND errorcode <> ''`;

/** A call that succeeded: no error code. */
export const succeededCall = sql`(errorcode IS NULL OR errorcode = '')`;

/**
 * The query the e2e's local Athena fails: event searches for this event name fail as Athena fails a
 * query that reads a corrupt file, so the e2e can show what a page does when its engine fails.
 */
export const FAILING_EVENT_NAME = 'E2eCorruptFileProbe';
export const FAILING_REASON = "HIVE_BAD_DATA: Error parsing field value 'not-a-time' for field 0: Invalid format: \"not-a-time\" (s3://cloudtrail/AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/18/corrupt.json.gz)";

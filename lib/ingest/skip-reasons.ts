import { MAX_RECORD_DEPTH } from '@/lib/cloudtrail/raw';

/** Why a file or a record was not ingested. One list, so the summary and the tests agree. */
export const FILE_SKIP_REASONS = ['gzip-error', 'invalid-json', 'unknown-shape', 'read-error', 'too-large'] as const;
export type FileSkipReason = (typeof FILE_SKIP_REASONS)[number];

export const RECORD_SKIP_REASONS = [
  'not-an-object',
  'missing-event-id',
  'missing-event-time',
  'invalid-event-time',
  'not-cloudtrail',
  'too-deep',
] as const;
export type RecordSkipReason = (typeof RECORD_SKIP_REASONS)[number];

export const SKIP_REASON_TEXT: Record<FileSkipReason | RecordSkipReason, string> = {
  'gzip-error': 'truncated or corrupt gzip',
  'invalid-json': 'not valid JSON',
  'unknown-shape': 'JSON, but not CloudTrail records ({"Records":[...]}, an array or JSON lines)',
  'read-error': 'could not be read',
  'too-large': 'too large to read at once',
  'not-an-object': 'record is not a JSON object',
  'missing-event-id': 'record has no eventID',
  'missing-event-time': 'record has no eventTime',
  'invalid-event-time': 'record has an unparseable eventTime',
  'not-cloudtrail': 'record has neither eventName nor eventSource',
  'too-deep': `record nests JSON deeper than ${MAX_RECORD_DEPTH} levels`,
};

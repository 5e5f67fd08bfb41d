import { fileSuffix } from './ids';
import { Rng } from './prng';
import { datePath, deliveryStamp, MINUTE, SECOND } from './time';

/**
 * CloudTrail's S3 delivery: each account+region stream is cut into windows of
 * 5–15 minutes; a window that had events becomes one file, delivered a few
 * minutes after it closes. The folder is the delivery date, so a window that
 * closes just before midnight lands in the next day's folder, as real logs do.
 *
 *   AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 alnum>.json.gz
 */

export interface LogFile {
  /** Path relative to the output directory, with forward slashes. */
  readonly key: string;
  readonly accountId: string;
  readonly region: string;
  readonly deliveredAt: number;
  /** The records, already serialized, in time order. */
  readonly records: readonly string[];
}

export function logFileKey(accountId: string, region: string, deliveredAt: number, suffix: string): string {
  return (
    `AWSLogs/${accountId}/CloudTrail/${region}/${datePath(deliveredAt)}/` +
    `${accountId}_CloudTrail_${region}_${deliveryStamp(deliveredAt)}_${suffix}.json.gz`
  );
}

/** The body CloudTrail writes: compact JSON, one Records array. */
export function logFileBody(records: readonly string[]): string {
  return `{"Records":[${records.join(',')}]}`;
}

interface Stream {
  readonly accountId: string;
  readonly region: string;
  readonly rng: Rng;
  windowEnd: number;
  records: string[];
}

export class DeliveryWindows {
  private readonly streams = new Map<string, Stream>();

  constructor(
    private readonly seed: string,
    private readonly startMs: number,
  ) {}

  private stream(accountId: string, region: string): Stream {
    const key = `${accountId}|${region}`;
    let s = this.streams.get(key);
    if (!s) {
      const rng = Rng.from(this.seed, 'delivery', accountId, region);
      s = { accountId, region, rng, windowEnd: this.startMs + this.windowLength(rng), records: [] };
      this.streams.set(key, s);
    }
    return s;
  }

  private windowLength(rng: Rng): number {
    return rng.int(5 * 60, 15 * 60) * SECOND;
  }

  private close(s: Stream): LogFile | undefined {
    if (s.records.length === 0) return undefined;
    const deliveredAt = s.windowEnd + s.rng.int(60, 6 * 60) * SECOND;
    const file: LogFile = {
      key: logFileKey(s.accountId, s.region, deliveredAt, fileSuffix(s.rng)),
      accountId: s.accountId,
      region: s.region,
      deliveredAt,
      records: s.records,
    };
    s.records = [];
    return file;
  }

  /** Adds a record; returns the file it completed, if its arrival closed one. Records must come in time order. */
  add(timeMs: number, accountId: string, region: string, json: string): LogFile | undefined {
    const s = this.stream(accountId, region);
    let done: LogFile | undefined;
    if (timeMs >= s.windowEnd) {
      done = this.close(s);
      // Skip empty windows in whole steps; a long quiet spell costs a few draws per quarter hour at most.
      while (timeMs >= s.windowEnd) s.windowEnd += this.windowLength(s.rng);
    }
    s.records.push(json);
    return done;
  }

  /** Closes every window that ends at or before `timeMs` (no later record can fall in it). */
  closeUpTo(timeMs: number): LogFile[] {
    const out: LogFile[] = [];
    for (const s of this.streams.values()) {
      if (s.windowEnd <= timeMs) {
        const f = this.close(s);
        if (f) out.push(f);
        while (s.windowEnd <= timeMs) s.windowEnd += this.windowLength(s.rng);
      }
    }
    return out;
  }

  closeAll(): LogFile[] {
    const out: LogFile[] = [];
    for (const s of this.streams.values()) {
      const f = this.close(s);
      if (f) out.push(f);
    }
    return out;
  }
}

/** The longest a record can wait between its event time and its file's delivery. */
export const MAX_DELIVERY_LAG = 21 * MINUTE;

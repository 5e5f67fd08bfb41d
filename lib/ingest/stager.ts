import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { StagedBatch } from '@/lib/event-store/write-segment';

/**
 * Collects checked records into an NDJSON staging file that DuckDB reads in one pass. Lines are
 * buffered and written in large chunks: many small writes would cost more than the parsing.
 */
export class Stager {
  private stream: fs.WriteStream | null = null;
  private file = '';
  private buffer: string[] = [];
  private bufferedChars = 0;
  records = 0;
  private minTime = '';
  private maxTime = '';

  constructor(private readonly dir: string) {}

  add(eventTime: string, sourceFile: string, record: unknown): void {
    if (this.stream === null) {
      fs.mkdirSync(this.dir, { recursive: true });
      this.file = path.join(this.dir, `batch-${process.pid}-${randomBytes(4).toString('hex')}.ndjson`);
      this.stream = fs.createWriteStream(this.file);
      this.minTime = eventTime;
      this.maxTime = eventTime;
    }
    const line = `{"ts":"${eventTime}","f":${JSON.stringify(sourceFile)},"r":${JSON.stringify(record)}}\n`;
    this.buffer.push(line);
    this.bufferedChars += line.length;
    this.records++;
    if (eventTime < this.minTime) this.minTime = eventTime;
    if (eventTime > this.maxTime) this.maxTime = eventTime;
    if (this.bufferedChars > 8 * 1024 * 1024) this.flushBuffer();
  }

  private flushBuffer(): void {
    if (this.stream && this.buffer.length > 0) this.stream.write(this.buffer.join(''));
    this.buffer = [];
    this.bufferedChars = 0;
  }

  /** Closes the current file and hands it over; the next `add` starts a new one. */
  async seal(): Promise<StagedBatch | null> {
    if (this.stream === null) return null;
    this.flushBuffer();
    const stream = this.stream;
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.end(resolve);
    });
    const batch: StagedBatch = { file: this.file, records: this.records, minTime: this.minTime, maxTime: this.maxTime };
    this.stream = null;
    this.records = 0;
    return batch;
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Collects records the Node path has checked into an NDJSON file in the shape the batch loader
 * reads: `{"Records":[record],"f":sourceFile,"ts":time}` per line. `ts` carries the time Node
 * settled on (e.g. from a Logstash `@timestamp`). Lines are buffered and written in large chunks.
 */
export class Stager {
  private stream: fs.WriteStream | null = null;
  private file = '';
  private buffer: string[] = [];
  private bufferedChars = 0;
  records = 0;

  constructor(private readonly dir: string) {}

  add(eventTime: string, sourceFile: string, record: unknown): void {
    if (this.stream === null) {
      fs.mkdirSync(this.dir, { recursive: true });
      this.file = path.join(this.dir, `batch-${process.pid}-${randomBytes(4).toString('hex')}.ndjson`);
      this.stream = fs.createWriteStream(this.file);
    }
    const line = `{"Records":[${JSON.stringify(record)}],"f":${JSON.stringify(sourceFile)},"ts":"${eventTime}"}\n`;
    this.buffer.push(line);
    this.bufferedChars += line.length;
    this.records++;
    if (this.bufferedChars > 8 * 1024 * 1024) this.flushBuffer();
  }

  private flushBuffer(): void {
    if (this.stream && this.buffer.length > 0) this.stream.write(this.buffer.join(''));
    this.buffer = [];
    this.bufferedChars = 0;
  }

  /** Closes the current file and returns its path; the next `add` starts a new one. */
  async seal(): Promise<string | null> {
    if (this.stream === null) return null;
    this.flushBuffer();
    const stream = this.stream;
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.end(resolve);
    });
    this.stream = null;
    this.records = 0;
    return this.file;
  }
}

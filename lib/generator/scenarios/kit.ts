import { apiCall, type ApiCallInput } from '../event-builders';
import type { Variant } from '../options';
import type { Rng } from '../prng';
import type { ScenarioTruths } from '../scenarios';
import { DAY, floorTo, HOUR, MINUTE, SECOND, wholeSeconds } from '../time';
import type { CloudTrailRecord, Emitter } from '../types';

/** What every scenario module receives. */
export interface ScenarioContext {
  readonly seed: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly variant: Variant;
  readonly truths: ScenarioTruths;
  readonly emitter: Emitter;
}

export type Scenario = (ctx: ScenarioContext) => void;

/** Emits records built with one id stream, so each scenario's ids are its own. */
export class Out {
  constructor(
    private readonly emitter: Emitter,
    readonly ids: Rng,
  ) {}

  call(input: ApiCallInput): void {
    this.emitter.emit(input.time, apiCall(this.ids, input));
  }

  record(time: number, record: CloudTrailRecord): void {
    this.emitter.emit(time, record);
  }

  records(time: number, records: readonly CloudTrailRecord[]): void {
    for (const r of records) this.emitter.emit(time, r);
  }
}

/** UTC midnights of every day that overlaps [startMs, endMs). */
export function dayStarts(startMs: number, endMs: number): number[] {
  const out: number[] = [];
  for (let d = floorTo(startMs, DAY); d < endMs; d += DAY) out.push(d);
  return out;
}

/** An instant given as local wall-clock time in a fixed UTC offset (e.g. -8 for Pacific standard time). */
export function atLocal(dayStart: number, utcOffsetHours: number, hour: number, minute = 0, second = 0): number {
  return dayStart + (hour - utcOffsetHours) * HOUR + minute * MINUTE + second * SECOND;
}

/** A random whole-second instant between two local hours. */
export function randomLocal(rng: Rng, dayStart: number, utcOffsetHours: number, fromHour: number, toHour: number): number {
  const from = atLocal(dayStart, utcOffsetHours, fromHour);
  const to = atLocal(dayStart, utcOffsetHours, toHour);
  return wholeSeconds(from + rng.next() * (to - from));
}

/** Advances a clock by a random gap of whole seconds (at least one). */
export function after(rng: Rng, t: number, minSeconds: number, maxSeconds: number): number {
  return t + rng.int(Math.max(1, minSeconds), Math.max(1, maxSeconds)) * SECOND;
}

export function isWeekendDay(dayStart: number): boolean {
  const d = new Date(dayStart).getUTCDay();
  return d === 0 || d === 6;
}

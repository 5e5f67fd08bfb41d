import { API } from '../api-catalog';
import { apiCall, type ApiCallInput } from '../event-builders';
import { stableUuid } from '../ids';
import { type Caller, onBehalfCaller } from '../identity';
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

/** The weekdays in [from, to) on which someone works, each kept with the given probability. */
export function workdays(rng: Rng, from: number, to: number, share: number): number[] {
  return dayStarts(from, to).filter((day) => !isWeekendDay(day) && rng.chance(share));
}

/** The same records with a fixed eventID, for an issuing event tests name in advance. */
export function withEventId(records: readonly CloudTrailRecord[], eventID: string): CloudTrailRecord[] {
  return records.map((r) => ({ ...r, eventID }));
}

export interface SecretRead {
  readonly time: number;
  readonly caller: Caller;
  readonly secretArn: string;
  readonly region: string;
  readonly vpcEndpointId?: string;
  readonly eventID?: string;
}

/**
 * GetSecretValue, and the KMS Decrypt Secrets Manager makes with the caller's credentials to
 * open it: the second carries the caller's identity and key but the service's name as address.
 */
export function readSecret(out: Out, r: SecretRead): void {
  out.call({
    time: r.time,
    caller: r.caller,
    spec: API.getSecretValue,
    region: r.region,
    requestParameters: { secretId: r.secretArn },
    responseElements: null,
    vpcEndpointId: r.vpcEndpointId,
    eventID: r.eventID,
  });
  out.call({
    time: r.time,
    caller: onBehalfCaller(r.caller, 'secretsmanager.amazonaws.com'),
    spec: API.decrypt,
    region: r.region,
    requestParameters: {
      encryptionContext: { SecretARN: r.secretArn, SecretVersionId: stableUuid(`${r.secretArn} version`) },
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    },
  });
}

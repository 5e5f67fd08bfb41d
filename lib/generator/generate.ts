import { DeliveryWindows, logFileBody, type LogFile } from './delivery';
import { type GenerateOptions, timeline } from './options';
import { type LoggingGap, loggingGaps, scenarioTruths } from './scenarios';
import { accountHousekeepingScenario } from './scenarios/account-housekeeping';
import { Background } from './scenarios/background';
import { crossAccountChainScenario } from './scenarios/cross-account-chain';
import { genericSessionScenario } from './scenarios/generic-session';
import { gitlabRunnerScenario } from './scenarios/gitlab-runner';
import { impossibleTravelScenario } from './scenarios/impossible-travel';
import { instanceCredentialsScenario } from './scenarios/instance-credentials';
import type { Scenario, ScenarioContext } from './scenarios/kit';
import { loggingGapScenario } from './scenarios/logging-gap';
import { roleJugglingScenario } from './scenarios/role-juggling';
import { saraScenario } from './scenarios/sara-sso';
import { sensitiveFirstUseScenario } from './scenarios/sensitive-first-use';
import { vendorScenario } from './scenarios/vendor-readonly';
import { HOUR } from './time';
import type { CloudTrailRecord, Emitter } from './types';
import { allocate } from './volume';
import type { FileSink } from './writer';

/**
 * The pipeline:
 *
 *   scenarios 1–5, 7–10 (+ calendar events, + a variant's own) ──► core, built once, sorted ─┐
 *   background, one hour at a time, exact quota per hour ───────────────────────────────────┤
 *                                                               merge by (time, seq) ◄──────┘
 *        ──► a variant's logging gaps dropped ──► delivery windows per account+region
 *        ──► FileSink (gzip, S3 layout)
 *
 * Only one hour of background and the open delivery windows are in memory at
 * any time, so 10M events need no more memory than 10k.
 */

/** The fixed core: every scenario with an incident, plus calendar-driven events. */
export const CORE_SCENARIOS: readonly Scenario[] = [
  saraScenario,
  vendorScenario,
  genericSessionScenario,
  gitlabRunnerScenario,
  crossAccountChainScenario,
  accountHousekeepingScenario,
  instanceCredentialsScenario,
  roleJugglingScenario,
  impossibleTravelScenario,
  sensitiveFirstUseScenario,
];

/**
 * Scenarios that exist only in a variant. Their events take no quota from the background, so the
 * rest of a variant's world stays record for record the default one.
 */
export const VARIANT_SCENARIOS: readonly Scenario[] = [loggingGapScenario];

interface Pending {
  readonly t: number;
  readonly seq: number;
  readonly accountId: string;
  readonly region: string;
  readonly json: string;
}

class Collector implements Emitter {
  readonly items: Pending[] = [];
  constructor(
    private readonly startMs: number,
    private readonly endMs: number,
    private seq: number,
  ) {}

  get nextSeq(): number {
    return this.seq;
  }

  emit(timeMs: number, record: CloudTrailRecord): void {
    // Scenarios may plan a little past the window's edges; the window is the contract.
    if (timeMs < this.startMs || timeMs >= this.endMs) return;
    this.items.push({
      t: timeMs,
      seq: this.seq++,
      accountId: record.recipientAccountId,
      region: record.awsRegion,
      json: JSON.stringify(record),
    });
  }
}

const byTimeThenSeq = (a: Pending, b: Pending) => a.t - b.t || a.seq - b.seq;

export interface GenerateSummary {
  readonly files: number;
  /** Records written: --events, less what a variant's logging gaps dropped, plus its own events. */
  readonly events: number;
  readonly coreEvents: number;
  readonly backgroundEvents: number;
  /** Records a variant's logging gaps kept from delivery. */
  readonly droppedEvents: number;
  readonly bytes: number;
  readonly elapsedMs: number;
  readonly startMs: number;
  readonly endMs: number;
}

interface Core {
  /** Sorted by time. */
  readonly records: Pending[];
  /** How many of them the variant's own scenarios added. */
  readonly variantRecords: number;
}

function buildCoreParts(options: GenerateOptions): Core {
  const { startMs, endMs } = timeline(options);
  const collector = new Collector(startMs, endMs, 0);
  const ctx: ScenarioContext = {
    seed: options.seed,
    startMs,
    endMs,
    variant: options.variant,
    truths: scenarioTruths({ seed: options.seed, end: options.end, variant: options.variant }),
    emitter: collector,
  };
  for (const scenario of CORE_SCENARIOS) scenario(ctx);
  const planted = collector.items.length;
  for (const scenario of VARIANT_SCENARIOS) scenario(ctx);
  return { records: collector.items.sort(byTimeThenSeq), variantRecords: collector.items.length - planted };
}

/** Builds the core records: small, independent of --events, sorted by time. */
export function buildCore(options: GenerateOptions): Pending[] {
  return buildCoreParts(options).records;
}

/** A stopped trail records nothing and an outage delivers nothing: strictly between from and to. */
function inGap(gaps: readonly LoggingGap[], p: Pending): boolean {
  for (const g of gaps) if (p.t > g.from && p.t < g.to && p.accountId === g.accountId && p.region === g.region) return true;
  return false;
}

export function generate(options: GenerateOptions, sink: FileSink, now: () => number = Date.now): GenerateSummary {
  const started = now();
  const { startMs, endMs } = timeline(options);
  const { records: core, variantRecords } = buildCoreParts(options);
  const backgroundTotal = Math.max(0, options.events - (core.length - variantRecords));
  const gaps = loggingGaps(options.variant, options.end);

  const background = new Background(options.seed);
  const slices: number[] = [];
  for (let s = startMs; s < endMs; s += HOUR) slices.push(s);
  const quotas = allocate(
    backgroundTotal,
    slices.map((s) => background.hourWeight(s) * (Math.min(s + HOUR, endMs) - s)),
  );

  const delivery = new DeliveryWindows(options.seed, startMs);
  let events = 0;
  let dropped = 0;
  const ship = (files: readonly LogFile[]) => {
    for (const f of files) sink.write(f.key, logFileBody(f.records));
  };

  let corePos = 0;
  let seq = core.length;
  for (let i = 0; i < slices.length; i++) {
    const sliceStart = slices[i] as number;
    const sliceEnd = Math.min(sliceStart + HOUR, endMs);
    const collector = new Collector(sliceStart, sliceEnd, seq);
    background.fillSlice(sliceStart, sliceEnd, quotas[i] ?? 0, collector);
    seq = collector.nextSeq;
    const batch = collector.items;
    while (corePos < core.length && (core[corePos] as Pending).t < sliceEnd) batch.push(core[corePos++] as Pending);
    batch.sort(byTimeThenSeq);
    const done: LogFile[] = [];
    for (const p of batch) {
      if (gaps.length > 0 && inGap(gaps, p)) {
        dropped++;
        continue;
      }
      const file = delivery.add(p.t, p.accountId, p.region, p.json);
      if (file) done.push(file);
    }
    events += batch.length;
    done.push(...delivery.closeUpTo(sliceEnd));
    ship(done);
  }
  ship(delivery.closeAll());
  const { files, bytes } = sink.close();
  return {
    files,
    events: events - dropped,
    coreEvents: core.length,
    backgroundEvents: events - core.length,
    droppedEvents: dropped,
    bytes,
    elapsedMs: now() - started,
    startMs,
    endMs,
  };
}

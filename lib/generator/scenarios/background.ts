import { Rng } from '../prng';
import { SECOND } from '../time';
import type { Emitter } from '../types';
import {
  type Actor,
  type Burst,
  CliPersonActor,
  ConsolePersonActor,
  LinkedRoleActor,
  LogBucketAclActor,
  RoleUserActor,
  Sink,
  SsoPersonActor,
  WorkloadActor,
} from './background-actors';
import { CLI_PEOPLE, CONSOLE_PEOPLE, LINKED_ROLES, ROLE_USERS, SSO_PEOPLE, WORKLOADS } from './background-cast';

/**
 * Scenario 6, the background: everything else an organisation's trail holds,
 * in the volume --events asks for. The generator gives each hour an exact
 * quota; the background fills it with bursts from actors chosen by how active
 * each is at that hour (people by their local working day and weekdays,
 * workloads around the clock). Actors keep their sessions across hours.
 */

interface WeightedActors {
  readonly actors: readonly Actor[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

export class Background {
  private readonly rng: Rng;
  private readonly ids: Rng;
  private readonly actors: readonly Actor[];
  private readonly fallback: Actor;
  private readonly tables = new Map<number, WeightedActors>();

  constructor(seed: string) {
    this.rng = Rng.from(seed, 'background', 'plan');
    this.ids = Rng.from(seed, 'background', 'ids');
    this.fallback = new LogBucketAclActor();
    this.actors = [
      ...CLI_PEOPLE.map((p) => new CliPersonActor(p)),
      ...CONSOLE_PEOPLE.map((p) => new ConsolePersonActor(p)),
      ...ROLE_USERS.map((r) => new RoleUserActor(r)),
      ...SSO_PEOPLE.map((p) => new SsoPersonActor(p)),
      ...WORKLOADS.map((w) => new WorkloadActor(w)),
      ...LINKED_ROLES.map((l) => new LinkedRoleActor(l)),
      this.fallback,
    ];
  }

  private table(hourStart: number): WeightedActors {
    const d = new Date(hourStart);
    const utcHour = d.getUTCHours();
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    const key = utcHour * 2 + (weekend ? 1 : 0);
    const cached = this.tables.get(key);
    if (cached) return cached;
    const cumulative: number[] = [];
    let total = 0;
    for (const a of this.actors) {
      total += a.weight(utcHour, weekend);
      cumulative.push(total);
    }
    const built = { actors: this.actors, cumulative, total };
    this.tables.set(key, built);
    return built;
  }

  /** Relative busyness of an hour, used to split --events over the window. */
  hourWeight(hourStart: number): number {
    return this.table(hourStart).total;
  }

  /** Emits exactly `quota` records with times in [start, end), a slice of at most one hour. */
  fillSlice(start: number, end: number, quota: number, emitter: Emitter): void {
    const table = this.table(start);
    const sink = new Sink(emitter, this.ids);
    const limit = end;
    const seconds = Math.max(1, Math.floor((end - start) / SECOND));
    while (sink.count < quota) {
      const r = this.rng.next() * table.total;
      let idx = 0;
      while (idx < table.cumulative.length - 1 && (table.cumulative[idx] as number) <= r) idx++;
      const actor = table.actors[idx] ?? this.fallback;
      const t0 = start + this.rng.int(0, seconds - 1) * SECOND;
      const burst: Burst = { rng: this.rng, sink, limit, max: quota - sink.count };
      if (actor.burst(t0, burst) === 0) this.fallback.burst(t0, burst);
    }
  }
}

import type { BehaviorCountRow } from './behavior-counts';

/** A value's calls before and inside the scope. */
export interface Observed {
  baselineCalls: number;
  scope: { success: number; failed: number };
  /** First call inside the scope (ISO), null when the scope has none. */
  firstSeen: string | null;
  /** Last call in the baseline (ISO), null when the baseline has none. */
  baselineLastSeen: string | null;
}

export interface ApiObserved extends Observed {
  eventSource: string;
  eventName: string;
}

/** The counts query's rows, split by kind and keyed by value. */
export interface Observations {
  ips: Map<string, Observed>;
  /** Keyed by the raw agent; a missing agent is the empty string. */
  userAgents: Map<string, Observed>;
  /** Keyed by `eventsource:eventname`. */
  apis: Map<string, ApiObserved>;
  /** The subject over the whole window; `windowFirst` is its earliest event in it. */
  total: Observed & { windowFirst: string | null };
}

export const scopeCalls = (o: Observed): number => o.scope.success + o.scope.failed;
export const apiKey = (eventSource: string, eventName: string): string => `${eventSource}:${eventName}`;

function observed(r: BehaviorCountRow): Observed {
  return {
    baselineCalls: r.baselineCalls,
    scope: { success: r.scopeSuccess, failed: r.scopeFailed },
    firstSeen: r.scopeFirst,
    baselineLastSeen: r.baselineLast,
  };
}

const EMPTY: Observed = { baselineCalls: 0, scope: { success: 0, failed: 0 }, firstSeen: null, baselineLastSeen: null };

export function toObservations(rows: readonly BehaviorCountRow[]): Observations {
  const result: Observations = { ips: new Map(), userAgents: new Map(), apis: new Map(), total: { ...EMPTY, windowFirst: null } };
  for (const r of rows) {
    switch (r.kind) {
      case 'ip':
        // CloudTrail always writes sourceIPAddress; a null would have nothing to open or locate.
        if (r.value !== null) result.ips.set(r.value, observed(r));
        break;
      case 'user-agent':
        result.userAgents.set(r.value ?? '', observed(r));
        break;
      case 'api':
        if (r.value !== null && r.service !== null) {
          result.apis.set(apiKey(r.service, r.value), { ...observed(r), eventSource: r.service, eventName: r.value });
        }
        break;
      case 'all':
        result.total = { ...observed(r), windowFirst: r.firstSeen };
        break;
    }
  }
  return result;
}

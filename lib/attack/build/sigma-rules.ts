import { z } from '@/lib/zod';
import { ANY_SOURCE, type NamedEvent } from './event-names';

/**
 * A SigmaHQ CloudTrail rule → the events it matches and the ATT&CK ids it is tagged with
 * (`attack.t1562.008`). The events are the `eventName` values of the selections the condition
 * does not negate (a filter's `eventName` is an exclusion, not a match). The other fields that
 * constrain an event are kept as its `when`: those of its own selection, of the selections that
 * name no event (ANDed context such as a user agent), and of the filters. A reader can then tell
 * an event that is the technique from one that is it only in that context. The rule's condition
 * is not evaluated further: `when` says which fields matter, not how.
 */

const rule = z.object({
  title: z.string(),
  author: z.string().optional(),
  tags: z.array(z.string()).optional(),
  detection: z.record(z.string(), z.unknown()),
});

export interface SigmaEvent extends NamedEvent {
  when: string[];
}

export interface SigmaRule {
  /** The rule file's name without `.yml`. */
  name: string;
  title: string;
  author?: string;
  techniqueIds: string[];
  events: SigmaEvent[];
}

/** Fields that only restrict a rule to successful (or failed) calls: not a context worth naming. */
const OUTCOME_FIELDS = new Set(['errorCode', 'status']);
const EVENT_FIELDS = new Set(['eventName', 'eventSource']);

type Selection = Record<string, unknown>;

function selectionMaps(value: unknown): Selection[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is Selection => typeof v === 'object' && v !== null && !Array.isArray(v));
}

function stringValues(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** Names of the selections the condition negates (`not filter`, `not 1 of filter_*`). */
function negated(condition: string, names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const m of condition.matchAll(/\bnot\s+(?:(?:1|all)\s+of\s+)?([A-Za-z0-9_*]+)/g)) {
    const pattern = new RegExp(`^${m[1]!.replace(/\*/g, '.*')}$`);
    for (const n of names) if (pattern.test(n)) out.add(n);
  }
  return out;
}

/** Field names without Sigma's modifiers (`userAgent|contains` → `userAgent`) that are neither the event nor its outcome. */
const contextFields = (s: Selection) =>
  Object.keys(s)
    .map((f) => f.split('|')[0]!)
    .filter((f) => !EVENT_FIELDS.has(f) && !OUTCOME_FIELDS.has(f));

export function parseSigmaRule(name: string, document: unknown): SigmaRule {
  const r = rule.parse(document);
  const condition = stringValues(r.detection.condition).join(' or ');
  const names = Object.keys(r.detection).filter((k) => k !== 'condition' && k !== 'timeframe');
  const excluded = negated(condition, names);
  const positive = names.filter((n) => !excluded.has(n)).flatMap((n) => selectionMaps(r.detection[n]));
  const filters = names.filter((n) => excluded.has(n)).flatMap((n) => selectionMaps(r.detection[n]));
  const withEvent = positive.filter((s) => 'eventName' in s);
  const context = positive.filter((s) => !('eventName' in s));
  const contextSources = [...new Set(context.flatMap((s) => stringValues(s.eventSource)))];
  const sharedWhen = [...context, ...filters].flatMap(contextFields);

  const events = new Map<string, SigmaEvent>();
  for (const s of withEvent) {
    const own = stringValues(s.eventSource);
    // With several services in play (sso, sso-directory) the rule does not say which name goes with which.
    const sources = own.length > 0 ? own : contextSources;
    const eventSource = sources.length === 1 ? sources[0]! : ANY_SOURCE;
    const when = [...new Set([...contextFields(s), ...sharedWhen])].sort();
    for (const eventName of stringValues(s.eventName)) {
      const key = `${eventSource}:${eventName}`;
      const seen = events.get(key);
      events.set(key, { eventSource, eventName, when: seen ? [...new Set([...seen.when, ...when])].sort() : when });
    }
  }
  return {
    name,
    title: r.title,
    ...(r.author ? { author: r.author } : {}),
    techniqueIds: [...new Set((r.tags ?? []).flatMap((t) => (/^attack\.t\d{4}(\.\d{3})?$/i.test(t) ? [t.slice('attack.'.length).toUpperCase()] : [])))],
    events: [...events.values()].sort((a, b) => a.eventName.localeCompare(b.eventName)),
  };
}

import { ANY_SOURCE, serviceEventSource, type NamedEvent } from './event-names';

/**
 * Stratus Red Team documents each AWS attack technique in `docs/attack-techniques/AWS/<id>.md`:
 * its mappings (ATT&CK tactics; technique ids through AWS's Threat Technique Catalog), a Detection
 * section naming the CloudTrail events to watch, and the events a real detonation logged. A
 * technique's events are the ones its Detection section names that the detonation also logged:
 * the log alone includes warm-up and helper calls (sts:GetCallerIdentity, sts:AssumeRole), and
 * the Detection text alone can name events logged elsewhere.
 */

export interface StratusTechnique {
  id: string;
  /** ATT&CK-shaped ids from the mappings; catalogue-specific ones (T1666.A002) are not ATT&CK ids and are left out. */
  techniqueIds: string[];
  tactics: string[];
  events: NamedEvent[];
}

function section(markdown: string, heading: string): string {
  const start = markdown.search(new RegExp(`^## ${heading}\\b`, 'm'));
  if (start < 0) return '';
  const after = markdown.slice(start + 3);
  const end = after.search(/^## /m);
  return end < 0 ? after : after.slice(0, end);
}

export function parseStratusTechnique(id: string, markdown: string): StratusTechnique {
  const mappings = section(markdown, 'Mappings');
  const techniqueIds = [...new Set([...mappings.matchAll(/\((T\d{4}(?:\.\d{3})?)\)/g)].map((m) => m[1]!))];
  const attackList = mappings.split(/^- /m).find((block) => block.startsWith('MITRE ATT&CK')) ?? '';
  const tactics = [...attackList.matchAll(/^\s+- (.+?)\s*$/gm)].map((m) => m[1]!);

  const named = new Set([...section(markdown, 'Detection').matchAll(/<code>([A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)<\/code>/g)].map((m) => m[1]!));
  const logged = [...section(markdown, 'Detonation logs').matchAll(/^- `([a-z0-9-]+):([A-Za-z0-9]+)`\s*$/gm)].map((m) => ({
    eventSource: serviceEventSource(m[1]!),
    eventName: m[2]!,
  }));
  const events = logged.length > 0 ? logged.filter((e) => named.has(e.eventName)) : [...named].map((eventName) => ({ eventSource: ANY_SOURCE, eventName }));
  return { id, techniqueIds, tactics, events };
}

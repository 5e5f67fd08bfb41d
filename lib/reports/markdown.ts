/** Pure: an investigation report as Markdown, for a ticket or a case file; the same facts as the page. */
import { ATTACK_ATTRIBUTION } from '@/lib/attack/techniques';
import type { InvestigationReport } from './build';

const cell = (v: string | number | null) => String(v ?? '—').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = (head: readonly string[], rows: readonly (readonly (string | number | null)[])[]) =>
  rows.length === 0 ? '_None._\n' : [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n') + '\n';

/** The attribution TrailDiscover's licence asks for wherever its mappings show. */
export const TRAILDISCOVER_ATTRIBUTION = 'Event mappings from TrailDiscover by Adan Alvarez, https://github.com/adanalvarez/TrailDiscover, CC BY 4.0.';

export function reportMarkdown(r: InvestigationReport): string {
  const out: string[] = [];
  out.push(`# Investigation report: ${r.subject.label}`, '');
  out.push(`Scope: ${r.scope.from} – ${r.scope.to}. Generated ${r.generatedAt} by Trailscope.`, '');
  if (r.gaps.length > 0) {
    out.push('## Gaps in the logs', '', ...r.gaps.map((g) => `- **${g.sentence}** ${g.reason}`), '');
  }
  out.push('## Chain to the origin', '');
  if (!r.chain) out.push(r.subject.kind === 'role-session' ? '_Not resolved._' : `_A ${r.subject.kind} is an identity of its own: see the findings' origins below._`, '');
  else {
    out.push(`Origin: **${r.chain.origin ?? `unknown (the chain ends ${r.chain.end})`}**`, '');
    out.push(table(['assumed by', 'session', 'at', 'link'], r.chain.hops.map((h) => [h.from, h.to, h.at, h.label])));
  }
  out.push('## ATT&CK-tagged activity', '');
  out.push(`${r.activity.calls} calls (${r.activity.failed} failed) to ${r.activity.apis} APIs; ${r.activity.unmapped.apis} APIs (${r.activity.unmapped.calls} calls) map to no technique. ATT&CK v${r.attackVersion}.`, '');
  out.push(
    table(
      ['technique', 'tactics', 'API calls', 'calls (failed)', 'mapped by'],
      r.activity.techniques.map((t) => [
        `${t.technique.id} ${t.technique.displayName}`,
        t.technique.tactics.map((x) => x.name).join(', '),
        t.events.map((e) => `${e.eventName}${e.when.length ? ` (when ${e.when.join(', ')})` : ''}`).join(', '),
        `${t.calls} (${t.failed})`,
        [...new Set(t.events.flatMap((e) => e.sources))].join(', '),
      ]),
    ),
  );
  out.push('## Impossible travel', '', ...(r.impossibleTravel.length ? r.impossibleTravel.map((f) => `- ${f.description}`) : ['_None found in the scope._']), '');
  const nb = r.newBehavior;
  out.push('## New behavior', '');
  out.push(nb.baseline.judged ? `Against the baseline ${nb.baseline.from} – ${nb.baseline.to} (${nb.baseline.days} days).` : `Not judged: ${nb.baseline.message ?? 'no baseline'}.`, '');
  out.push('### New APIs', '', table(['API', 'calls', 'first seen'], nb.apis.map((a) => [`${a.eventSource} ${a.eventName}`, a.calls, a.firstSeen])));
  out.push('### New places', '', table(['where', 'addresses', 'calls', 'first seen'], nb.locations.map((l) => [l.label, l.ips.join(', '), l.calls, l.firstSeen])));
  out.push('### New user agents', '', table(['agent', 'calls', 'first seen'], nb.userAgents.map((u) => [u.label, u.calls, u.firstSeen])));
  out.push('## Findings', '', table(['first seen', 'severity', 'finding', 'status', 'ATT&CK'], r.findings.map((f) => [f.firstSeen, f.severityLabel, f.title, f.status, f.techniques.join(', ')])));
  out.push('## Incidents', '', table(['incident', 'severity', 'findings', 'seen', 'open'], r.incidents.map((i) => [i.title, i.severityLabel, i.findings, `${i.firstSeen} – ${i.lastSeen}`, i.open ? 'yes' : 'no'])));
  out.push('## Queries', '', ...r.queries.map((q) => `- ${q.stats.engine}, ${q.stats.elapsedMs} ms${q.stats.bytesScanned !== null ? `, ${q.stats.bytesScanned} bytes scanned` : ''}${q.stats.costUsd !== null ? `, $${q.stats.costUsd.toFixed(4)}` : ''}`), '');
  out.push('---', '', `${ATTACK_ATTRIBUTION} ${TRAILDISCOVER_ATTRIBUTION}`, '');
  return out.join('\n');
}

import Link from 'next/link';
import { Card } from '@/components/card';
import { DataTable, Empty, num, numeric, td } from '@/components/data-table';
import { CallCountCells, CountLink } from '@/components/count-link';
import { Notice } from '@/components/notice';
import { SqlPanel } from '@/components/sql-panel';
import { WorldMap } from '@/components/world-map';
import { placeMarkers } from '@/lib/geo/world-map';
import { formatCount, shortTime } from '@/lib/format';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { toHref as ipHref } from '@/app/(dashboard)/ips/[ip]/search-params';
import type { Scope } from '@/lib/params/scope';
import type { NewBehavior } from '@/lib/new-behavior/get-new-behavior';
import type { AsnGroup, LocationGroup } from '@/lib/new-behavior/sources';
import { subjectEventFilters, type Subject } from '@/lib/subjects/subject';

/**
 * Detective's five "New behavior" panels for a subject: what in the scope its own baseline never
 * showed. Every item opens the events behind it; the baseline's extent is stated, never assumed.
 */
export function NewBehaviorPanel({ data, subject, scope, baselineHref }: { data: NewBehavior; subject: Subject; scope: Scope; baselineHref: (days: number) => string }) {
  const base = subjectEventFilters(subject);
  const b = data.baseline;
  const markers = placeMarkers(
    [...data.knownGeolocations.map((g) => ({ g, tone: 'known' as const })), ...data.newGeolocations.map((g) => ({ g, tone: 'new' as const }))]
      .filter(({ g }) => g.location.latitude !== null && g.location.longitude !== null)
      .map(({ g, tone }) => ({
        key: `${tone}-${g.key}`,
        latitude: g.location.latitude as number,
        longitude: g.location.longitude as number,
        calls: Math.max(1, g.scope.success + g.scope.failed + g.baselineCalls),
        label: `${g.label}: ${tone === 'new' ? 'new in the scope' : 'seen in the baseline'}`,
        tone,
      })),
  );
  return (
    <div className="space-y-5" data-testid="new-behavior">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm">
        <p>
          Baseline <span className="font-mono text-xs">{shortTime(b.from)}</span> → <span className="font-mono text-xs">{shortTime(b.to)}</span>
          {b.shortened && b.coverageStart && (
            <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">history starts {shortTime(b.coverageStart)}: shorter than {data.baselineDays} days</span>
          )}
        </p>
        <div className="flex items-center gap-1 text-xs" role="group" aria-label="Baseline days">
          <span className="mr-1 text-slate-500">Baseline</span>
          {[7, 30, 45, 90].map((d) => (
            <Link
              key={d}
              href={baselineHref(d)}
              aria-current={d === data.baselineDays ? 'true' : undefined}
              className={`rounded border px-2 py-0.5 ${d === data.baselineDays ? 'border-indigo-600 bg-indigo-50 text-indigo-800' : 'border-slate-300 hover:bg-slate-100'}`}
            >
              {d}d
            </Link>
          ))}
        </div>
      </div>
      {b.reason && (
        <Notice tone="info" title="No baseline to compare with">
          {b.message}
        </Notice>
      )}

      <Card title="Newly observed geolocations" footer={<SqlPanel query={data.queries[0] as NewBehavior['queries'][number]} />}>
        <div className="grid gap-4 lg:grid-cols-5">
          <div className="lg:col-span-3">
            <WorldMap markers={markers} label="Source locations: baseline in blue, new in orange" />
            <p className="mt-1 text-xs text-slate-500">
              <span className="mr-3 inline-flex items-center gap-1"><span className="inline-block h-2.5 w-2.5 rounded-full bg-blue-500/60" /> seen in the baseline</span>
              <span className="inline-flex items-center gap-1"><span className="inline-block h-2.5 w-2.5 rounded-full bg-orange-500/70" /> new in the scope</span>
            </p>
          </div>
          <div className="lg:col-span-2">
            <SourceGroups groups={data.newGeolocations} scope={scope} base={base} empty="No location in the scope is new." label={(g) => (g as LocationGroup).label} testId="new-geolocations" />
            {data.knownGeolocations.length > 0 && (
              <p className="mt-3 text-xs text-slate-500">
                Known: {data.knownGeolocations.map((g) => g.label).join(' · ')}
              </p>
            )}
          </div>
        </div>
      </Card>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card title="Newly observed autonomous system organizations">
          <SourceGroups groups={data.newAsns} scope={scope} base={base} empty="No network in the scope is new." label={(g) => `AS${(g as AsnGroup).asn} ${(g as AsnGroup).organization ?? ''}`} testId="new-asns" />
        </Card>
        <Card title="Newly observed user agents">
          {data.newUserAgents.length === 0 ? (
            <Empty testId="new-user-agents">No user agent in the scope is new.</Empty>
          ) : (
            <ul className="space-y-3 text-xs" data-testid="new-user-agents">
              {data.newUserAgents.map((f) => (
                <li key={f.family}>
                  <p className="font-medium">
                    {f.label}
                    {f.familyNew ? <span className="ml-2 rounded bg-orange-100 px-1 text-orange-800">new family</span> : <span className="ml-2 text-slate-500">family known ({formatCount(f.familyBaselineCalls)} baseline calls)</span>}
                  </p>
                  <ul className="mt-1 space-y-0.5">
                    {f.agents.map((a) => (
                      <li key={a.userAgent} className="flex gap-2">
                        <span className="min-w-0 flex-1 truncate font-mono text-slate-600" title={a.userAgent}>{a.userAgent}</span>
                        <CountLink value={a.success + a.failed} href={eventsHref(scope, { ...base, userAgent: a.filter.userAgent })} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card title="Newly observed API calls">
        {data.newApiCalls.length === 0 ? (
          <Empty testId="new-api-calls">No API call in the scope is new.</Empty>
        ) : (
          <DataTable testId="new-api-calls" columns={['Service', 'API', 'First seen', numeric('Successful'), numeric('Failed')]}>
            {data.newApiCalls.map((c) => {
              const f = { ...base, eventSource: c.filter.eventSource, eventName: c.filter.eventName };
              return (
                <tr key={`${c.eventSource}:${c.eventName}`} className="border-b border-slate-100">
                  <td className={`${td} font-mono text-slate-600`}>{c.eventSource.replace('.amazonaws.com', '')}</td>
                  <td className={`${td} font-medium`}>{c.eventName}</td>
                  <td className={`${td} font-mono`}>{shortTime(c.firstSeen)}</td>
                  <CallCountCells scope={scope} filter={f} calls={c.success} failed={c.failed} successes />
                </tr>
              );
            })}
          </DataTable>
        )}
      </Card>

      <Card title="API calls with increased volume">
        {data.increasedVolume.length === 0 ? (
          <Empty testId="increased-volume">No API call ran far above its baseline rate (Poisson tail p &lt; 0.001, at least 5 calls).</Empty>
        ) : (
          <DataTable testId="increased-volume" columns={['API', ...['Baseline / h', 'Scope / h', 'Ratio', 'Expected', 'Calls', 'p'].map(numeric)]}>
            {data.increasedVolume.map((c) => (
              <tr key={`${c.eventSource}:${c.eventName}`} className="border-b border-slate-100">
                <td className={td}><span className="font-mono text-slate-600">{c.eventSource.replace('.amazonaws.com', '')}:</span>{c.eventName}</td>
                <td className={num}>{c.baselineRate.toFixed(2)}</td>
                <td className={num}>{c.scopeRate.toFixed(2)}</td>
                <td className={`${num} font-medium`}>×{c.ratio.toFixed(1)}</td>
                <td className={num}>{c.expected.toFixed(1)}</td>
                <td className={num}><CountLink value={c.scopeCalls} href={eventsHref(scope, { ...base, eventSource: c.filter.eventSource, eventName: c.filter.eventName })} /></td>
                <td className={`${td} text-right font-mono`}>{c.pValue.toExponential(1)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      {data.nonIpSources.length > 0 && (
        <Card title="Sources that are not public IP addresses">
          <ul className="flex flex-wrap gap-2 text-xs">
            {data.nonIpSources.map((s) => (
              <li key={s.value} className="rounded border border-slate-200 px-2 py-1">
                <span className="font-mono">{s.value}</span> <span className="text-slate-500">{s.kind}</span>
                {s.new && <span className="ml-1 rounded bg-orange-100 px-1 text-orange-800">new</span>}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function SourceGroups({
  groups,
  scope,
  base,
  empty,
  label,
  testId,
}: {
  groups: (LocationGroup | AsnGroup)[];
  scope: Scope;
  base: Record<string, string>;
  empty: string;
  label: (g: LocationGroup | AsnGroup) => string;
  testId: string;
}) {
  if (groups.length === 0) return <Empty testId={testId}>{empty}</Empty>;
  return (
    <ul className="space-y-3 text-xs" data-testid={testId}>
      {groups.map((g) => (
        <li key={label(g)} className="rounded border border-orange-200 bg-orange-50 px-3 py-2">
          <p className="font-medium text-orange-900">{label(g)}</p>
          <p className="text-slate-600">first seen {shortTime(g.firstSeen)} · {formatCount(g.scope.success + g.scope.failed)} calls in the scope</p>
          <ul className="mt-1 space-y-0.5">
            {g.ips.filter((ip) => ip.scope.success + ip.scope.failed > 0).map((ip) => (
              <li key={ip.ip} className="flex gap-2 font-mono">
                <Link href={ipHref(ip.ip, scope)} className="text-indigo-700 hover:underline">{ip.ip}</Link>
                <CountLink value={ip.scope.success + ip.scope.failed} href={eventsHref(scope, { ...base, ip: ip.ip })} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

import Link from 'next/link';
import type { LinkedCredential } from '@/lib/attribution/types';
import { ASSUMER_LABELS, assumerHref } from '@/lib/links';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { formatCount, formatTime } from '@/lib/format';
import type { Scope } from '@/lib/params/scope';

const LINK_TEXT: Record<LinkedCredential['link'], string> = {
  'access-key': 'proven: issued access key',
  'session-and-time': 'proven: session id and creation time',
  inferred: 'inferred',
  none: 'no AssumeRole in the data',
};

function duration(from: string, to: string | null): string {
  if (!to) return '—';
  const mins = Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
  return mins >= 60 ? `${Math.floor(mins / 60)} h ${mins % 60 ? `${mins % 60} min` : ''}`.trim() : `${mins} min`;
}

/**
 * Each set of credentials the session used in the scope, with the AssumeRole* call that issued
 * it: when, until when, from where, with MFA or not, and the evidence (the events behind it).
 */
export function AssumptionsTable({ credentials, scope }: { credentials: LinkedCredential[]; scope: Scope }) {
  if (credentials.length === 0) return <p className="text-sm text-slate-500">The session used no credentials in the scope.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs" data-testid="assumptions-table">
        <thead>
          <tr className="border-b border-slate-200 text-left uppercase tracking-wide text-slate-500">
            <th className="px-2 py-2 font-medium">Issued → expires (UTC)</th>
            <th className="px-2 py-2 font-medium">Assumed by</th>
            <th className="px-2 py-2 font-medium">From IP</th>
            <th className="px-2 py-2 font-medium">MFA</th>
            <th className="px-2 py-2 font-medium">Source identity</th>
            <th className="px-2 py-2 font-medium">Access key</th>
            <th className="px-2 py-2 text-right font-medium">Calls</th>
            <th className="px-2 py-2 font-medium">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {credentials.map((c, i) => {
            const a = c.assumption;
            const issued = a?.issuedAt ?? c.credential.creationDate ?? c.credential.firstSeen;
            return (
              <tr key={`${c.credential.accessKeyId ?? ''}-${i}`} className="border-b border-slate-100 align-top">
                <td className="whitespace-nowrap px-2 py-1.5 font-mono">
                  {formatTime(issued).replace(' UTC', '')}
                  <div className="text-slate-500">
                    → {a?.expiresAt ? formatTime(a.expiresAt).replace(' UTC', '') : '—'} {a ? `(${duration(a.issuedAt, a.expiresAt)})` : ''}
                  </div>
                </td>
                <td className="max-w-[16rem] px-2 py-1.5">
                  {a ? (
                    <Link href={assumerHref(a.assumer, scope)} className="block truncate text-indigo-700 hover:underline" title={a.assumer.arn ?? a.assumer.key}>
                      {a.assumer.name}
                    </Link>
                  ) : (
                    <span className="text-slate-500" title={c.reason ?? ''}>
                      unknown
                    </span>
                  )}
                  {a && <span className="text-slate-500">{ASSUMER_LABELS[a.assumer.type]}</span>}
                  {a?.crossAccount && <span className="ml-1 rounded bg-orange-100 px-1 text-orange-800">cross-account</span>}
                </td>
                <td className="px-2 py-1.5 font-mono">{a?.sourceIp ?? '—'}</td>
                <td className="px-2 py-1.5">{c.credential.mfaAuthenticated === null ? '—' : c.credential.mfaAuthenticated ? 'yes' : 'no'}</td>
                <td className="px-2 py-1.5 font-mono">{a?.sourceIdentity ?? c.credential.sourceIdentity ?? '—'}</td>
                <td className="px-2 py-1.5 font-mono">
                  {c.credential.accessKeyId ? (
                    <Link href={eventsHref(scope, { accessKeyId: c.credential.accessKeyId })} className="text-indigo-700 hover:underline">
                      {c.credential.accessKeyId}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(c.credential.events)}</td>
                <td className="px-2 py-1.5">
                  <span className={c.confidence === 'proven' ? 'text-emerald-700' : c.confidence === 'inferred' ? 'text-amber-700' : 'text-slate-500'} title={c.reason ?? ''}>
                    {LINK_TEXT[c.link]}
                  </span>
                  {a?.evidenceEventIds.map((id) => (
                    <Link
                      key={id}
                      href={eventsHref({ from: new Date(Date.parse(a.issuedAt) - 3600_000).toISOString().replace('.000Z', 'Z'), to: new Date(Date.parse(a.issuedAt) + 3600_000).toISOString().replace('.000Z', 'Z') }, { eventId: id })}
                      className="ml-1 font-mono text-indigo-700 hover:underline"
                      title={`AssumeRole event ${id}`}
                    >
                      {a.eventName}
                    </Link>
                  ))}
                  {c.reason && c.link !== 'inferred' && <p className="mt-0.5 max-w-xs text-slate-500">{c.reason}</p>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

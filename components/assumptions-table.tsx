import Link from 'next/link';
import type { LinkedCredential } from '@/lib/attribution/types';
import { ASSUMER_LABELS, assumerHref } from '@/lib/links';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { formatCount, shortTime } from '@/lib/format';
import { DataTable, Empty, num, numeric, td } from './data-table';
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
  if (credentials.length === 0) return <Empty>The session used no credentials in the scope.</Empty>;
  return (
    <DataTable
      testId="assumptions-table"
      scroll
      columns={['Issued → expires (UTC)', 'Assumed by', 'From IP', 'MFA', 'Source identity', 'Access key', numeric('Calls'), 'Evidence']}
    >
      {credentials.map((c, i) => {
        const a = c.assumption;
        const issued = a?.issuedAt ?? c.credential.creationDate ?? c.credential.firstSeen;
        return (
          <tr key={`${c.credential.accessKeyId ?? ''}-${i}`} className="border-b border-slate-100 align-top">
            <td className="whitespace-nowrap px-2 py-1.5 font-mono">
              {shortTime(issued)}
              <div className="text-slate-500">
                → {a?.expiresAt ? shortTime(a.expiresAt) : '—'} {a ? `(${duration(a.issuedAt, a.expiresAt)})` : ''}
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
            <td className={`${td} font-mono`}>{a?.sourceIp ?? '—'}</td>
            <td className={td}>{c.credential.mfaAuthenticated === null ? '—' : c.credential.mfaAuthenticated ? 'yes' : 'no'}</td>
            <td className={`${td} font-mono`}>{a?.sourceIdentity ?? c.credential.sourceIdentity ?? '—'}</td>
            <td className={`${td} font-mono`}>
              {c.credential.accessKeyId ? (
                <Link href={eventsHref(scope, { accessKeyId: c.credential.accessKeyId })} className="text-indigo-700 hover:underline">
                  {c.credential.accessKeyId}
                </Link>
              ) : (
                '—'
              )}
            </td>
            <td className={num}>{formatCount(c.credential.events)}</td>
            <td className={td}>
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
    </DataTable>
  );
}

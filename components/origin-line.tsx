import Link from 'next/link';
import type { RoleChain } from '@/lib/attribution/chain';
import { roleNameOf } from '@/lib/attribution/assumer';
import { ASSUMER_LABELS, assumerHref } from '@/lib/links';
import { toHref as roleSessionHref } from '@/app/(dashboard)/role-sessions/[sessionId]/search-params';
import type { Scope } from '@/lib/params/scope';

const LABEL_STYLE = { proven: 'text-slate-400', inferred: 'text-amber-600', broken: 'text-red-600' } as const;

/**
 * The session's provenance in one line: the origin identity, then each role session down to this
 * one ("sara (IAM Identity Center) → AWSReservedSSO_… → DemoRole1"), every element linked.
 */
export function OriginLine({ chain, scope }: { chain: RoleChain; scope: Scope }) {
  const first = chain.hops[0];
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg border border-slate-200 bg-white px-4 py-2.5 text-sm shadow-sm" data-testid="origin-line">
      <span className="text-xs font-medium uppercase tracking-wide text-slate-500">Origin</span>
      {chain.origin && first?.from ? (
        <Link href={assumerHref(first.from, scope)} className="font-medium text-indigo-700 hover:underline">
          {chain.origin.name} <span className="font-normal text-slate-500">({ASSUMER_LABELS[chain.origin.type]})</span>
        </Link>
      ) : (
        <span className="text-red-700" title={first?.reason}>
          unknown: {first?.reason ?? 'no AssumeRole in the data'}
        </span>
      )}
      {chain.hops.map((hop) => (
        <span key={hop.to.sessionId} className="flex items-center gap-2">
          <span className={LABEL_STYLE[hop.label]} title={`${hop.label}${hop.reason ? `: ${hop.reason}` : ''}`}>
            {hop.label === 'proven' ? '→' : hop.label === 'inferred' ? '⇢' : '⤳'}
          </span>
          <Link href={roleSessionHref(hop.to.sessionId, scope)} className="text-indigo-700 hover:underline" title={hop.to.sessionId}>
            {hop.to.roleArn ? roleNameOf(hop.to.roleArn) : hop.to.sessionId}
          </Link>
        </span>
      ))}
      {chain.sourceIdentity && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">source identity: {chain.sourceIdentity}</span>}
      {chain.branches && <span className="text-xs text-slate-500">+{chain.branches.length} other path{chain.branches.length > 1 ? 's' : ''}</span>}
    </p>
  );
}

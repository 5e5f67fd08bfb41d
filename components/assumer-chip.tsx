import Link from 'next/link';
import type { AssumedBy } from '@/lib/attribution/role-session';
import { ASSUMER_LABELS, assumerHref } from '@/lib/links';
import type { Scope } from '@/lib/params/scope';

const TONE: Record<string, string> = {
  'iam-user': 'bg-sky-100 text-sky-900',
  root: 'bg-red-100 text-red-900',
  'role-session': 'bg-violet-100 text-violet-900',
  'sso-user': 'bg-emerald-100 text-emerald-900',
  'saml-user': 'bg-emerald-100 text-emerald-900',
  'web-identity-user': 'bg-amber-100 text-amber-900',
  'aws-service': 'bg-slate-200 text-slate-800',
  'aws-account': 'bg-orange-100 text-orange-900',
  unknown: 'bg-slate-100 text-slate-600',
};

/** Who assumed a role: the kind, the name (linked to its profile) and how sure we are. */
export function AssumerChip({ by, scope }: { by: AssumedBy; scope: Scope }) {
  const a = by.assumer;
  return (
    <span className="inline-flex max-w-full items-center gap-1 text-xs" data-testid="assumer">
      <span className={`shrink-0 rounded px-1.5 py-0.5 font-medium ${TONE[a.type] ?? TONE.unknown}`}>{ASSUMER_LABELS[a.type]}</span>
      <Link href={assumerHref(a, scope)} className="truncate font-mono text-indigo-700 hover:underline" title={a.arn ?? a.key}>
        {a.name}
      </Link>
      {by.confidence === 'inferred' && (
        <span className="shrink-0 rounded border border-dashed border-amber-500 px-1 text-amber-700" title="No access key or session id proves this link">
          inferred
        </span>
      )}
    </span>
  );
}

export function UnknownAssumer({ count }: { count: number }) {
  return (
    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600" title="No AssumeRole* event in the data issued these credentials">
      unknown{count > 1 ? ` ×${count}` : ''}
    </span>
  );
}

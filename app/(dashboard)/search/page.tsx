import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Card } from '@/components/card';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { SqlPanel } from '@/components/sql-panel';
import { LOOKBACK_DAYS } from '@/lib/search/lookup-window';
import { queryParams, toHref } from './search-params';
import type { SearchCandidate } from '@/lib/search/resolve';
import { search } from '@/lib/search/search';
import { loadPage } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';

export const dynamic = 'force-dynamic';

const EXAMPLES: [string, string][] = [
  ['arn:aws:iam::<account>:role/<name>', 'the role'],
  ['arn:aws:sts::<account>:assumed-role/<role>/<session>', 'that role session'],
  ['AROA…:<session> or AROA…', 'the role session, or its role'],
  ['arn:aws:iam::<account>:user/<name>, …:root, AIDA…', 'the user'],
  ['AKIA… or ASIA…', 'the session or user that used the key'],
  ['an IPv4 or IPv6 address', 'the IP address'],
  ['<service>.amazonaws.com', 'the AWS service'],
  ['a 12-digit account id', 'the events logged in that account'],
  ['a session name', 'the role sessions with that name'],
];

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const load = await loadPage(await searchParams, { query: queryParams, reset: { query: toHref() } });
  const { conn, scope, range } = load.page;
  const q = load.params.q ?? '';
  // Links keep the scope the search was made in; with none, each profile picks its own default.
  const linkScope = { from: load.params.from ?? '', to: load.params.to ?? '' };
  const result = await search(conn, q, scope, linkScope);
  if (result.outcome.kind === 'redirect') redirect(result.outcome.href);
  const { outcome, panel } = result;
  const list = outcome.kind === 'candidates' ? outcome.candidates : outcome.suggestions;

  return (
    <div className="space-y-5">
      <PageHeader title="Search" scope={scope} latest={range.last} />
      {q.trim() !== '' && (
        <p className="text-sm text-slate-600">
          Results for <code className="break-all rounded bg-slate-100 px-1 py-0.5 font-mono text-xs" data-testid="search-query">{q.trim().slice(0, 300)}</code>
        </p>
      )}
      <Notice tone="info" title={outcome.kind === 'candidates' ? 'More than one match' : 'Nothing matched'}>
        <span data-testid="search-message">{outcome.message}</span>
      </Notice>
      {list.length > 0 && (
        <Card title={outcome.kind === 'candidates' ? 'Candidates' : 'You may be looking for'} footer={panel ? <SqlPanel query={panel} label="SQL (lookup)" /> : undefined}>
          <CandidateList candidates={list} />
        </Card>
      )}
      {list.length === 0 && panel && (
        <div className="rounded-lg border border-slate-200 bg-white px-4 py-2 shadow-sm">
          <SqlPanel query={panel} label="SQL (lookup)" />
        </div>
      )}
      <Card title="What the search understands">
        <table className="w-full text-xs">
          <tbody>
            {EXAMPLES.map(([shape, target]) => (
              <tr key={shape} className="border-b border-slate-100">
                <td className="px-2 py-1.5 font-mono">{shape}</td>
                <td className="px-2 py-1.5 text-slate-600">opens {target}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-xs text-slate-500">
          Ids are looked up in the scope and the {LOOKBACK_DAYS} days before it. Press <kbd className="rounded border border-slate-300 px-1">/</kbd> to search from any page.
        </p>
      </Card>
    </div>
  );
}

function CandidateList({ candidates }: { candidates: SearchCandidate[] }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="search-candidates">
      {candidates.map((c) => (
        <li key={c.href} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 py-2 text-sm">
          <span className="w-28 shrink-0 text-xs uppercase tracking-wide text-slate-500">{c.kind}</span>
          <Link href={c.href} className="break-all font-mono text-indigo-700 hover:underline">
            {c.label}
          </Link>
          <span className="text-xs text-slate-500">{c.detail}</span>
        </li>
      ))}
    </ul>
  );
}

import type { ReactNode } from 'react';
import Link from 'next/link';
import { PageHeader } from './page-header';
import { ScopeGaps } from './coverage/scope-gaps';
import type { Scope } from '@/lib/params/scope';
import { reportHref, type ReportSubject } from '@/lib/reports/params';

/**
 * The frame every profile (role, role session, user, IP address, service) shares: what kind of
 * subject it is with its full identifier, its name over the scope and picker, the gaps in the logs
 * that overlap the scope, its tabs if it has any, then what the open tab shows. Users, roles and
 * role sessions link to their investigation report over the same scope.
 */
export function ProfileShell({
  kind,
  id,
  idTestId,
  title,
  scope,
  latest,
  tabs,
  report,
  children,
}: {
  kind: string;
  id: string;
  idTestId?: string;
  title: string;
  scope: Scope;
  latest: string | null;
  tabs?: ReactNode;
  report?: ReportSubject;
  children: ReactNode;
}) {
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{kind}</p>
          <p className="font-mono text-xs text-slate-500" data-testid={idTestId}>
            {id}
          </p>
        </div>
        {report && (
          <Link href={reportHref(report, scope)} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-100" data-testid="open-report">
            Investigation report
          </Link>
        )}
      </div>
      <PageHeader title={title} scope={scope} latest={latest} />
      <ScopeGaps scope={scope} />
      {tabs}
      {children}
    </div>
  );
}

import type { ReactNode } from 'react';
import { PageHeader } from './page-header';
import type { Scope } from '@/lib/params/scope';

/**
 * The frame every profile (role, role session, user, IP address, service) shares: what kind of
 * subject it is with its full identifier, its name over the scope and picker, its tabs if it has
 * any, then what the open tab shows.
 */
export function ProfileShell({
  kind,
  id,
  idTestId,
  title,
  scope,
  latest,
  tabs,
  children,
}: {
  kind: string;
  id: string;
  idTestId?: string;
  title: string;
  scope: Scope;
  latest: string | null;
  tabs?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-5">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{kind}</p>
        <p className="font-mono text-xs text-slate-500" data-testid={idTestId}>
          {id}
        </p>
      </div>
      <PageHeader title={title} scope={scope} latest={latest} />
      {tabs}
      {children}
    </div>
  );
}

import Link from 'next/link';
import { CallCountCells, CountLink } from '@/components/count-link';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { toHref as vendorRoleHref } from '@/app/(dashboard)/vendors/[roleArn]/search-params';
import { toHref as vendorsHref } from '@/app/(dashboard)/vendors/search-params';
import type { Scope } from '@/lib/params/scope';
import type { VendorListParams, VendorSort } from '@/lib/reviews/params';
import type { VendorRole } from '@/lib/reviews/vendors/inventory';
import { DataTable, Empty, num, numeric, SeenCells, td, type Column } from '@/components/data-table';
import { Badge } from './badge';
import { shortTime } from '@/lib/format';
import { SortLink } from './sort-link';

/**
 * The AssumeRole calls of one external principal, as /events can select them: the role account's
 * copy names the caller by principal id. It also holds that caller's calls into other roles of the
 * account, which the tooltip says.
 */
function sessionsHref(role: VendorRole, scope: Scope, errorCode?: string): string | null {
  const only = role.externalPrincipals.length === 1 ? role.externalPrincipals[0] : null;
  if (!only?.principalId || !role.accountId) return null;
  return eventsHref(scope, { eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', account: role.accountId, principal: only.principalId, errorCode: errorCode ?? 'none' });
}

export function VendorInventoryTable({ roles, scope, params }: { roles: VendorRole[]; scope: Scope; params: VendorListParams }) {
  if (roles.length === 0) return <Empty testId="vendor-roles-empty">No role of the organisation was assumed by, or trusts, a principal outside it in the scope.</Empty>;
  const sortHref = (sort: VendorSort) => (order: 'asc' | 'desc') => vendorsHref(scope, { sort, order });
  const sortable = (sort: VendorSort, label: string, numeric = false): Column => ({ key: sort, numeric, label: <SortLink label={label} active={params.sort === sort} order={params.order} href={sortHref(sort)} /> });
  return (
    <DataTable
      testId="vendor-roles-table"
      scroll
      columns={[
        sortable('role', 'Role'),
        'External account',
        'Trust policy',
        sortable('first_assumed', 'First assumed'),
        sortable('last_assumed', 'Last assumed'),
        sortable('sessions', 'Sessions', true),
        sortable('calls', 'Calls', true),
        numeric('Failed'),
      ]}
    >
      {roles.map((r) => {
        const sessions = sessionsHref(r, scope);
        return (
          <tr key={r.roleArn} className="border-b border-slate-100 align-top hover:bg-slate-50" data-testid="vendor-role-row">
            <td className={td}>
              <Link href={vendorRoleHref(r.roleArn, scope)} className="font-mono font-medium text-indigo-700 hover:underline" title={r.roleArn}>
                {r.roleName}
              </Link>
              <div className="font-mono text-[11px] text-slate-400">{r.accountId}</div>
            </td>
            <td className={td}>
              {r.vendorName && <div className="font-medium">{r.vendorName}</div>}
              {(r.externalAccounts.length > 0 ? r.externalAccounts : ['—']).map((a) => (
                <div key={a} className="font-mono">
                  {a}
                </div>
              ))}
              {r.externalPrincipals.map((p) => (
                <div key={`${p.accountId}/${p.principalId}`} className="max-w-[16rem] truncate font-mono text-[11px] text-slate-500" title={p.arn ?? p.principalId ?? ''}>
                  {p.arn ? p.arn.split(':').pop() : p.principalId}
                </div>
              ))}
            </td>
            <td className={td} data-testid="vendor-trust">
              {!r.trust ? (
                <span className="text-slate-400" title="No CreateRole/UpdateAssumeRolePolicy in the data and no uploaded authorization details">
                  unknown
                </span>
              ) : (
                <div className="space-y-0.5">
                  {r.trust.external.map((e) => (
                    <div key={e.principal} className="flex flex-wrap items-center gap-1">
                      <span className="max-w-[14rem] truncate font-mono" title={e.principal}>
                        {e.principal}
                      </span>
                      {e.externalIdRequired ? <Badge tone="green">ExternalId</Badge> : <Badge tone="amber" title="Any principal of that account can assume the role without an ExternalId (confused deputy)">no ExternalId</Badge>}
                      {e.use === 'never' && <Badge tone="red">never used</Badge>}
                      {e.use === 'unknown' && <Badge tone="slate" title="Only the role account's copy of the calls is in the data: the caller's ARN is not known">use unknown</Badge>}
                    </div>
                  ))}
                  <div className="text-[11px] text-slate-400">{r.trust.source === 'authorization-details' ? 'from uploaded authorization details' : `set ${shortTime(r.trust.setAt)} UTC`}</div>
                </div>
              )}
            </td>
            <SeenCells first={r.firstAssumed} last={r.lastAssumed} />
            <td className={num} title={sessions ? 'AssumeRole calls by this principal, as the role’s account logged them (also into other roles of the account)' : undefined}>
              {sessions ? <CountLink value={r.sessions} href={sessions} /> : <Link href={`${vendorRoleHref(r.roleArn, scope)}#callers`} className="text-indigo-700 hover:underline">{r.sessions}</Link>}
              {r.denied > 0 && (
                <div className="text-[11px] text-red-700">
                  {sessionsHref(r, scope, '*') ? <Link href={sessionsHref(r, scope, '*') as string} className="hover:underline">{r.denied} denied</Link> : `${r.denied} denied`}
                </div>
              )}
            </td>
            <CallCountCells scope={scope} filter={{ principal: r.roleArn }} calls={r.calls} failed={r.failedCalls} />
          </tr>
        );
      })}
    </DataTable>
  );
}

import Link from 'next/link';
import { CountLink } from '@/components/count-link';
import { roleNameOf } from '@/lib/attribution/assumer';
import { ASSUMER_LABELS, assumerHref } from '@/lib/links';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { toHref as roleSessionHref } from '@/app/(dashboard)/role-sessions/[sessionId]/search-params';
import { formatCount } from '@/lib/format';
import type { Scope } from '@/lib/params/scope';
import { COST_RULES } from '@/lib/reviews/vendors/cost-calls';
import type { UnexpectedCall } from '@/lib/reviews/vendors/expected-actions';
import type { ApiCallSummary, AssumeRoleCaller, CallIdentity, CostCallSummary, SharedSessionName } from '@/lib/reviews/vendors/role-review';
import type { RoleThrottleRow } from '@/lib/reviews/queries/role-throttles';
import type { RoleCostCallRow } from '@/lib/reviews/queries/role-cost-calls';
import { Badge, Empty, num, ReviewTable, td, th } from './review-table';
import { shortTime } from './short-time';
import { vendorRoleHref } from './vendor-inventory-table';
import { isoUtc } from '@/lib/time';

const DAY_MS = 86_400_000;

/** Every API call the role made: one line per API, the S3 buckets under it. */
export function VendorCallsTable({ calls, roleArn, scope, selected, throttleCodes }: { calls: ApiCallSummary[]; roleArn: string; scope: Scope; selected: string | null; throttleCodes: Map<string, string[]> }) {
  if (calls.length === 0) return <Empty testId="vendor-calls-empty">The role made no call in the scope.</Empty>;
  return (
    <ReviewTable
      testId="vendor-calls-table"
      head={
        <>
          <th className={th}>Service</th>
          <th className={th}>API</th>
          <th className={`${th} text-right`}>Success</th>
          <th className={`${th} text-right`}>Failed</th>
          <th className={`${th} text-right`}>Throttled</th>
          <th className={th}>First (UTC)</th>
          <th className={th}>Last (UTC)</th>
          <th className={`${th} print:hidden`}>Who</th>
        </>
      }
    >
      {calls.map((c) => {
        const filter = { principal: roleArn, eventSource: c.eventSource, eventName: c.eventName };
        const key = `${c.eventSource}:${c.eventName}`;
        const codes = throttleCodes.get(key) ?? [];
        return (
          <tr key={key} className={`border-b border-slate-100 align-top ${selected === key ? 'bg-indigo-50' : 'hover:bg-slate-50'}`} data-testid="vendor-call-row">
            <td className={`${td} font-mono`}>{c.eventSource.replace('.amazonaws.com', '')}</td>
            <td className={td}>
              <span className="font-mono">{c.eventName}</span>
              {c.buckets.length > 0 && (
                <div className="text-[11px] text-slate-500">
                  {c.buckets.map((b) => `${b.bucket ?? '(no bucket)'} ×${b.success + b.failed}`).join(', ')}
                </div>
              )}
            </td>
            <td className={num}>
              <CountLink value={c.success} href={eventsHref(scope, { ...filter, errorCode: 'none' })} />
            </td>
            <td className={num}>
              <CountLink value={c.failed} href={eventsHref(scope, { ...filter, errorCode: '*' })} tone="failed" />
            </td>
            <td className={num} title={codes.length > 1 ? `Throttling codes: ${codes.join(', ')}; the link opens every failed call` : undefined}>
              <CountLink value={c.throttled} href={eventsHref(scope, { ...filter, errorCode: codes.length === 1 ? codes[0] : '*' })} tone="failed" />
            </td>
            <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(c.first)}</td>
            <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(c.last)}</td>
            <td className={`${td} print:hidden`}>
              <Link href={`${vendorRoleHref(roleArn, scope, { call: key })}#identities`} className="text-indigo-700 hover:underline" data-testid="vendor-call-who">
                who?
              </Link>
            </td>
          </tr>
        );
      })}
    </ReviewTable>
  );
}

/** Calls outside the expected-actions list, with the rule that flagged each. */
export function UnexpectedCallsTable({ rows, roleArn, scope }: { rows: UnexpectedCall[]; roleArn: string; scope: Scope }) {
  if (rows.length === 0) return <Empty testId="unexpected-calls-empty">Every call in the scope is in the expected actions.</Empty>;
  return (
    <ReviewTable
      testId="unexpected-calls-table"
      head={
        <>
          <th className={th}>Action</th>
          <th className={th}>Rule</th>
          <th className={`${th} text-right`}>Attempts</th>
          <th className={`${th} text-right`}>Failed</th>
          <th className={th}>First (UTC)</th>
          <th className={th}>Last (UTC)</th>
        </>
      }
    >
      {rows.map((u) => {
        const filter = { principal: roleArn, eventSource: u.eventSource, eventName: u.eventName };
        return (
          <tr key={`${u.action}@${u.bucket ?? ''}`} className="border-b border-slate-100 align-top" data-testid="unexpected-call-row">
            <td className={td}>
              <span className="font-mono font-medium text-red-800">{u.action}</span>
              {u.bucket && <span className="ml-1 text-slate-500">on {u.bucket}</span>}
            </td>
            <td className={td}>
              <Badge tone={u.rule.startsWith('!') ? 'red' : 'amber'}>{u.rule}</Badge>
            </td>
            <td className={num}>
              <CountLink value={u.count} href={eventsHref(scope, filter)} />
            </td>
            <td className={num}>
              <CountLink value={u.failed} href={eventsHref(scope, { ...filter, errorCode: '*' })} tone="failed" />
            </td>
            <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(u.first)}</td>
            <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(u.last)}</td>
          </tr>
        );
      })}
    </ReviewTable>
  );
}

/**
 * The AssumeRole calls of a caller, as /events selects them: its principal id in the role's
 * account (the copy that account logged). A superset when it also assumed other roles there.
 */
function assumptionsHref(c: AssumeRoleCaller, scope: Scope): string {
  const account = /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(c.roleArn)?.[1];
  return eventsHref(scope, { eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', account, principal: c.assumer.principalId ?? c.assumer.arn ?? undefined });
}

export function AssumeRoleCallersTable({ rows, scope }: { rows: AssumeRoleCaller[]; scope: Scope }) {
  if (rows.length === 0) return <Empty testId="assume-callers-empty">No AssumeRole call into this role in the scope.</Empty>;
  return (
    <ReviewTable
      testId="assume-callers-table"
      head={
        <>
          <th className={th}>Assumer</th>
          <th className={th}>Type</th>
          <th className={th}>Account</th>
          <th className={th}>Session names</th>
          <th className={th}>First (UTC)</th>
          <th className={th}>Last (UTC)</th>
          <th className={`${th} text-right`}>AssumeRole calls</th>
          <th className={`${th} text-right`}>With ExternalId</th>
        </>
      }
    >
      {rows.map((c) => (
        <tr key={c.assumer.key} className="border-b border-slate-100 align-top" data-testid="assume-caller-row">
          <td className={`${td} max-w-[22rem]`}>
            <Link href={assumerHref(c.assumer, scope)} className="break-all font-mono text-indigo-700 hover:underline" title={c.userArn}>
              {c.userArn}
            </Link>
          </td>
          <td className={td}>{ASSUMER_LABELS[c.assumer.type]}</td>
          <td className={`${td} font-mono`}>{c.assumer.accountId ?? '—'}</td>
          <td className={`${td} font-mono`}>{c.sessionNames.join(', ')}</td>
          <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(c.first)}</td>
          <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(c.last)}</td>
          <td className={num} title="The caller's AssumeRole calls as the role's account logged them (a superset if it assumed other roles there)">
            <CountLink value={c.count} href={assumptionsHref(c, scope)} />
          </td>
          <td className={num}>{formatCount(c.withExternalId)}</td>
        </tr>
      ))}
    </ReviewTable>
  );
}

/** One session name, several principals behind it: the sessions alone cannot tell them apart. */
export function SharedNamesList({ rows, roleArn, scope }: { rows: SharedSessionName[]; roleArn: string; scope: Scope }) {
  if (rows.length === 0) return <Empty testId="shared-session-names-empty">Each session name was used by one principal only.</Empty>;
  return (
    <ul className="space-y-1 text-sm" data-testid="shared-session-names">
      {rows.map((s) => (
        <li key={s.sessionName}>
          <Link href={eventsHref(scope, { principal: roleArn, sessionName: s.sessionName })} className="font-mono font-medium text-indigo-700 hover:underline">
            {s.sessionName}
          </Link>{' '}
          ({s.count} sessions) is used by{' '}
          {s.assumers.map((a, i) => (
            <span key={a.key}>
              {i > 0 && ', '}
              <Link href={assumerHref(a, scope)} className="font-mono text-indigo-700 hover:underline">
                {a.arn ?? a.name}
              </Link>
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

export function ThrottlesTable({ rows, roleArn, scope }: { rows: RoleThrottleRow[]; roleArn: string; scope: Scope }) {
  if (rows.length === 0) return <Empty testId="throttled-empty">No call of the role was throttled in the scope.</Empty>;
  return (
    <ReviewTable
      testId="throttled-table"
      head={
        <>
          <th className={th}>API</th>
          <th className={th}>Region</th>
          <th className={th}>Error code</th>
          <th className={`${th} text-right`}>Calls</th>
          <th className={th}>First (UTC)</th>
          <th className={th}>Last (UTC)</th>
        </>
      }
    >
      {rows.map((r) => (
        <tr key={`${r.eventSource}:${r.eventName}:${r.region}:${r.errorCode}`} className="border-b border-slate-100" data-testid="throttled-row">
          <td className={`${td} font-mono`}>
            {r.eventSource.replace('.amazonaws.com', '')}:{r.eventName}
          </td>
          <td className={`${td} font-mono`}>{r.region ?? '—'}</td>
          <td className={`${td} font-mono`}>{r.errorCode}</td>
          <td className={num}>
            <CountLink
              value={r.count}
              href={eventsHref(scope, { principal: roleArn, eventSource: r.eventSource, eventName: r.eventName, errorCode: r.errorCode, region: r.region ?? undefined })}
              tone="failed"
            />
          </td>
          <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(r.first)}</td>
          <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(r.last)}</td>
        </tr>
      ))}
    </ReviewTable>
  );
}

export function CostCallsTables({ summary, perDay, roleArn, scope, expanded = false }: { summary: CostCallSummary[]; perDay: RoleCostCallRow[]; roleArn: string; scope: Scope; expanded?: boolean }) {
  const apis = summary.map((s) => `${s.eventSource}:${s.eventName}`);
  const days = [...new Set(perDay.map((d) => d.day))].sort();
  const cell = new Map(perDay.map((d) => [`${d.day}|${d.eventSource}:${d.eventName}`, d]));
  return (
    <div className="space-y-4">
      {summary.length === 0 ? (
        <Empty testId="cost-calls-empty">No cost-relevant call in the scope.</Empty>
      ) : (
        <>
          <ReviewTable
            testId="cost-calls-table"
            head={
              <>
                <th className={th}>API</th>
                <th className={th}>Why it costs</th>
                <th className={`${th} text-right`}>Calls</th>
                <th className={`${th} text-right`}>Days</th>
                <th className={`${th} text-right`}>Per day (avg)</th>
              </>
            }
          >
            {summary.map((s) => (
              <tr key={`${s.eventSource}:${s.eventName}`} className="border-b border-slate-100 align-top" data-testid="cost-call-row">
                <td className={`${td} font-mono`}>
                  {s.eventSource.replace('.amazonaws.com', '')}:{s.eventName}
                </td>
                <td className={`${td} text-slate-600`}>{s.why}</td>
                <td className={num}>
                  <CountLink value={s.calls} href={eventsHref(scope, { principal: roleArn, eventSource: s.eventSource, eventName: s.eventName })} />
                </td>
                <td className={num}>{s.days}</td>
                <td className={num}>{(s.calls / Math.max(1, s.days)).toFixed(1)}</td>
              </tr>
            ))}
          </ReviewTable>
          <details className="text-xs" data-testid="cost-per-day" open={expanded || undefined}>
            <summary className="cursor-pointer text-slate-600 print:hidden">Counts per day</summary>
            <ReviewTable
              testId="cost-per-day-table"
              head={
                <>
                  <th className={th}>Day (UTC)</th>
                  {apis.map((a) => (
                    <th key={a} className={`${th} text-right`}>
                      {a.split(':').pop()}
                    </th>
                  ))}
                </>
              }
            >
              {days.map((day) => (
                <tr key={day} className="border-b border-slate-100">
                  <td className={`${td} font-mono`}>{day.slice(0, 10)}</td>
                  {apis.map((a) => {
                    const d = cell.get(`${day}|${a}`);
                    const [source, name] = [a.slice(0, a.lastIndexOf(':')), a.slice(a.lastIndexOf(':') + 1)];
                    return (
                      <td key={a} className={num}>
                        <CountLink value={d?.calls ?? 0} href={eventsHref({ from: day, to: isoUtc(Date.parse(day) + DAY_MS) }, { principal: roleArn, eventSource: source, eventName: name })} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </ReviewTable>
          </details>
        </>
      )}
      <details className="text-xs text-slate-500">
        <summary className="cursor-pointer print:hidden">Which calls count as cost-relevant</summary>
        <ul className="mt-1 list-disc pl-5">
          {COST_RULES.map((r) => (
            <li key={r.eventSource}>
              <span className="font-mono">{r.eventSource.replace('.amazonaws.com', '')}</span>: {r.eventNames === '*' ? 'every call' : r.eventNames.join(', ')}. {r.why}.
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

export function CallIdentitiesTable({ rows, roleArn, scope, call }: { rows: CallIdentity[]; roleArn: string; scope: Scope; call: { eventSource: string; eventName: string } }) {
  if (rows.length === 0) return <Empty testId="call-identities-empty">Nobody made this call with the role in the scope.</Empty>;
  return (
    <ReviewTable
      testId="call-identities-table"
      head={
        <>
          <th className={th}>Identity (who assumed the role)</th>
          <th className={th}>Role sessions</th>
          <th className={`${th} text-right`}>Calls</th>
          <th className={`${th} text-right`}>Failed</th>
          <th className={th}>First (UTC)</th>
          <th className={th}>Last (UTC)</th>
        </>
      }
    >
      {rows.map((i) => {
        const filter = { principal: roleArn, eventSource: call.eventSource, eventName: call.eventName, accessKeyId: i.accessKeyIds.length === 1 ? i.accessKeyIds[0] : undefined };
        return (
          <tr key={i.assumer?.key ?? 'unknown'} className="border-b border-slate-100 align-top" data-testid="call-identity-row">
            <td className={td}>
              {i.assumer ? (
                <>
                  <Link href={assumerHref(i.assumer, scope)} className="break-all font-mono text-indigo-700 hover:underline">
                    {i.assumer.arn ?? i.assumer.name}
                  </Link>
                  <div className="text-[11px] text-slate-500">
                    {ASSUMER_LABELS[i.assumer.type]}
                    {i.assumer.accountId ? ` · ${i.assumer.accountId}` : ''}
                  </div>
                </>
              ) : (
                <span className="text-slate-500" title="No AssumeRole call in the data issued these access keys">
                  unknown: {i.accessKeyIds.length} key(s) without their AssumeRole in the data
                </span>
              )}
            </td>
            <td className={td}>
              {i.sessions.map((s) => (
                <Link key={s} href={roleSessionHref(s, scope)} className="block font-mono text-indigo-700 hover:underline">
                  {roleNameOf(roleArn)}/{s.slice(s.indexOf(':') + 1)}
                </Link>
              ))}
            </td>
            <td className={num} title={i.accessKeyIds.length > 1 ? 'Several keys: the link opens every such call of the role' : undefined}>
              <CountLink value={i.calls} href={eventsHref(scope, filter)} />
            </td>
            <td className={num}>
              <CountLink value={i.failed} href={eventsHref(scope, { ...filter, errorCode: '*' })} tone="failed" />
            </td>
            <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(i.first)}</td>
            <td className={`${td} whitespace-nowrap font-mono`}>{shortTime(i.last)}</td>
          </tr>
        );
      })}
    </ReviewTable>
  );
}

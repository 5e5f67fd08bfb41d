import Link from 'next/link';
import { Card, Field, Stat } from '@/components/card';
import { CountLink } from '@/components/count-link';
import type { PanelQuery } from '@/components/sql-panel';
import { ReviewSql } from './review-sql';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { formatCount, shortTime } from '@/lib/format';
import { csvHref, toHref as vendorRoleHref } from '@/app/(dashboard)/vendors/[roleArn]/search-params';
import { callKey, type VendorRoleTable } from '@/lib/reviews/params';
import type { Scope } from '@/lib/params/scope';
import type { VendorRolePage } from '@/lib/reviews/vendors/load';
import { CsvLink } from './csv-link';
import { ExpectedActionsEditor } from './expected-actions-editor';
import { RateChart } from './rate-chart';
import { Badge } from './badge';
import { AssumeRoleCallersTable } from './assume-role-callers-table';
import { CallIdentitiesTable } from './call-identities-table';
import { CostCallsTables } from './cost-calls-tables';
import { SharedNamesList } from './shared-session-names';
import { ThrottlesTable } from './throttles-table';
import { UnexpectedCallsTable } from './unexpected-calls-table';
import { VendorCallsTable } from './vendor-calls-table';

/** The scope of one minute, for the peak's drill-down. */
function minuteOf(at: string): Scope {
  return { from: at, to: new Date(Date.parse(at) + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/**
 * One vendor role's review, shared by the page (interactive: editor, "who?" links, SQL panels)
 * and the printable report (everything open, nothing to click).
 */
export function VendorRoleReport({ data, scope, interactive }: { data: VendorRolePage; scope: Scope; interactive: boolean }) {
  const { review, trust } = data;
  const roleArn = review.roleArn;
  const csv = (table: VendorRoleTable) => csvHref(roleArn, scope, table, table === 'identities' ? review.identities?.call : undefined);
  const csvLink = (table: VendorRoleTable) => <CsvLink href={csv(table)} table={table} fileName={`${roleArn.split('/').pop()}-${table}.csv`} />;
  const sql = (panel: PanelQuery, label: string) => (interactive ? <ReviewSql query={panel} label={label} /> : undefined);
  const throttleCodes = new Map<string, string[]>();
  for (const r of review.throttled.rows) {
    const key = `${r.eventSource}:${r.eventName}`;
    throttleCodes.set(key, [...new Set([...(throttleCodes.get(key) ?? []), r.errorCode])]);
  }
  const totalCalls = review.calls.reduce((n, c) => n + c.success + c.failed, 0);
  const selected = review.identities ? callKey(review.identities.call) : null;

  return (
    <div className="space-y-5">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" data-testid="vendor-role-stats">
        <Stat label="Calls" value={<CountLink value={totalCalls} href={eventsHref(scope, { principal: roleArn })} />} />
        <Stat label="Sessions" value={<a href="#callers" className="text-indigo-700 hover:underline">{formatCount(review.assumeRoleCallers.reduce((n, c) => n + c.count, 0))}</a>} hint="AssumeRole calls into the role" />
        <Stat label="Unexpected calls" value={<a href="#unexpected" className="text-indigo-700 hover:underline">{formatCount(review.unexpected.reduce((n, u) => n + u.count, 0))}</a>} hint={`${review.unexpected.length} distinct`} />
        <Stat label="Throttled" value={<CountLink value={review.throttled.total} href={eventsHref(scope, { principal: roleArn, errorCode: '*' })} tone="failed" />} hint="link: every failed call" />
        <Stat
          label="Peak per minute"
          value={
            review.rate.peak ? (
              <Link href={eventsHref(minuteOf(review.rate.peak.at), { principal: roleArn })} className="text-indigo-700 hover:underline">
                {formatCount(review.rate.peak.perMinute)}
              </Link>
            ) : (
              '—'
            )
          }
          hint={review.rate.peak ? `${shortTime(review.rate.peak.at)} UTC` : undefined}
        />
      </div>

      <Card title="Who the role is for" footer={sql(data.trustPanel, 'SQL (trust policy changes)')}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="vendor-role-summary">
          <Field label="Vendor">{data.vendorName ?? <span className="text-slate-400">no name configured</span>}</Field>
          <Field label="External accounts">
            <span className="font-mono">{data.externalAccounts.length > 0 ? data.externalAccounts.join(', ') : '—'}</span>
          </Field>
          <Field label="Organisation accounts">
            <span className="font-mono text-xs">{data.organisation.accounts.join(', ') || '—'}</span>{' '}
            <span className="text-xs text-slate-500">({data.organisation.source === 'config' ? 'TRAILSCOPE_ORG_ACCOUNTS' : 'inferred from the ingested trails'})</span>
          </Field>
          <Field label="Trust policy">
            {!trust ? (
              <span className="text-slate-500">unknown: no CreateRole/UpdateAssumeRolePolicy in the data; upload authorization details on the Unused access page</span>
            ) : (
              <div className="space-y-0.5" data-testid="vendor-role-trust">
                {trust.external.length === 0 && <span>trusts no principal outside the organisation</span>}
                {trust.external.map((e) => (
                  <div key={e.principal} className="flex flex-wrap items-center gap-1">
                    <span className="font-mono text-xs">{e.principal}</span>
                    {e.externalIdRequired ? <Badge tone="green">ExternalId required</Badge> : <Badge tone="amber">no ExternalId</Badge>}
                    {e.use === 'never' ? <Badge tone="red">never used</Badge> : e.use === 'unknown' ? <Badge tone="slate">use unknown</Badge> : <Badge tone="indigo">used</Badge>}
                  </div>
                ))}
                <div className="text-xs text-slate-500">{trust.source === 'authorization-details' ? 'from the uploaded authorization details' : `set ${shortTime(trust.setAt)} UTC (event ${trust.evidenceEventId})`}</div>
              </div>
            )}
          </Field>
        </dl>
      </Card>

      <section id="unexpected">
      <Card title={`Unexpected calls (${review.unexpected.length})`} actions={csvLink('unexpected')} footer={sql(review.panels.calls, 'SQL (API calls)')}>
        <div className="space-y-4">
          <UnexpectedCallsTable rows={review.unexpected} roleArn={roleArn} scope={scope} />
          {interactive ? (
            <details className="rounded border border-slate-200 p-3 print:hidden" open={review.expected.source === 'default' ? undefined : true}>
              <summary className="cursor-pointer text-sm font-medium text-slate-700">Expected actions ({review.expected.source === 'saved' ? 'saved list' : 'defaults'})</summary>
              <div className="mt-2">
                <ExpectedActionsEditor roleArn={roleArn} patterns={review.expected.patterns} source={review.expected.source} updatedBy={review.expected.updatedBy} updatedAt={review.expected.updatedAt} />
              </div>
            </details>
          ) : (
            <p className="text-xs text-slate-500">
              Expected actions ({review.expected.source === 'saved' ? `saved by ${review.expected.updatedBy}` : 'defaults for read-only vendor roles'}): <span className="font-mono">{review.expected.patterns.join('  ')}</span>
            </p>
          )}
        </div>
      </Card>
      </section>

      <Card title={`API calls (${review.calls.length})`} actions={csvLink('calls')} footer={sql(review.panels.calls, 'SQL (API calls)')}>
        {review.callsTruncated && <p className="mb-2 text-xs text-amber-700">Only the 2,000 busiest APIs are listed.</p>}
        <VendorCallsTable calls={review.calls} roleArn={roleArn} scope={scope} selected={selected} throttleCodes={throttleCodes} />
      </Card>

      {review.identities && (
        <section id="identities">
          <Card
            title={`Who attempted ${review.identities.call.eventName}`}
            actions={
              <div className="flex items-center gap-2">
                {csvLink('identities')}
                {interactive && (
                  <Link href={vendorRoleHref(roleArn, scope)} className="text-xs text-indigo-700 hover:underline print:hidden">
                    close
                  </Link>
                )}
              </div>
            }
            footer={sql(review.identities.panel, 'SQL (sessions and keys that made the call)')}
          >
            <CallIdentitiesTable rows={review.identities.rows} roleArn={roleArn} scope={scope} call={review.identities.call} />
          </Card>
        </section>
      )}

      <section id="callers">
        <Card title="Who assumes the role" actions={csvLink('callers')} footer={sql(review.panels.assumptions, 'SQL (AssumeRole calls)')}>
          <div className="space-y-4">
            <AssumeRoleCallersTable rows={review.assumeRoleCallers} scope={scope} />
            <div>
              <h3 className="mb-1 text-sm font-semibold text-slate-700">Different principals behind one session name</h3>
              <SharedNamesList rows={review.sharedSessionNames} roleArn={roleArn} scope={scope} />
            </div>
          </div>
        </Card>
      </section>

      <Card title="Call rate and throttling" actions={<div className="flex gap-2">{csvLink('rate')}{csvLink('throttled')}</div>} footer={interactive ? <div className="space-y-1">{sql(review.panels.rate, 'SQL (call rate)')}{sql(review.panels.throttles, 'SQL (throttled calls)')}</div> : undefined}>
        <div className="space-y-4">
          <p className="text-sm" data-testid="rate-peak">
            {review.rate.peak ? (
              <>
                Peak: <strong>{review.rate.peak.perMinute}</strong> calls in the minute of {shortTime(review.rate.peak.at)} UTC
                {' · '}
                <Link
                  className="text-indigo-700 hover:underline"
                  href={eventsHref(minuteOf(review.rate.peak.at), { principal: roleArn })}
                >
                  open that minute
                </Link>
                . Throttled calls (ThrottlingException, RequestLimitExceeded…) count against the account’s shared API limits: the availability concern.
              </>
            ) : (
              'No call in the scope.'
            )}
          </p>
          <RateChart rate={review.rate} roleArn={roleArn} scope={scope} />
          <ThrottlesTable rows={review.throttled.rows} roleArn={roleArn} scope={scope} />
        </div>
      </Card>

      <Card title="Cost-relevant calls" actions={csvLink('cost')} footer={sql(review.panels.cost, 'SQL (cost-relevant calls per day)')}>
        <CostCallsTables summary={review.costCalls.summary} perDay={review.costCalls.perDay} roleArn={roleArn} scope={scope} expanded={!interactive} />
      </Card>
    </div>
  );
}

import Link from 'next/link';
import { Card, Stat } from '@/components/card';
import { BreakdownTable } from '@/components/breakdown-table';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { SqlPanel } from '@/components/sql-panel';
import { formatCount, formatTime } from '@/lib/format';
import { scopeParams } from '@/lib/params/scope';
import { toHref as toEventsHref } from './events/search-params';
import { getOverview } from '@/lib/overview/get-overview';
import { getProjectionWarnings } from '@/lib/data-range/get-data-range';
import { loadPage } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';

export const dynamic = 'force-dynamic';

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { page } = await loadPage(await searchParams, { query: scopeParams, reset: { query: '/' } });
  const { conn, range, scope } = page;
  const [overview, projectionWarnings] = await Promise.all([getOverview(conn, scope), getProjectionWarnings(conn)]);
  const totals = overview.totals.rows[0] ?? { events: 0, failed: 0, principals: 0, accounts: 0, regions: 0 };
  const eventsHref = (extra: Record<string, string | null>) => toEventsHref(scope, extra);

  return (
    <div className="space-y-6">
      <PageHeader title="Overview" scope={scope} latest={range.last} />

      {range.last === null &&
        (conn.dialect.source === 'embedded-store' ? (
          <Notice tone="info" title="No CloudTrail events yet">
            Ingest your logs with <code>npm run ingest -- path/to/AWSLogs</code>, or start the demo with <code>npm run demo</code>.
          </Notice>
        ) : (
          <Notice tone="info" title="No CloudTrail events in the table">
            No partition the table covers holds an event. Check the table&apos;s location and partitions (docs/athena.md).
          </Notice>
        ))}
      {projectionWarnings.length > 0 && (
        <Notice tone="warning" title="Logs the table does not read">
          <ul className="list-disc space-y-1 pl-5" data-testid="projection-warnings">
            {projectionWarnings.map((w) => (
              <li key={w.message} className="break-words">
                {w.message}
              </li>
            ))}
          </ul>
        </Notice>
      )}

      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        <Stat label="Events in scope" value={formatCount(totals.events)} hint={<Link className="text-indigo-700 hover:underline" href={eventsHref({})}>view events</Link>} />
        <Stat label="Failed calls" value={formatCount(totals.failed)} hint={<Link className="text-indigo-700 hover:underline" href={eventsHref({ errorCode: '*' })}>view failures</Link>} />
        <Stat label="Principals" value={formatCount(totals.principals)} />
        <Stat label="Accounts" value={formatCount(totals.accounts)} />
        <Stat label="Regions" value={formatCount(totals.regions)} />
        <Stat
          label="Events stored"
          value={range.events === null ? '—' : formatCount(range.events)}
          hint={`${range.events === null ? 'not counted: it would read the whole trail · ' : ''}${formatTime(range.first)} – ${formatTime(range.last)}`}
        />
      </div>
      <SqlPanel query={overview.totals} label="SQL (totals)" />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Top principals" footer={<SqlPanel query={overview.principals} />}>
          <BreakdownTable
            keyLabel="Principal"
            items={overview.principals.rows.map((r) => ({ ...r, href: eventsHref({ principal: r.key }) }))}
          />
        </Card>
        <Card title="Top API calls" footer={<SqlPanel query={overview.eventNames} />}>
          <BreakdownTable
            keyLabel="Service:API"
            items={overview.eventNames.rows.map((r) => ({ ...r, href: eventsHref({ eventName: r.key?.split(':')[1] ?? null }) }))}
          />
        </Card>
        <Card title="Accounts" footer={<SqlPanel query={overview.accounts} />}>
          <BreakdownTable keyLabel="Account" items={overview.accounts.rows.map((r) => ({ ...r, href: eventsHref({ account: r.key }) }))} />
        </Card>
        <Card title="Regions" footer={<SqlPanel query={overview.regions} />}>
          <BreakdownTable keyLabel="Region" items={overview.regions.rows.map((r) => ({ ...r, href: eventsHref({ region: r.key }) }))} />
        </Card>
      </div>
    </div>
  );
}

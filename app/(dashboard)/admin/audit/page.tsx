import Link from 'next/link';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditLogTable } from '@/components/audit/audit-log-table';
import { Card } from '@/components/card';
import { CsvLink } from '@/components/reviews/csv-link';
import { auditEntity } from '@/lib/audit/entity';
import { auditPageView } from '@/lib/audit/page-view';
import { activeAuditFilters, AUDIT_CSV_MAX_ROWS, auditFilterOf, queryParams, toHref as auditHref } from './search-params';
import { queryAudit } from '@/lib/audit/store';
import { env } from '@/lib/env';
import { formatCount } from '@/lib/format';
import { loadPageUrl } from '@/lib/http/page-params';
import type { SearchParamsRecord } from '@/lib/http/page-scope';

export const dynamic = 'force-dynamic';

/** Who did what in Trailscope, for administrators (checked here too: see auditPageView's `role`). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { params } = await loadPageUrl(await searchParams, { query: queryParams, reset: { query: auditHref({}) } });
  await auditPageView({ role: 'admin', entity: auditEntity('audit-log'), scope: params.from && params.to ? { from: params.from, to: params.to } : null, detail: activeAuditFilters(params) });
  const page = await queryAudit({ ...auditFilterOf(params), limit: params.limit });
  const retention = env().TRAILSCOPE_AUDIT_RETENTION_DAYS;

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-sm text-slate-500">
          Sign-ins, views of profiles, findings, graphs and event searches, and every change, newest first.{' '}
          {retention === 0 ? 'Kept forever.' : `Kept ${formatCount(retention)} days.`}
        </p>
      </div>
      <AuditFilters params={params} />
      <Card
        title={`${formatCount(page.entries.length)}${page.nextCursor ? '+' : ''} entries${params.cursor ? ' (older page)' : ''}`}
        actions={<CsvLink href={auditHref(params, { api: true, format: 'csv' })} table="audit" fileName="trailscope-audit-log.csv" label={`CSV (up to ${formatCount(AUDIT_CSV_MAX_ROWS)})`} />}
      >
        <AuditLogTable entries={page.entries} />
        <nav className="mt-3 flex gap-4 text-sm" aria-label="Pages">
          {params.cursor && (
            <Link href={auditHref(params)} className="text-indigo-700 hover:underline">
              ← Newest
            </Link>
          )}
          {page.nextCursor && (
            <Link href={auditHref(params, { cursor: page.nextCursor })} className="text-indigo-700 hover:underline" data-testid="audit-older">
              Older entries →
            </Link>
          )}
        </nav>
      </Card>
    </div>
  );
}

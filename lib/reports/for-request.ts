import { getConnection } from '@/lib/engine';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import { buildReport } from './build';
import { reportMarkdown } from './markdown';
import type { z } from '@/lib/zod';
import type { reportApiParams } from './params';

const fileName = (subjectId: string, ext: string) => `trailscope-report-${subjectId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-80)}.${ext}`;

/** GET /api/reports: the report as JSON (`{ report }`), or as a Markdown file to download. */
export async function reportForRequest(query: z.output<typeof reportApiParams>, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await scopeForRequest(conn, query, signal);
  const report = await buildReport(conn, query.subject, scope, signal);
  if (query.format === 'json') return { report };
  return new Response(reportMarkdown(report), {
    headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="${fileName(report.subject.id, 'md')}"` },
  });
}

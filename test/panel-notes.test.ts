import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SqlPanel } from '@/components/sql-panel';
import { ReviewSql } from '@/components/reviews/review-sql';
import { missingColumnNote } from '@/lib/cloudtrail/columns';

/** A panel's notes show beside its SQL and cost, whether or not the SQL is open. */
const query = {
  sql: 'SELECT 1',
  params: [],
  stats: { engine: 'athena' as const, elapsedMs: 5, bytesScanned: 0, costUsd: 0, queryId: 'q', rowCount: 0 },
  notes: [missingColumnNote('eventcategory')],
};

describe('panel notes', () => {
  it('SqlPanel shows each note', () => {
    const html = renderToString(createElement(SqlPanel, { query }));
    expect(html).toContain('data-testid="panel-notes"');
    expect(html).toContain('This table has no eventcategory column');
  });

  it('the review panels pass their notes on', () => {
    expect(renderToString(createElement(ReviewSql, { query, label: 'SQL (data events)' }))).toContain('no eventcategory column');
  });

  it('no notes, no list', () => {
    expect(renderToString(createElement(SqlPanel, { query: { ...query, notes: [] } }))).not.toContain('panel-notes');
  });
});

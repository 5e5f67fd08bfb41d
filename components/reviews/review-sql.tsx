import { SqlPanel, type PanelQuery } from '@/components/sql-panel';

/**
 * SqlPanel with only what it shows: the statement, its parameters and stats. The panel's rows stay
 * on the server (a hygiene query can return thousands; SqlPanel is a client component, so every
 * prop would be serialised into the page).
 */
export function ReviewSql({ query, label }: { query: PanelQuery; label: string }) {
  const { sql, params, stats, notes } = query;
  return <SqlPanel query={{ sql, params, stats, notes }} label={label} />;
}

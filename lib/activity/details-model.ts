import { panelQuery, type PanelQuery } from '@/lib/engine/panel';
import type { Scope } from '@/lib/params/scope';
import type { Subject } from '@/lib/subjects/subject';
import { detailLinks, type DetailLinks } from './details-links';
import type { ScopeDetails } from './get-scope-details';
import { DETAILS_TABS, type DetailRow, type DetailsTab } from './scope-details';

/** Detective's names for the tabs, so investigators find what they know. */
export const DETAILS_TAB_LABELS: Record<DetailsTab, { tab: string; key: string; service: string | null; filter: string }> = {
  ips: { tab: 'Observed IP addresses', key: 'IP address', service: null, filter: 'Filter by IP address' },
  apis: { tab: 'API method by service', key: 'API method', service: 'Service', filter: 'Filter by service or API method' },
  keys: { tab: 'Access key IDs', key: 'Access key ID', service: null, filter: 'Filter by access key ID' },
};

export interface DetailItem extends DetailRow {
  links: DetailLinks;
}

export interface DetailsTabModel {
  tab: DetailsTab;
  items: DetailItem[];
  capped: boolean;
  limit: number;
  query: PanelQuery;
}

export type DetailsModel = Record<DetailsTab, DetailsTabModel>;

/** The details panel's model: every row with its drill-down links, every tab with its SQL. */
export function detailsModel(details: ScopeDetails, subject: Subject, scope: Scope): DetailsModel {
  const tab = (t: DetailsTab): DetailsTabModel => {
    const panel = details[t];
    return {
      tab: t,
      items: panel.rows.map((row) => ({ ...row, links: detailLinks(t, row, subject, scope) })),
      capped: panel.capped,
      limit: panel.limit,
      query: panelQuery(panel),
    };
  };
  return Object.fromEntries(DETAILS_TABS.map((t) => [t, tab(t)])) as DetailsModel;
}

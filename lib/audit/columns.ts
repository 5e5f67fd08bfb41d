import type { CsvColumn } from '@/lib/reviews/csv';
import type { AuditEntry } from './event';

/** The audit log's columns, declared once: the page's table and the CSV share their order and names. */
export const AUDIT_COLUMNS = [
  { key: 'at', header: 'Time (UTC)', value: (e) => e.at },
  { key: 'actor', header: 'User', value: (e) => e.actor },
  { key: 'via', header: 'Via', value: (e) => e.via },
  { key: 'action', header: 'Action', value: (e) => e.action },
  { key: 'outcome', header: 'Outcome', value: (e) => e.outcome },
  { key: 'entity', header: 'Entity', value: (e) => e.entity },
  { key: 'scopeFrom', header: 'Scope from', value: (e) => e.scope?.from },
  { key: 'scopeTo', header: 'Scope to', value: (e) => e.scope?.to },
  { key: 'address', header: 'Address', value: (e) => e.address },
  { key: 'detail', header: 'Detail', value: (e) => (e.detail ? JSON.stringify(e.detail) : null) },
] as const satisfies readonly (CsvColumn<AuditEntry> & { key: string })[];
export type AuditColumnKey = (typeof AUDIT_COLUMNS)[number]['key'];

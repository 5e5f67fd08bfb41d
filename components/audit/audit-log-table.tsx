import Link from 'next/link';
import type { ReactNode } from 'react';
import { AUDIT_COLUMNS, type AuditColumnKey } from '@/lib/audit/columns';
import { auditEntityHref } from '@/lib/audit/entity';
import type { AuditEntry, AuditOutcome } from '@/lib/audit/event';
import { shortTime } from '@/lib/format';
import { DataTable, Empty } from '@/components/data-table';

const td = 'px-2 py-1.5 align-top';

const OUTCOME_TONE: Record<AuditOutcome, string> = {
  ok: 'bg-emerald-100 text-emerald-800',
  refused: 'bg-amber-100 text-amber-900',
  failed: 'bg-red-100 text-red-800',
};

/** Date over time: three instants a row fit beside the entity and the detail. All UTC, as the header says. */
function Instant({ iso }: { iso: string | undefined }) {
  if (!iso) return null;
  const [date, time] = shortTime(iso).split(' ');
  return (
    <span className="whitespace-nowrap font-mono" title={iso}>
      {date}
      <br />
      <span className="text-slate-500">{time}</span>
    </span>
  );
}

/** How each column shows on the page; the CSV writes the same columns as plain values. */
const CELLS: Record<AuditColumnKey, (e: AuditEntry) => ReactNode> = {
  at: (e) => <Instant iso={e.at} />,
  actor: (e) => <span className="font-medium text-slate-900">{e.actor ?? '—'}</span>,
  via: (e) => <span className="text-slate-500">{e.via ?? '—'}</span>,
  action: (e) => <span className="whitespace-nowrap">{e.action}</span>,
  outcome: (e) => <span className={`rounded px-1.5 py-0.5 font-medium ${OUTCOME_TONE[e.outcome]}`}>{e.outcome}</span>,
  entity: (e) => {
    if (!e.entity) return <span className="text-slate-400">—</span>;
    const target = auditEntityHref(e.entity, e.scope, e.detail);
    return target ? (
      <Link href={target} className="font-mono text-indigo-700 hover:underline" title="Open what was viewed, over the same scope">
        <EntityName entity={e.entity} />
      </Link>
    ) : (
      <span className="font-mono">
        <EntityName entity={e.entity} />
      </span>
    );
  },
  scopeFrom: (e) => <Instant iso={e.scope?.from} />,
  scopeTo: (e) => <Instant iso={e.scope?.to} />,
  address: (e) => <span className="font-mono text-slate-600">{e.address ?? '—'}</span>,
  detail: (e) => (e.detail ? <Detail detail={e.detail} /> : null),
};

/** Room for the long values (ARNs, filters); the rest take what they need. */
const WIDTH: Partial<Record<AuditColumnKey, string>> = { entity: 'min-w-[14rem] max-w-[26rem]', detail: 'min-w-[15rem]' };

export function AuditLogTable({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return <Empty>No entry matches these filters.</Empty>;
  return (
    <DataTable testId="audit-table" look="log" text="xs" scroll columns={AUDIT_COLUMNS.map((c) => ({ key: c.key, label: c.header, className: 'whitespace-nowrap' }))}>
      {entries.map((e) => (
        <tr key={e.id} className="border-b border-slate-100" data-testid="audit-row" data-action={e.action} data-outcome={e.outcome}>
          {AUDIT_COLUMNS.map((c) => (
            <td key={c.key} className={`${td} ${WIDTH[c.key] ?? ''}`} data-column={c.key}>
              {CELLS[c.key](e)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

/** The kind stays on one line (no break after `role-`); a long id breaks anywhere. */
function EntityName({ entity }: { entity: string }) {
  const colon = entity.indexOf(':');
  if (colon < 0) return entity;
  return (
    <>
      <span className="whitespace-nowrap">{entity.slice(0, colon + 1)}</span>
      <span className="[overflow-wrap:anywhere]">{entity.slice(colon + 1)}</span>
    </>
  );
}

/** The detail as `key value` lines: easier to scan in a narrow column than JSON. */
function Detail({ detail }: { detail: Record<string, unknown> }) {
  const pairs = Object.entries(detail).filter(([, v]) => v !== undefined && v !== null);
  return (
    <dl className="space-y-0.5 text-slate-600">
      {pairs.map(([k, v]) => (
        <div key={k} className="flex gap-1">
          <dt className="shrink-0 text-slate-400">{k}</dt>
          <dd className="font-mono [overflow-wrap:anywhere]">{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

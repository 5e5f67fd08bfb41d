'use client';

import { useSearchParams } from 'next/navigation';
import { shortTime } from '@/lib/format';

type RecordLike = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const identity = (r: RecordLike) => (typeof r.userIdentity === 'object' && r.userIdentity !== null ? (r.userIdentity as RecordLike) : {});

function principalOf(r: RecordLike): string {
  const u = identity(r);
  return str(u.arn) || str(u.invokedBy) || str(u.principalId) || str(u.type) || '—';
}

/** The open record lives in the URL (`record=<eventID>`), so a copied link opens it too. */
function selectRecord(eventId: string | null) {
  const url = new URL(window.location.href);
  if (eventId) url.searchParams.set('record', eventId);
  else url.searchParams.delete('record');
  window.history.replaceState(null, '', url.toString());
}

/** The events of one page; a row opens the raw CloudTrail record, exactly as stored. */
export function EventsTable({ events }: { events: RecordLike[] }) {
  const recordId = useSearchParams().get('record');
  const open = recordId ? (events.find((e) => str(e.eventID) === recordId) ?? null) : null;
  const setOpen = (e: RecordLike | null) => selectRecord(e ? str(e.eventID) : null);
  if (events.length === 0) return <p className="p-4 text-sm text-slate-500">No events match these filters in the scope.</p>;
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="events-table">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="px-3 py-2 font-medium">Time (UTC)</th>
              <th className="px-3 py-2 font-medium">Event</th>
              <th className="px-3 py-2 font-medium">Principal</th>
              <th className="px-3 py-2 font-medium">Access key</th>
              <th className="px-3 py-2 font-medium">Source IP</th>
              <th className="px-3 py-2 font-medium">Account / region</th>
              <th className="px-3 py-2 font-medium">Result</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr
                key={`${str(e.eventID)}-${str(e.eventTime)}`}
                className="cursor-pointer border-b border-slate-100 hover:bg-indigo-50"
                onClick={() => setOpen(e)}
                data-testid="event-row"
              >
                <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{shortTime(str(e.eventTime))}</td>
                <td className="whitespace-nowrap px-3 py-1.5">
                  <span className="font-medium">{str(e.eventName)}</span>
                  <span className="ml-1 text-xs text-slate-500">{str(e.eventSource).replace('.amazonaws.com', '')}</span>
                </td>
                <td className="max-w-xs truncate px-3 py-1.5 font-mono text-xs" title={principalOf(e)}>
                  {principalOf(e)}
                </td>
                <td className="px-3 py-1.5 font-mono text-xs">{str(identity(e).accessKeyId) || '—'}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{str(e.sourceIPAddress)}</td>
                <td className="whitespace-nowrap px-3 py-1.5 text-xs">
                  {str(e.recipientAccountId)} <span className="text-slate-500">{str(e.awsRegion)}</span>
                </td>
                <td className="px-3 py-1.5 text-xs">
                  {str(e.errorCode) ? <span className="rounded bg-red-100 px-1.5 py-0.5 text-red-800">{str(e.errorCode)}</span> : <span className="text-emerald-700">ok</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && <RawRecordDrawer record={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function RawRecordDrawer({ record, onClose }: { record: RecordLike; onClose: () => void }) {
  const text = JSON.stringify(record, null, 2);
  return (
    <div className="fixed inset-0 z-40 flex justify-end bg-slate-900/30" onClick={onClose} role="presentation">
      <aside
        role="dialog"
        aria-label="Raw CloudTrail record"
        className="flex h-full w-full max-w-2xl flex-col bg-white shadow-xl"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-3">
          <h2 className="font-semibold">
            {str(record.eventName)} <span className="font-mono text-xs text-slate-500">{str(record.eventID)}</span>
          </h2>
          <button
            type="button"
            className="ml-auto rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100"
            onClick={() => void navigator.clipboard?.writeText(text)}
          >
            Copy JSON
          </button>
          <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100" onClick={onClose}>
            Close
          </button>
        </header>
        <pre className="flex-1 overflow-auto bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100" data-testid="raw-json">
          {text}
        </pre>
      </aside>
    </div>
  );
}

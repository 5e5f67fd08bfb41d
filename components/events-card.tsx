import Link from 'next/link';
import { Card } from './card';
import { EventsTable } from './events-table';
import { SqlPanel } from './sql-panel';
import type { EventPage } from '@/lib/events/search-events';

/** A page of events with the link to the next (older) page and the SQL that found them. */
export function EventsCard({ title, result, olderHref }: { title: string; result: EventPage; olderHref: string | null }) {
  return (
    <Card
      title={title}
      actions={
        olderHref ? (
          <Link className="rounded border border-slate-300 px-3 py-1 text-xs hover:bg-slate-100" href={olderHref}>
            Older events →
          </Link>
        ) : null
      }
      footer={<SqlPanel query={result.panel} />}
    >
      <EventsTable events={result.events} />
    </Card>
  );
}

import Link from 'next/link';
import { Card } from './card';
import { SqlPanel } from './sql-panel';
import { roleNameOf } from '@/lib/attribution/assumer';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { toHref as roleSessionHref } from '@/app/(dashboard)/role-sessions/[sessionId]/search-params';
import { toHref as findingHref } from '@/app/(dashboard)/findings/[id]/search-params';
import { formatCount } from '@/lib/format';
import type { Scope } from '@/lib/params/scope';
import type { TimelineMark } from '@/lib/timeline/build';
import type { SessionTimeline } from '@/lib/timeline/get-timeline';

const SEVERITY: Record<string, string> = { Low: 'bg-slate-500', Medium: 'bg-amber-500', High: 'bg-orange-600', Critical: 'bg-red-700' };

function Mark({ mark, scope }: { mark: TimelineMark; scope: Scope }) {
  switch (mark.kind) {
    case 'assumed':
      return (
        <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-indigo-800" data-testid="timeline-mark-assumed">
          → assumed{' '}
          {mark.sessionId ? (
            <Link className="font-semibold underline" href={roleSessionHref(mark.sessionId, scope)}>
              {mark.roleArn ? roleNameOf(mark.roleArn) : 'a role'} / {mark.sessionName}
            </Link>
          ) : (
            <b>
              {mark.roleArn ? roleNameOf(mark.roleArn) : 'a role'} / {mark.sessionName}
            </b>
          )}
        </span>
      );
    case 'started':
      return (
        <span className="rounded bg-violet-50 px-1.5 py-0.5 text-violet-800" data-testid="timeline-mark-started">
          session started: assumed by <b>{mark.assumer}</b> · {mark.label}
          {mark.eventIds[0] && (
            <>
              {' '}
              (<Link className="underline" href={eventsHref({ from: mark.at.slice(0, 13) + ':00:00Z', to: new Date(Date.parse(mark.at) + 3600_000).toISOString().replace('.000Z', 'Z') }, { eventId: mark.eventIds[0] })}>
                event
              </Link>
              )
            </>
          )}
        </span>
      );
    case 'finding':
      return (
        <Link href={findingHref(mark.findingId)} className="rounded bg-red-50 px-1.5 py-0.5 text-red-800 hover:underline" data-testid="timeline-mark-finding">
          <span className={`mr-1 rounded px-1 text-[10px] font-semibold text-white ${SEVERITY[mark.severityLabel] ?? 'bg-slate-500'}`}>{mark.severityLabel}</span>
          finding: {mark.title}
        </Link>
      );
  }
}

/** The session's calls by minute, top to bottom, with the hops that started it, what it assumed and findings marked. */
export function SessionTimelineCard({ timeline, scope }: { timeline: SessionTimeline; scope: Scope }) {
  return (
    <Card
      title={`Timeline: ${formatCount(timeline.events)} calls in ${formatCount(timeline.minutes.length)} minutes${timeline.truncated ? ' (the first ones; narrow the scope for the rest)' : ''}`}
      footer={<SqlPanel query={timeline.panel} label="SQL (timeline)" />}
    >
      {timeline.minutes.length === 0 ? (
        <p className="text-sm text-slate-500">No calls by this session in the scope.</p>
      ) : (
        <ol className="space-y-3" data-testid="timeline">
          {timeline.minutes.map((m) => (
            <li key={m.minute} className="border-l-2 border-slate-200 pl-3" data-testid="timeline-minute" data-minute={m.minute}>
              <p className="text-xs font-semibold text-slate-600">
                {m.minute.slice(0, 10)} {m.minute.slice(11, 16)} UTC
                <span className="ml-2 font-normal text-slate-500">
                  {m.events.length} call{m.events.length === 1 ? '' : 's'}
                  {m.failed > 0 && <span className="text-red-700"> · {m.failed} failed</span>}
                </span>
              </p>
              {m.marks.length > 0 && (
                <div className="mt-1 flex flex-wrap gap-1 text-xs">
                  {m.marks.map((mark, i) => (
                    <Mark key={i} mark={mark} scope={scope} />
                  ))}
                </div>
              )}
              <ul className="mt-1 space-y-0.5">
                {m.events.map((e) => (
                  <li key={e.eventId} className="flex flex-wrap items-center gap-x-2 text-xs" data-testid="timeline-event">
                    <span className="font-mono text-slate-500">{e.time.slice(11, 19)}</span>
                    <Link href={eventsHref(scope, { eventId: e.eventId })} className="font-mono text-slate-800 hover:underline">
                      {e.service}:{e.eventName}
                    </Link>
                    {e.errorCode && <span className="rounded bg-red-100 px-1 text-red-800">{e.errorCode}</span>}
                    {e.sourceIp && <span className="text-slate-400">{e.sourceIp}</span>}
                    {e.marks.map((mark, i) => (
                      <Mark key={i} mark={mark} scope={scope} />
                    ))}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

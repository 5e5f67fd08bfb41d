import Link from 'next/link';
import { assumerHref } from '@/lib/links';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import type { Scope } from '@/lib/params/scope';
import type { SharedSessionName } from '@/lib/reviews/vendors/role-review';
import { Empty } from '@/components/data-table';

/** One session name, several principals behind it: the sessions alone cannot tell them apart. */
export function SharedNamesList({ rows, roleArn, scope }: { rows: SharedSessionName[]; roleArn: string; scope: Scope }) {
  if (rows.length === 0) return <Empty testId="shared-session-names-empty">Each session name was used by one principal only.</Empty>;
  return (
    <ul className="space-y-1 text-sm" data-testid="shared-session-names">
      {rows.map((s) => (
        <li key={s.sessionName}>
          <Link href={eventsHref(scope, { principal: roleArn, sessionName: s.sessionName })} className="font-mono font-medium text-indigo-700 hover:underline">
            {s.sessionName}
          </Link>{' '}
          ({s.count} sessions) is used by{' '}
          {s.assumers.map((a, i) => (
            <span key={a.key}>
              {i > 0 && ', '}
              <Link href={assumerHref(a, scope)} className="font-mono text-indigo-700 hover:underline">
                {a.arn ?? a.name}
              </Link>
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { href } from '@/lib/params/href';
import { path as findingsPath } from '@/app/(dashboard)/findings/search-params';
import { path as incidentsPath } from '@/app/(dashboard)/incidents/search-params';
import { path as roleSessionsPath } from '@/app/(dashboard)/role-sessions/search-params';
import { path as eventsPath } from '@/app/(dashboard)/events/search-params';
import { path as vendorsPath } from '@/app/(dashboard)/vendors/search-params';
import { path as hygienePath } from '@/app/(dashboard)/hygiene/search-params';
import { path as accessPath } from '@/app/(dashboard)/access/search-params';
import { path as auditPath } from '@/app/(dashboard)/admin/audit/search-params';
import { path as coveragePath } from '@/app/(dashboard)/coverage/search-params';
import { path as usersPath } from '@/app/(dashboard)/admin/users/search-params';
import { path as notificationsPath } from '@/app/(dashboard)/admin/notifications/search-params';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: findingsPath, label: 'Findings' },
  { href: incidentsPath, label: 'Incidents' },
  { href: roleSessionsPath, label: 'Role sessions' },
  { href: eventsPath, label: 'Events' },
  // The managers' reviews (vendors, session names, access) share one entry; their own tabs switch.
  { href: vendorsPath, label: 'Reviews', also: [hygienePath, accessPath] },
  { href: coveragePath, label: 'Coverage' },
] as const satisfies readonly { href: string; label: string; also?: readonly string[] }[];

/**
 * Pages for administrators only; the server refuses them to anyone else (403), so hiding the link
 * is only tidiness. The scope is not carried over: the audit log's from/to filter when entries were
 * recorded, not the CloudTrail time being investigated.
 */
const ADMIN_LINKS = [
  { href: auditPath, label: 'Audit' },
  { href: usersPath, label: 'Users' },
  { href: notificationsPath, label: 'Notifications' },
] as const;

/** Moving between pages keeps the scope time: it is carried over from the current URL. */
export function NavLinks({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  const search = useSearchParams();
  // On the admin pages from/to are the audit log's filters, not a scope to take along.
  const carry = ADMIN_LINKS.some((l) => pathname.startsWith(l.href)) ? {} : { from: search.get('from'), to: search.get('to') };
  return (
    <nav className="flex gap-1 text-sm">
      {LINKS.map((l) => {
        const prefixes: readonly string[] = ['also' in l ? l.also : [], l.href].flat();
        const active = l.href === '/' ? pathname === '/' : prefixes.some((p) => pathname.startsWith(p));
        return <NavLink key={l.href} href={href(l.href, carry)} label={l.label} active={active} />;
      })}
      {admin && ADMIN_LINKS.map((l) => <NavLink key={l.href} href={l.href} label={l.label} active={pathname.startsWith(l.href)} />)}
    </nav>
  );
}

function NavLink({ href, label, active }: { href: string; label: string; active: boolean }) {
  return (
    <Link href={href} className={`whitespace-nowrap rounded px-2.5 py-1.5 ${active ? 'bg-slate-800 text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'}`}>
      {label}
    </Link>
  );
}

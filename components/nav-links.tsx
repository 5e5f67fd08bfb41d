'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { href } from '@/lib/params/href';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/findings', label: 'Findings' },
  { href: '/role-sessions', label: 'Role sessions' },
  { href: '/events', label: 'Events' },
  // The managers' reviews (vendors, session names, access) share one entry; their own tabs switch.
  { href: '/vendors', label: 'Reviews', also: ['/hygiene', '/access'] },
] as const satisfies readonly { href: string; label: string; also?: readonly string[] }[];

/**
 * Pages for administrators only; the server refuses them to anyone else (403), so hiding the link
 * is only tidiness. The scope is not carried over: the audit log's from/to filter when entries were
 * recorded, not the CloudTrail time being investigated.
 */
const ADMIN_LINKS = [
  { href: '/admin/audit', label: 'Audit' },
  { href: '/admin/users', label: 'Users' },
] as const;

/** Moving between pages keeps the scope time: it is carried over from the current URL. */
export function NavLinks({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  const search = useSearchParams();
  // On /admin pages from/to are the audit log's filters, not a scope to take along.
  const carry = pathname.startsWith('/admin') ? {} : { from: search.get('from'), to: search.get('to') };
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

'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/findings', label: 'Findings' },
  { href: '/role-sessions', label: 'Role sessions' },
  { href: '/events', label: 'Events' },
  // The managers' reviews (vendors, session names, access) share one entry; their own tabs switch.
  { href: '/vendors', label: 'Reviews', also: ['/hygiene', '/access'] },
] as const satisfies readonly { href: string; label: string; also?: readonly string[] }[];

/** Moving between pages keeps the scope time: it is carried over from the current URL. */
export function NavLinks() {
  const pathname = usePathname();
  const search = useSearchParams();
  const carry = new URLSearchParams();
  for (const key of ['from', 'to'] as const) {
    const v = search.get(key);
    if (v) carry.set(key, v);
  }
  const qs = carry.toString();
  return (
    <nav className="flex gap-1 text-sm">
      {LINKS.map((l) => {
        const prefixes: readonly string[] = ['also' in l ? l.also : [], l.href].flat();
        const active = l.href === '/' ? pathname === '/' : prefixes.some((p) => pathname.startsWith(p));
        return (
          <Link
            key={l.href}
            href={qs ? `${l.href}?${qs}` : l.href}
            className={`rounded px-3 py-1.5 ${active ? 'bg-slate-800 text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}

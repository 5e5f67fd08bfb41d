import Link from 'next/link';
import type { Role } from '@/lib/auth/roles';
import { signOut } from '@/auth';
import { HeaderSearch } from './header-search';
import { NavLinks } from './nav-links';

export function AppHeader({ engine, userName, role }: { engine: string; userName: string | null; role: Role }) {
  return (
    <header className="border-b border-slate-800 bg-slate-900 text-slate-100 print:hidden">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-6 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight text-white">
          Trail<span className="text-indigo-400">scope</span>
        </Link>
        <NavLinks admin={role === 'admin'} />
        <div className="ml-auto flex items-center gap-3 text-xs">
          <HeaderSearch />
          <span className="whitespace-nowrap rounded bg-slate-800 px-2 py-1 font-mono text-slate-300" title="query engine">
            {engine}
          </span>
          {userName && <span className="max-w-32 truncate text-slate-300" title={userName}>{userName}</span>}
          <form
            action={async () => {
              'use server';
              await signOut({ redirectTo: '/sign-in' });
            }}
          >
            <button type="submit" className="whitespace-nowrap rounded border border-slate-700 px-2 py-1 text-slate-200 hover:bg-slate-800">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}

import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { requirePageUser } from '@/lib/auth/page-access';
import { env } from '@/lib/env';
import { AppHeader } from '@/components/app-header';
import { path as aboutPath } from './about/search-params';

/** The second gate behind proxy.ts: no page of the dashboard renders without a current session. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="min-h-screen">
      <Suspense>
        <AppHeader engine={env().TRAILSCOPE_ENGINE} userName={user.displayName ?? user.name} role={user.role} />
      </Suspense>
      <main className="mx-auto max-w-7xl px-6 py-6">{children}</main>
      <footer className="mx-auto max-w-7xl px-6 pb-8 text-xs text-slate-500">
        <Link href={aboutPath} className="hover:underline">
          About and data sources
        </Link>{' '}
        · IP geolocation by DB-IP (CC BY 4.0)
      </footer>
    </div>
  );
}

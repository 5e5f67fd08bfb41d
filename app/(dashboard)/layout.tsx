import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { auth } from '@/auth';
import { env } from '@/lib/env';
import { AppHeader } from '@/components/app-header';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  return (
    <div className="min-h-screen">
      <Suspense>
        <AppHeader engine={env().TRAILSCOPE_ENGINE} userName={session?.user?.name ?? null} />
      </Suspense>
      <main className="mx-auto max-w-7xl px-6 py-6">{children}</main>
      <footer className="mx-auto max-w-7xl px-6 pb-8 text-xs text-slate-500">
        <Link href="/about" className="hover:underline">
          About and data sources
        </Link>{' '}
        · IP geolocation by DB-IP (CC BY 4.0)
      </footer>
    </div>
  );
}

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
    </div>
  );
}

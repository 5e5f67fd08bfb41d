'use client';

import { PageFailure } from '@/components/page-failure';

/** A page outside the dashboard (sign-in) that failed to render. */
export default function RootError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main className="mx-auto max-w-3xl px-6 py-10">
      <PageFailure digest={error.digest} retry={retry} />
    </main>
  );
}

'use client';

import { PageFailure } from '@/components/page-failure';
import './globals.css';

/** The root layout itself failed (the dashboard's own boundary cannot show then): the same answer, in a bare page. */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main className="mx-auto max-w-3xl px-6 py-10">
          <PageFailure digest={error.digest} retry={retry} />
        </main>
      </body>
    </html>
  );
}

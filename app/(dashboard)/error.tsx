'use client';

import { PageFailure } from '@/components/page-failure';

/** A dashboard page that failed to render: the engine's message and the failed SQL, not Next's generic error page. */
export default function DashboardError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <PageFailure digest={error.digest} retry={retry} />;
}

import { PageNotFound } from '@/components/page-not-found';

/** An address no route answers (inside the dashboard, app/(dashboard)/not-found.tsx answers instead). */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl px-6">
      <PageNotFound />
    </main>
  );
}

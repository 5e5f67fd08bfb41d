import Link from 'next/link';
import { InvalidLink } from '@/components/invalid-link';
import { pendingInvalidLink } from '@/lib/http/invalid-link';

/** HTTP 404 inside the dashboard: a link a page refused (with its reason), or a page that is not there. */
export default async function DashboardNotFound() {
  const invalid = await pendingInvalidLink();
  if (invalid) return <InvalidLink {...invalid} />;
  return (
    <div className="py-10 text-center">
      <h1 className="text-lg font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">There is no page at this address.</p>
      <Link href="/" className="mt-4 inline-block text-sm text-indigo-600 hover:underline">
        Back to the overview
      </Link>
    </div>
  );
}

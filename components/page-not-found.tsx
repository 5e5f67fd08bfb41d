import Link from 'next/link';

/** An address no page answers: said plainly, with the way back. */
export function PageNotFound() {
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

import Link from 'next/link';

/** Rendered with HTTP 403 when a signed-in user opens a page their role does not allow. */
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16 text-center">
      <h1 className="text-xl font-semibold text-slate-900">Not allowed</h1>
      <p className="mt-2 text-sm text-slate-600">This page is for administrators. Ask whoever runs Trailscope if you need it.</p>
      <Link href="/" className="mt-6 inline-block text-sm text-indigo-600 hover:underline">
        Back to the overview
      </Link>
    </main>
  );
}

import Link from 'next/link';
import type { Scope } from '@/lib/params/scope';
import { href } from '@/lib/params/href';
import { path as vendorsPath } from '@/app/(dashboard)/vendors/search-params';
import { path as hygienePath } from '@/app/(dashboard)/hygiene/search-params';
import { path as accessPath } from '@/app/(dashboard)/access/search-params';

const REVIEWS = [
  { path: vendorsPath, label: 'Vendor roles' },
  { path: hygienePath, label: 'Session-name hygiene' },
  { path: accessPath, label: 'Unused access' },
] as const;

/** The three managers' reviews, one click apart, keeping the scope. */
export function ReviewTabs({ active, scope }: { active: (typeof REVIEWS)[number]['path']; scope?: Scope }) {
  return (
    <nav className="flex gap-1 border-b border-slate-200 text-sm print:hidden" aria-label="Reviews" data-testid="review-tabs">
      {REVIEWS.map((r) => (
        <Link
          key={r.path}
          href={href(r.path, { ...scope })}
          className={`-mb-px border-b-2 px-3 py-2 ${active === r.path ? 'border-indigo-600 font-medium text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-700'}`}
          aria-current={active === r.path ? 'page' : undefined}
        >
          {r.label}
        </Link>
      ))}
    </nav>
  );
}

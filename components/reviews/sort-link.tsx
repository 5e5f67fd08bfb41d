import Link from 'next/link';

/** A column header that sorts by it: the first click sorts descending, the next ascending. */
export function SortLink({ label, active, order, href }: { label: string; active: boolean; order: 'asc' | 'desc'; href: (order: 'asc' | 'desc') => string }) {
  const next = active && order === 'desc' ? 'asc' : 'desc';
  return (
    <Link href={href(next)} className={active ? 'text-slate-900' : 'hover:text-slate-700'} aria-sort={active ? (order === 'desc' ? 'descending' : 'ascending') : undefined}>
      {label}
      {active ? (order === 'desc' ? ' ↓' : ' ↑') : ''}
    </Link>
  );
}

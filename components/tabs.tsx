import Link from 'next/link';

/** Tabs that are links: the active tab lives in the URL, so a shared link opens the same one. */
export function Tabs({ tabs, active }: { tabs: { id: string; label: string; href: string }[]; active: string }) {
  return (
    <nav className="flex gap-1 border-b border-slate-200" aria-label="Tabs">
      {tabs.map((t) => (
        <Link
          key={t.id}
          href={t.href}
          aria-current={t.id === active ? 'page' : undefined}
          className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${t.id === active ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-500 hover:text-slate-800'}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

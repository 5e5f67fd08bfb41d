import Link from 'next/link';
import { technique } from '@/lib/attack/techniques';

/**
 * A finding's ATT&CK techniques: each chip filters the findings list by it (`listHref`), and
 * names the technique on ATT&CK's own page.
 */
export function TechniqueChips({ ids, listHref, full = false }: { ids: readonly string[]; listHref: (id: string) => string; full?: boolean }) {
  if (ids.length === 0) return full ? <span className="text-xs text-slate-500">No ATT&CK technique mapped for this type.</span> : null;
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid="finding-techniques">
      {ids.map((id) => {
        const t = technique(id);
        return (
          <span key={id} className="inline-flex items-center gap-1 rounded bg-violet-50 px-1.5 py-0.5 text-[11px] text-violet-900 ring-1 ring-inset ring-violet-200">
            <Link href={listHref(id)} className="font-mono hover:underline" title={t ? `${t.displayName} (${t.tactics.map((x) => x.name).join(', ')}): other findings with it` : 'other findings with it'}>
              {id}
            </Link>
            {full && t && (
              <a href={t.url} target="_blank" rel="noreferrer" className="hover:underline">
                {t.displayName}
              </a>
            )}
          </span>
        );
      })}
    </span>
  );
}

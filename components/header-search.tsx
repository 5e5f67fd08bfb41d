'use client';

import Form from 'next/form';
import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { path as searchPath } from '@/app/(dashboard)/search/search-params';

/**
 * The header's search box: a GET form to /search, which resolves what was typed and redirects to
 * its profile. The current scope rides along as hidden fields, so the profile opens on the window
 * the investigator was looking at. `/` focuses it from anywhere outside a text field.
 */
export function HeaderSearch() {
  const params = useSearchParams();
  const pathname = usePathname();
  const input = useRef<HTMLInputElement>(null);
  const from = params.get('from');
  const to = params.get('to');
  // On the results page the box keeps the query, to be corrected rather than retyped.
  const current = pathname === searchPath ? (params.get('q') ?? '') : '';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName ?? '');
      if (e.key === '/' && !typing && !e.metaKey && !e.ctrlKey && !e.altKey) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Form action={searchPath} role="search" aria-label="Search Trailscope" className="relative flex items-center">
      <input
        ref={input}
        key={current}
        name="q"
        type="search"
        defaultValue={current}
        required
        maxLength={2048}
        autoComplete="off"
        spellCheck={false}
        aria-label="Search by ARN, session id, access key, IP, service or account"
        placeholder="Search ARN, session id, key, IP, service"
        className="peer w-60 rounded border border-slate-700 bg-slate-800 py-1 pl-2.5 pr-7 font-mono text-xs text-slate-100 placeholder:font-sans placeholder:text-slate-400 focus:border-indigo-400 focus:outline-none"
      />
      <kbd aria-hidden className="pointer-events-none absolute right-2 rounded border border-slate-600 px-1 font-sans text-[10px] text-slate-400 peer-focus:hidden">
        /
      </kbd>
      {from && <input type="hidden" name="from" value={from} />}
      {to && <input type="hidden" name="to" value={to} />}
    </Form>
  );
}

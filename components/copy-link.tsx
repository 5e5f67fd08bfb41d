'use client';

import { useState } from 'react';
import type { Scope } from '@/lib/params/scope';

/**
 * The link to exactly this view for another analyst: the page's URL with the scope written in as
 * absolute times (a default scope would otherwise move with new data), everything else as it is.
 */
export function scopedLink(location: string, scope: Scope): string {
  const url = new URL(location);
  url.searchParams.set('from', scope.from);
  url.searchParams.set('to', scope.to);
  return url.toString();
}

export function CopyLink({ scope }: { scope: Scope }) {
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <button
      type="button"
      data-testid="copy-link"
      data-copied-link={copied ?? undefined}
      title="Copy a link to this exact view (scope, tab, filters, selection)"
      onClick={() => {
        const link = scopedLink(window.location.href, scope);
        const done = () => {
          setCopied(link);
          setTimeout(() => setCopied(null), 4000);
        };
        if (navigator.clipboard?.writeText) navigator.clipboard.writeText(link).then(done, () => window.prompt('Copy this link', link));
        else window.prompt('Copy this link', link);
      }}
      className="rounded border border-slate-300 bg-white px-2.5 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-100"
    >
      {copied ? 'Link copied' : 'Copy link'}
    </button>
  );
}

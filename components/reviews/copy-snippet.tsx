'use client';

import { useState } from 'react';

/** JSON (a policy statement, a condition) to copy into the AWS console or a template. */
export function CopySnippet({ text, testId, label = 'Copy' }: { text: string; testId: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="relative" data-testid={testId}>
      <pre className="max-h-80 overflow-auto rounded bg-slate-900 p-3 font-mono text-[11px] leading-relaxed text-slate-100" data-testid={`${testId}-text`}>
        {text}
      </pre>
      <button
        type="button"
        data-testid={`${testId}-copy`}
        className="absolute right-2 top-2 rounded bg-slate-700 px-2 py-0.5 text-xs text-slate-100 hover:bg-slate-600 print:hidden"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : label}
      </button>
    </div>
  );
}

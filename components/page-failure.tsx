'use client';

import { Notice } from './notice';
import { SqlPanel } from './sql-panel';
import { engineFailureOf } from '@/lib/engine/failure-digest';

/**
 * What a page shows when rendering it failed. An engine failure says what the engine said and shows
 * the statement that failed, as every panel shows its SQL; anything else says only that the server
 * failed, with the reference its log carries (Next keeps other messages out of the browser).
 */
export function PageFailure({ digest, retry }: { digest: string | undefined; retry: () => void }) {
  const failure = engineFailureOf(digest);
  const again = (
    <button type="button" onClick={retry} className="rounded border border-slate-300 px-3 py-1 text-sm text-slate-700 hover:bg-slate-100">
      Try again
    </button>
  );
  if (!failure) {
    return (
      <div className="space-y-4">
        <Notice title="This page could not be shown">
          The server failed while preparing it{digest ? <> (reference <code>{digest}</code> in the server log)</> : null}.
        </Notice>
        {again}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <Notice title="The query engine could not answer this page">
        <p data-testid="engine-failure-message">{failure.message}</p>
        <p className="mt-1 text-xs">
          {failure.code === 'THROTTLED' || failure.code === 'TIMEOUT'
            ? 'This is often temporary: try again in a moment.'
            : 'Nothing on this page was shown from partial results.'}
        </p>
      </Notice>
      {failure.sql !== undefined && <SqlPanel query={{ sql: failure.sql, params: failure.params ?? [], stats: failure.stats ?? null }} label="the SQL that failed" />}
      {again}
    </div>
  );
}

'use client';

import type { LayeredLayout } from '@/lib/graph/layout';

let engine: Promise<LayeredLayout> | null = null;

/**
 * ELK in a Web Worker, so laying out a thousand nodes never freezes the page; on the main thread
 * where workers are unavailable. Created once per page.
 */
export function layoutEngine(): Promise<LayeredLayout> {
  engine ??= (async () => {
    const { default: ELK } = await import('elkjs/lib/elk-api.js');
    if (typeof Worker !== 'undefined') {
      try {
        return new ELK({ workerFactory: () => new Worker(new URL('elkjs/lib/elk-worker.min.js', import.meta.url)) });
      } catch {
        // Fall through to the main thread.
      }
    }
    const { default: Bundled } = await import('elkjs/lib/elk.bundled.js');
    return new Bundled();
  })();
  return engine;
}

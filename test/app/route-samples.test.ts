import { describe, expect, it, vi } from 'vitest';
import { z } from '@/lib/zod';
import type { RouteHandler } from '@/lib/http/with-auth';
import { routeTable } from './route-table';
import { PAGE_QUERY_NAMES } from './route-samples';

vi.mock('@/auth', () => ({ auth: vi.fn(async () => null), handlers: { GET: () => new Response(), POST: () => new Response() } }));

describe('probe parameter names', () => {
  it('cover every query parameter an API route declares, so the page probes reach them too', async () => {
    const declared = new Set<string>();
    for (const route of routeTable().filter((r) => r.kind === 'api' && !r.pattern.startsWith('/api/auth/'))) {
      const routeModule = (await import(/* @vite-ignore */ `../../${route.file}`)) as Record<string, RouteHandler>;
      for (const method of Object.keys(route.methods)) {
        const schema = routeModule[method]?.schemas.query;
        if (schema instanceof z.ZodObject) for (const name of Object.keys(schema.shape)) declared.add(name);
      }
    }
    expect([...declared].filter((name) => !PAGE_QUERY_NAMES.includes(name))).toEqual([]);
  });
});

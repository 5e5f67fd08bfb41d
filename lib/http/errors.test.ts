import { describe, expect, it } from 'vitest';
import { EngineError, type QueryStats } from '@/lib/engine/types';
import { errorResponse } from './errors';

const stats: QueryStats = { engine: 'athena', elapsedMs: 1200, bytesScanned: 3 * 2 ** 30, costUsd: 0.0146484375, queryId: 'q-1', rowCount: 0 };

describe('engine error responses', () => {
  it('carry what a stopped query scanned and cost, and never its SQL', async () => {
    const response = errorResponse(new EngineError('Athena cancelled the query', 'CANCELLED', { queryId: 'q-1', sql: 'SELECT secret', stats }), 'GET /api/x');
    expect(response.status).toBe(502);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ error: 'Athena cancelled the query', code: 'CANCELLED', stats });
  });

  it('stay as they were when the engine reports no cost', async () => {
    const response = errorResponse(new EngineError('too slow', 'TIMEOUT'), 'GET /api/x');
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ error: 'too slow', code: 'TIMEOUT' });
  });
});

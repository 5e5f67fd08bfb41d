/**
 * trino-client (trinodb/trino-js-client) speaks Trino's statement protocol: POST the statement,
 * follow `nextUri` until the last page, DELETE to cancel. Three things the connection needs are not
 * in its public API (0.2.9): an AbortSignal; the query id before the first page of rows (one
 * `next()` long-polls through the queued and running states); and a JSON parse that keeps BIGINT
 * exact (trinodb/trino-js-client#983). Its Client passes one axios config to every request it
 * makes, so this file sets three axios options on that config: `signal`, `timeout` and
 * `transformResponse`. It is the only place that reaches inside the client; client.test.ts pins
 * the shape, so an upgrade that changes it fails the tests rather than a user's query.
 */
import tls from 'node:tls';
import { BasicAuth, Trino, type QueryResult } from 'trino-client';
import { EngineError } from '@/lib/engine/types';
import { DEFAULT_TRINO_USER, type TrinoConfig } from './config';
import { parseTrinoJson } from './json-text';

export type { QueryResult };

/** The axios options we set; names and meaning as in axios's request config. */
interface AxiosOptions {
  signal?: AbortSignal;
  timeout?: number;
  transformResponse?: ((data: unknown) => unknown)[];
}

export interface ClientHooks {
  /** Aborts every HTTP request of this client. */
  signal?: AbortSignal;
  /** Per HTTP request, in ms; none by default (Trino long-polls, and the query has a deadline). */
  requestTimeoutMs?: number;
  /** Sees every parsed response body, first the POST's (which names the query id). */
  onResponse?: (body: unknown) => void;
}

function axiosOptionsOf(trino: Trino): AxiosOptions {
  const config = (trino as unknown as { client?: { clientConfig?: unknown } }).client?.clientConfig;
  if (typeof config !== 'object' || config === null || !('baseURL' in config)) {
    throw new EngineError('This trino-client version is not the one lib/engine/trino/client.ts adapts; keep the version pinned in package.json', 'CONFIG');
  }
  return config as AxiosOptions;
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return data;
  try {
    return parseTrinoJson(data);
  } catch {
    // Not JSON (a proxy's HTML error page): kept as text for the error message.
    return data;
  }
}

/**
 * A client for one query (hooks are per client, and clients are cheap: a config and an agent).
 * Sends the user as X-Trino-User, with basic auth when a password is set, and `trailscope` as the
 * source, so the cluster's query history and resource groups can tell Trailscope's queries apart.
 */
export function openTrino(config: TrinoConfig, hooks: ClientHooks = {}): Trino {
  const user = config.user ?? DEFAULT_TRINO_USER;
  const trino = Trino.create({
    server: config.url,
    catalog: config.catalog,
    schema: config.schema,
    source: 'trailscope',
    extraHeaders: { 'X-Trino-User': user },
    ...(config.password === undefined ? {} : { auth: new BasicAuth(user, config.password) }),
    // The private CA is trusted in addition to Node's list, not instead of it.
    ...(config.ca === undefined ? {} : { ssl: { ca: [...tls.rootCertificates, config.ca] } }),
  });
  const axios = axiosOptionsOf(trino);
  axios.transformResponse = [
    (data) => {
      const body = parseBody(data);
      hooks.onResponse?.(body);
      return body;
    },
  ];
  if (hooks.signal) axios.signal = hooks.signal;
  if (hooks.requestTimeoutMs !== undefined) axios.timeout = hooks.requestTimeoutMs;
  return trino;
}

/** Best effort: the query may have finished already, and the caller's error matters more. */
export async function cancelQuietly(config: TrinoConfig, queryId: string): Promise<void> {
  try {
    await openTrino(config, { requestTimeoutMs: 5_000 }).cancel(queryId);
  } catch {
    // Nothing useful to do: Trino ends a query whose client stopped polling (query.client.timeout).
  }
}

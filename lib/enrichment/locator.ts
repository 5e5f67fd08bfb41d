import type { ParsedIp } from './ip-address';

export type Lookup<T> = (ip: ParsedIp) => T | null;

export interface DataSource {
  readonly name: string;
  readonly licence: string;
  readonly path: string;
}

/**
 * One kind of lookup (city or ASN) over whichever files are configured. Opening is async and
 * per address family, so a batch with no IPv6 never loads the IPv6 data; lookups are sync.
 */
export interface Locator<T> {
  readonly source: DataSource;
  forVersion(version: 4 | 6): Promise<Lookup<T>>;
}

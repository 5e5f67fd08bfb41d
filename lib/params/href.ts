type HrefValue = string | number | null | undefined | readonly string[];

/**
 * Builds an in-app link with query parameters, dropping empty ones. A list repeats its key
 * (`expand=a&expand=b`): values may contain commas, so never a joined list.
 */
export function href(path: string, params: { readonly [key: string]: HrefValue }): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'object' && v !== null) for (const item of v) qs.append(k, item);
    else if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

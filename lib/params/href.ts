/** Builds an in-app link with query parameters, dropping empty ones. */
export function href(path: string, params: { readonly [key: string]: string | number | null | undefined }): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

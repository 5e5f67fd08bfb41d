/**
 * JSON with one record per line below the top two levels: small enough to bundle, and a refresh
 * shows in a diff as the techniques, types and events that changed rather than as reflowed text.
 */
export function formatJson(value: unknown, depth = 0): string {
  if (depth >= 2 || value === null || typeof value !== 'object') return JSON.stringify(value);
  const pad = '  '.repeat(depth + 1);
  const close = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + formatJson(v, depth + 1)).join(',\n')}\n${close}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${formatJson(v, depth + 1)}`).join(',\n')}\n${close}}`;
}

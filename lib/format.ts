/** Display formatting shared by server and client components. */

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'n/a';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  // 50 MB, 256 KB, 1.5 MB: one decimal where it says something.
  return `${v.toFixed(i === 0 ? 0 : 1).replace(/\.0$/, '')} ${units[i]}`;
}

export function formatUsd(usd: number | null): string {
  if (usd === null) return 'n/a';
  return usd < 0.01 ? `$${usd.toFixed(5)}` : `$${usd.toFixed(2)}`;
}

/** `2026-11-20 14:03:07 UTC`: investigators compare times across accounts, so always UTC. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

/** `2026-11-20 14:03:07`: a UTC time without the suffix, for narrow table cells (the column header says UTC). */
export function shortTime(iso: string | null | undefined): string {
  return formatTime(iso).replace(' UTC', '');
}

/** A share (0..1) as a whole percentage. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * An ARN as people read it in a narrow column: what comes after the account
 * (`assumed-role/DemoRole1/sara`, `user/alice`), with the account kept apart.
 */
export function splitArn(value: string): { account: string | null; resource: string } {
  const m = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:(.+)$/.exec(value);
  if (!m) return { account: null, resource: value };
  return { account: m[1] ?? null, resource: m[2] ?? value };
}

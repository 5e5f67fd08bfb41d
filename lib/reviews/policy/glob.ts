/**
 * IAM-style globs: `*` any run of characters, `?` one character, everything else literal and
 * compared case-insensitively (IAM action names are case-insensitive, and legacy bucket names
 * carry capitals).
 */
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (!re) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, 'i');
    if (cache.size > 5000) cache.clear();
    cache.set(glob, re);
  }
  return re;
}

export function globMatches(glob: string, value: string): boolean {
  return globToRegExp(glob).test(value);
}

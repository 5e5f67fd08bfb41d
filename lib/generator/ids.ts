import { hash128, Rng } from './prng';

/**
 * Identifier shapes as AWS prints them. IAM unique ids (AROA…, AIDA…) and
 * long-term keys (AKIA…) are derived from the entity's name only, so they are
 * the same for every seed and tests can name them; temporary keys (ASIA…),
 * event ids and request ids come from the seeded streams.
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function chars(rng: Rng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(rng.nextUint32() % alphabet.length);
  return out;
}

function stableRng(kind: string, key: string): Rng {
  return new Rng(hash128(`stable-id\u241f${kind}\u241f${key}`));
}

/** IAM unique ids are 21 characters: a 4-letter type prefix and 17 base32 characters. */
export type UniqueIdPrefix = 'AROA' | 'AIDA';

export function stableUniqueId(prefix: UniqueIdPrefix, key: string): string {
  return prefix + chars(stableRng(prefix, key), BASE32, 17);
}

/** Long-term IAM user access key: AKIA + 16 base32 characters (20 in all). */
export function stableAccessKeyId(key: string): string {
  return 'AKIA' + chars(stableRng('AKIA', key), BASE32, 16);
}

/** Temporary (STS) access key: ASIA + 16 base32 characters (20 in all). */
export function tempAccessKeyId(rng: Rng): string {
  return 'ASIA' + chars(rng, BASE32, 16);
}

/** A temporary key fixed by (seed, label), for sessions whose key tests must know in advance. */
export function labelledTempAccessKeyId(seed: string, label: string): string {
  return tempAccessKeyId(Rng.from(seed, 'labelled-key', label));
}

function hexWord(n: number): string {
  return (
    (HEX_BYTE[n >>> 24] as string) +
    (HEX_BYTE[(n >>> 16) & 0xff] as string) +
    (HEX_BYTE[(n >>> 8) & 0xff] as string) +
    (HEX_BYTE[n & 0xff] as string)
  );
}

/** A version-4-shaped UUID, as CloudTrail uses for eventID and most requestIDs. */
export function uuid(rng: Rng): string {
  const a = hexWord(rng.nextUint32());
  const b = hexWord(rng.nextUint32());
  const c = hexWord(rng.nextUint32());
  const d = hexWord(rng.nextUint32());
  const variant = '89ab'.charAt(rng.nextUint32() & 3);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

/** An eventID fixed by (seed, label), for the incident events tests name in advance. */
export function labelledEventId(seed: string, label: string): string {
  return uuid(Rng.from(seed, 'labelled-event', label));
}

export function hex(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += hexWord(rng.nextUint32());
  return out.slice(0, length);
}

/** S3 request ids are 16 upper-case hex characters. */
export function s3RequestId(rng: Rng): string {
  return hex(rng, 16).toUpperCase();
}

/** S3's x-amz-id-2 extended request id. */
export function s3ExtendedRequestId(rng: Rng): string {
  return chars(rng, BASE64, 76) + '=';
}

/** EC2 instance ids: "i-" and 17 hex digits, the first of which is 0 for current ids. */
export function instanceId(rng: Rng): string {
  return 'i-0' + hex(rng, 16);
}

export function stableInstanceId(key: string): string {
  return instanceId(stableRng('instance', key));
}

/** The 16-character suffix of a CloudTrail log file name. */
export function fileSuffix(rng: Rng): string {
  return chars(rng, ALNUM, 16);
}

/**
 * Session tokens are several hundred characters in reality; a shorter token
 * with the real prefix keeps files realistic in shape without doubling their size.
 */
export function sessionToken(rng: Rng): string {
  return 'IQoJb3JpZ2luX2Vj' + chars(rng, BASE64, 160) + '==';
}

/** SAML name qualifier: base64(sha1(issuer + account + provider)), 28 characters. */
export function stableNameQualifier(key: string): string {
  return chars(stableRng('name-qualifier', key), BASE64, 27) + '=';
}

const stableHexCache = new Map<string, string>();

export function stableHex(key: string, length: number): string {
  const cacheKey = `${key}\u241f${length}`;
  let value = stableHexCache.get(cacheKey);
  if (value === undefined) {
    value = hex(stableRng('hex', key), length);
    stableHexCache.set(cacheKey, value);
  }
  return value;
}

export function stableUuid(key: string): string {
  return uuid(stableRng('uuid', key));
}

/**
 * Trino's client protocol writes BIGINT as a bare JSON number, and `JSON.parse` silently rounds one
 * past 2^53 (trinodb/trino-js-client#983; Node 20 has no `JSON.parse` source access to recover it).
 * This parse first quotes every integer literal a double cannot hold exactly, so it arrives as its
 * exact digits in a string, as the Athena engine keeps it. Literals inside strings are left alone.
 * Only integer types are written without a point or exponent (DOUBLE and REAL always have one,
 * DECIMAL is a string), so no other value changes.
 */

// A 15-digit integer is always exact; without 16 digits in a row there is nothing to do.
const LONG_DIGIT_RUN = /\d{16}/;
const INTEGER = /^-?\d+$/;

function isNumberChar(c: number): boolean {
  // 0-9 . + - e E
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2b || c === 0x2d || c === 0x65 || c === 0x45;
}

export function parseTrinoJson(text: string): unknown {
  if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote; a backslash escapes the next character.
      i++;
      while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      while (i < text.length && isNumberChar(text.charCodeAt(i))) i++;
      const token = text.slice(start, i);
      if (INTEGER.test(token) && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(copied, start)}"${token}"`;
        copied = i;
      }
    } else i++;
  }
  return JSON.parse(out + text.slice(copied));
}

import { z } from '@/lib/zod';
import { globMatches } from '@/lib/reviews/policy/glob';
import { iamActionOf } from '@/lib/reviews/policy/iam-actions';

/**
 * What a vendor role is expected to call, as a list of IAM action globs, and which of its calls
 * fall outside it.
 *
 *   ec2:Describe*              expected
 *   !iam:Generate*             flagged even though another pattern expects it
 *   !s3:GetObject@*secret*     flagged only on buckets matching the glob after `@`
 *
 * A call is unexpected when a `!` pattern matches it (the rule named is that pattern) or when no
 * plain pattern does (the rule is "not in expected actions"). Deny-first, like IAM, so a broad
 * `*:Get*` cannot hide a credential report.
 */

export const MAX_PATTERNS = 200;
const PATTERN = /^!?[a-z0-9*?-]{1,64}:[A-Za-z0-9*?]{1,128}(@[A-Za-z0-9.*?_-]{1,255})?$/;
export const PATTERN_MESSAGE = 'each pattern is service:Action with * and ? globs, optionally !-prefixed and @bucket-suffixed, e.g. ec2:Describe* or !s3:GetObject@*secret*';

export const expectedPattern = z.string().trim().regex(PATTERN, PATTERN_MESSAGE);
export const expectedPatterns = z.array(expectedPattern).max(MAX_PATTERNS, `at most ${MAX_PATTERNS} patterns`);

export const NOT_EXPECTED = 'not in expected actions';

/**
 * Defaults for a vendor role with a ReadOnlyAccess-style policy: reads are expected; reads that
 * expose credentials or sensitive data are flagged anyway.
 */
export const READ_ONLY_VENDOR_DEFAULTS: readonly string[] = [
  '*:Describe*',
  '*:List*',
  '*:Get*',
  '*:BatchGet*',
  '*:Lookup*',
  '*:Search*',
  '!iam:Generate*',
  '!iam:Get*CredentialReport',
  '!secretsmanager:GetSecretValue',
  '!s3:GetObject@*secret*',
  '!s3:GetObject@*sensitive*',
  '!s3:GetObject@*pii*',
  '!s3:GetObject@*backup*',
  '!s3:GetObject@*cloudtrail*',
];

interface ParsedPattern {
  source: string;
  deny: boolean;
  action: string;
  bucket: string | null;
}

function parsePattern(source: string): ParsedPattern {
  const deny = source.startsWith('!');
  const body = deny ? source.slice(1) : source;
  const at = body.indexOf('@');
  return { source, deny, action: at < 0 ? body : body.slice(0, at), bucket: at < 0 ? null : body.slice(at + 1) };
}

function matches(p: ParsedPattern, action: string, bucket: string | null): boolean {
  if (!globMatches(p.action, action)) return false;
  return p.bucket === null || (bucket !== null && globMatches(p.bucket, bucket));
}

/** The rule that flags a call, or null when the call is expected. */
export function unexpectedRule(patterns: readonly string[], action: string, bucket: string | null): string | null {
  const parsed = patterns.map(parsePattern);
  const deny = parsed.find((p) => p.deny && matches(p, action, bucket));
  if (deny) return deny.source;
  return parsed.some((p) => !p.deny && matches(p, action, bucket)) ? null : NOT_EXPECTED;
}

export interface ObservedCall {
  eventSource: string;
  eventName: string;
  /** The S3 bucket of the calls, for S3 events; null otherwise. */
  bucket: string | null;
  success: number;
  failed: number;
  first: string;
  last: string;
}

export interface UnexpectedCall {
  eventSource: string;
  eventName: string;
  action: string;
  bucket: string | null;
  /** Attempts, successful or not: a denied credential-report call is still worth a look. */
  count: number;
  failed: number;
  first: string;
  last: string;
  rule: string;
}

/** Pure: every observed call outside the expected list, most frequent first. */
export function flagUnexpected(calls: readonly ObservedCall[], patterns: readonly string[]): UnexpectedCall[] {
  const out: UnexpectedCall[] = [];
  for (const c of calls) {
    const action = iamActionOf(c.eventSource, c.eventName);
    const rule = unexpectedRule(patterns, action, c.bucket);
    if (rule) {
      out.push({ eventSource: c.eventSource, eventName: c.eventName, action, bucket: c.bucket, count: c.success + c.failed, failed: c.failed, first: c.first, last: c.last, rule });
    }
  }
  return out.sort((a, b) => b.count - a.count || a.action.localeCompare(b.action));
}

/**
 * Reads an expected-actions file: one pattern per line (`#` starts a comment), a JSON array of
 * patterns, or an IAM policy document whose Allow statements' actions become the patterns.
 * Returns the patterns or the first problem, with its line.
 */
export function parseExpectedActionsText(text: string): { ok: true; patterns: string[] } | { ok: false; message: string } {
  const trimmed = text.trim();
  let candidates: { value: string; where: string }[];
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return { ok: false, message: 'the file starts like JSON but is not valid JSON' };
    }
    const fromJson = patternsFromJson(json);
    if (!fromJson) return { ok: false, message: 'JSON must be an array of patterns or an IAM policy document' };
    candidates = fromJson.map((value, i) => ({ value, where: `entry ${i + 1}` }));
  } else {
    candidates = text
      .split(/\r?\n/)
      .map((line, i) => ({ value: line.replace(/#.*$/, '').trim(), where: `line ${i + 1}` }))
      .filter((c) => c.value !== '');
  }
  if (candidates.length > MAX_PATTERNS) return { ok: false, message: `at most ${MAX_PATTERNS} patterns` };
  for (const c of candidates) {
    if (!expectedPattern.safeParse(c.value).success) return { ok: false, message: `${c.where}: ${JSON.stringify(c.value.slice(0, 80))} is not a pattern (${PATTERN_MESSAGE})` };
  }
  return { ok: true, patterns: [...new Set(candidates.map((c) => c.value))] };
}

function patternsFromJson(json: unknown): string[] | null {
  if (Array.isArray(json)) return json.every((v) => typeof v === 'string') ? (json as string[]) : null;
  if (typeof json !== 'object' || json === null) return null;
  const statements = (json as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : null;
  if (!list) return null;
  const out: string[] = [];
  for (const s of list) {
    if (typeof s !== 'object' || s === null) return null;
    const { Effect, Action } = s as { Effect?: unknown; Action?: unknown };
    const actions = typeof Action === 'string' ? [Action] : Array.isArray(Action) ? Action : [];
    if (!actions.every((a) => typeof a === 'string')) return null;
    // A bare `*` is every action of every service.
    for (const a of actions as string[]) out.push(`${Effect === 'Deny' ? '!' : ''}${a === '*' ? '*:*' : a}`);
  }
  return out;
}

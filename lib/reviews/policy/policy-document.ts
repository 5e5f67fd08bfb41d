/**
 * IAM policy documents as they reach us: objects (the AWS CLI decodes them), URL-encoded JSON text
 * (the raw IAM API and some exports), or plain JSON text (CloudTrail's requestParameters). All are
 * read into one small statement model; anything else is "not a policy", never an exception.
 */

import { jsonDepthExceeds } from '@/lib/json-depth';

export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  /** `NotAction`: everything except these. */
  notActions: string[];
  resources: string[];
  /** The raw Principal element (trust policies only). */
  principal: unknown;
  /** The raw Condition element. */
  condition: Record<string, Record<string, unknown>> | null;
}

const MAX_DOCUMENT_CHARS = 1_000_000;
/**
 * IAM documents nest about eight levels (Statement, Condition, operator, key, values); an upload
 * holding them adds a few more. Deeper JSON is refused before anything recursive (storing it as
 * JSON text) can overflow the stack on it.
 */
export const MAX_JSON_DEPTH = 64;

function asList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function toObject(input: unknown): Record<string, unknown> | null {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return input as Record<string, unknown>;
  if (typeof input !== 'string' || input.length > MAX_DOCUMENT_CHARS) return null;
  const text = input.trim();
  const attempts = [text];
  // URL-encoded (`%7B%22Version%22...`): decode once, never guess further.
  if (text.startsWith('%7B') || text.startsWith('%7b')) {
    try {
      attempts.unshift(decodeURIComponent(text));
    } catch {
      return null;
    }
  }
  for (const candidate of attempts) {
    try {
      const parsed: unknown = JSON.parse(candidate);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        return jsonDepthExceeds(parsed, MAX_JSON_DEPTH) ? null : (parsed as Record<string, unknown>);
      }
    } catch {
      // try the next form
    }
  }
  return null;
}

/** The statements of a policy document, or null when the input is not one. */
export function policyStatements(input: unknown): PolicyStatement[] | null {
  const doc = toObject(input);
  if (!doc) return null;
  const raw = doc.Statement;
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : null;
  if (!list) return null;
  const out: PolicyStatement[] = [];
  for (const s of list) {
    if (typeof s !== 'object' || s === null) return null;
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') return null;
    const condition = st.Condition && typeof st.Condition === 'object' ? (st.Condition as Record<string, Record<string, unknown>>) : null;
    out.push({
      effect: st.Effect,
      actions: asList(st.Action),
      notActions: asList(st.NotAction),
      resources: asList(st.Resource),
      principal: st.Principal ?? null,
      condition,
    });
  }
  return out;
}

/** Condition values for a key under any operator, keys compared case-insensitively as IAM does. */
export function conditionValues(condition: PolicyStatement['condition'], key: string, operators?: readonly string[]): string[] {
  if (!condition) return [];
  const out: string[] = [];
  for (const [op, block] of Object.entries(condition)) {
    if (operators && !operators.includes(op)) continue;
    if (typeof block !== 'object' || block === null) continue;
    for (const [k, v] of Object.entries(block)) if (k.toLowerCase() === key.toLowerCase()) out.push(...asList(v));
  }
  return out;
}

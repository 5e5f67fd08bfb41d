/**
 * The only way SQL text is composed in Trailscope.
 *
 * A `Sql` fragment is built with the `sql` tagged template: literal text is trusted (it is in our
 * source), every interpolated value becomes a positional `?` parameter. Request input can therefore
 * never become SQL text unless it went through `trusted()`, which only accepts values that came
 * from an allowlist (see `allow()`), never a raw string.
 */

export type SqlParam = string | number | boolean | null;

// A global symbol, not `instanceof`: bundlers may load this module more than once per process, and
// a fragment made by one copy must still be recognised by another, never bound as a parameter.
const SQL_BRAND = Symbol.for('trailscope.sql-fragment');

export function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && (value as { [SQL_BRAND]?: true })[SQL_BRAND] === true;
}

export class Sql {
  readonly [SQL_BRAND] = true as const;

  /** @internal */
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly (SqlParam | Sql)[],
    /** Said to whoever runs SQL containing this fragment (see `withNotes`). */
    readonly ownNotes: readonly string[] = [],
  ) {}

  /** The notes of this fragment and every fragment inside it, in order, each once. */
  notes(): string[] {
    const out = new Set<string>();
    const walk = (fragment: Sql) => {
      for (const n of fragment.ownNotes) out.add(n);
      for (const v of fragment.values) if (isSql(v)) walk(v);
    };
    walk(this);
    return [...out];
  }

  /** Flattens nested fragments into text with `?` placeholders and the parameters in order. */
  toQuery(): { sql: string; params: SqlParam[] } {
    const params: SqlParam[] = [];
    let text = '';
    const walk = (fragment: Sql) => {
      fragment.strings.forEach((s, i) => {
        text += s;
        if (i < fragment.values.length) {
          const v = fragment.values[i] as SqlParam | Sql;
          if (isSql(v)) walk(v);
          else {
            params.push(v);
            text += '?';
          }
        }
      });
    };
    walk(this);
    return { sql: text, params };
  }
}

export function sql(strings: TemplateStringsArray, ...values: (SqlParam | Sql)[]): Sql {
  return new Sql([...strings], values);
}

export const empty = new Sql([''], []);

export function join(parts: readonly Sql[], separator: string): Sql {
  if (parts.length === 0) return empty;
  const strings = [''];
  for (let i = 1; i < parts.length; i++) strings.push(separator);
  strings.push('');
  return new Sql(strings, parts);
}

/** A value that was checked against an allowlist, so it may be spliced in as SQL text. */
declare const trustedBrand: unique symbol;
export type Trusted<T extends string = string> = T & { readonly [trustedBrand]: true };

/** Returns the value only if it is one of `allowed`; the result may be used as SQL text. */
export function allow<const T extends string>(value: string, allowed: readonly T[]): Trusted<T> {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`Value not allowed in SQL: ${JSON.stringify(value)}`);
  }
  return value as Trusted<T>;
}

/** Splices trusted text (an identifier, keyword or expression from our own code) into SQL. */
export function trusted(text: Trusted | number): Sql {
  if (typeof text === 'number' && !Number.isFinite(text)) throw new Error('Non-finite number in SQL');
  return new Sql([String(text)], []);
}

/**
 * The fragment with notes attached: what a panel running SQL that contains it must tell the reader
 * (a dialect reading NULL for a column the table lacks says so here). The text is unchanged.
 */
export function withNotes(fragment: Sql, notes: readonly string[]): Sql {
  return notes.length === 0 ? fragment : new Sql(['', ''], [fragment], notes);
}

/** SQL text written in our own source (dialect fragments, column expressions), never request input. */
export function code(text: string): Sql {
  return new Sql([text], []);
}

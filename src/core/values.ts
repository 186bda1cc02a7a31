/**
 * Parsers of the values people type, one per kind of value, serving flags and prompts alike:
 * each returns the value, or a message saying what was expected and what was found. Commands
 * turn a failure into a usage error naming the flag (exit 2), prompts into a message under the
 * question.
 */
import { didYouMean } from './diagnostics.js';

/** A parse result: the value, or a message saying what was expected and what was found. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; valid?: readonly string[] };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(message: string, valid?: readonly string[]): Parsed<T> => ({ ok: false, message, valid });

/** One of a fixed list, with "did you mean" for a near miss. */
export function parseChoice<T extends string>(value: string, valid: readonly T[], what: string, shown = value): Parsed<T> {
  if ((valid as readonly string[]).includes(value)) return ok(value as T);
  const near = didYouMean(value, valid);
  return fail(`${JSON.stringify(shown)} is not ${what}${near ? `; did you mean "${near}"?` : ''}`, valid);
}

/** A whole number within [min, max]. */
export function parseWhole(raw: string, min: number, max: number, what: string): Parsed<number> {
  const s = raw.trim();
  if (!/^[+-]?\d+$/.test(s)) return fail(`${JSON.stringify(raw)} is not a whole number; ${what} is a whole number from ${min} to ${max}`);
  const n = Number(s);
  if (n < min || n > max) return fail(`${n} is outside ${min} to ${max}; ${what} is a whole number from ${min} to ${max}`);
  return ok(n);
}

/** The value of a Parsed, or the error `toError` makes of its message. */
export function unwrap<T>(r: Parsed<T>, toError: (message: string, valid?: readonly string[]) => Error): T {
  if (r.ok) return r.value;
  throw toError(r.message, r.valid);
}

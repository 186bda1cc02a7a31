/** Checks of flag values against fixed lists: a usage error that lists the valid values. */
import { didYouMean } from '../core/diagnostics.js';
import { usageError } from '../core/errors.js';
import type { Parsed } from '../core/values.js';

/**
 * Returns `value` when it is one of `valid`; otherwise a usage error (exit 2) naming the flag,
 * with "did you mean" for a near miss and every valid value listed.
 */
export function checkChoice<T extends string>(value: string, valid: readonly T[], flag: string, what: string, given?: string): T {
  if ((valid as readonly string[]).includes(value)) return value as T;
  const near = didYouMean(value, valid);
  const subject = given === undefined ? `${flag} ${JSON.stringify(value)}` : `${flag} ${JSON.stringify(given)}: ${JSON.stringify(value)}`;
  throw usageError(
    'bad-value',
    `${subject} is not ${what}${near ? `; did you mean "${near}"?` : ''}`,
    valid.length ? `Valid values: ${valid.join(', ')}` : undefined,
  );
}

/** Splits `key=value` (the first `=`); a usage error naming the flag and the form expected. */
export function splitPair(raw: string, flag: string, form: string, example: string): [string, string] {
  const i = raw.indexOf('=');
  if (i <= 0) throw usageError('bad-value', `${flag} ${JSON.stringify(raw)} is not of the form ${form}`, `For example: ${flag} ${example}`);
  return [raw.slice(0, i).trim(), raw.slice(i + 1).trim()];
}

/** Makes an id unique among `taken` (core/map.ts). */
export { uniqueId } from '../core/map.js';

/**
 * The value of a `Parsed` (core/values.ts), or a usage error (exit 2) naming the flag (when the
 * message does not already name it: `flag` undefined), with the problem's code (default
 * `bad-value`) and the valid values as the hint (else the problem's hint, else `hint`). The one
 * way every command turns a flag's value into a value or an error.
 */
export function flagValue<T>(flag: string | undefined, r: Parsed<T>, hint?: string): T {
  if (r.ok) return r.value;
  throw usageError(r.code ?? 'bad-value', flag === undefined ? r.message : `${flag} ${r.message}`, r.valid ? `Valid values: ${r.valid.join(', ')}` : (r.hint ?? hint));
}

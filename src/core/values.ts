/**
 * Parsers of the values people type, one per kind of value, serving flags and prompts alike:
 * each returns the value, or a message saying what was expected and what was found. Commands
 * turn a failure into a usage error naming the flag (exit 2), prompts into a message under the
 * question.
 */
import { didYouMean } from './diagnostics.js';
import { plural } from './format.js';

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

/** What a number must be: its range, whether whole, and an example for the message. */
export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
  example?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal number (no currency signs, units or thousands separators) within the rule. */
export function parseNumber(raw: string | number, what: string, rule: NumberRule = {}): Parsed<number> {
  const s = String(raw).trim();
  const n = Number(s);
  if (!NUMBER.test(s) || !Number.isFinite(n)) return fail(`"${raw}" is not a number; give ${what}${rule.example ? `, e.g. ${rule.example}` : ''}`);
  if (rule.integer && !Number.isInteger(n)) return fail(`${s} is not a whole number; give ${what}`);
  if ((rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) {
    const range = rule.max === undefined ? `${rule.min} or more` : `from ${rule.min} to ${rule.max}`;
    return fail(`${s} is out of range; give ${what} ${range}`);
  }
  return ok(n);
}

/** An amount of money or a count: a number of 0 or more. */
export const parseAmount = (raw: string | number, what = 'an amount'): Parsed<number> => parseNumber(raw, what, { min: 0, example: '12000' });

/** A share from 0 to 1 (20 % is 0.2). */
export const parseShare = (raw: string | number, what: string): Parsed<number> => parseNumber(raw, `${what} as a share`, { min: 0, max: 1, example: '0.2 for 20 %' });

/** A confidence grade: a whole number from 1 (the best evidence) to 6. */
export const parseGrade = (raw: string | number): Parsed<number> => parseNumber(raw, 'a confidence grade', { min: 1, max: 6, integer: true });

/** A price year: a whole year from 1900 to 2100. */
export const parsePriceYear = (raw: string | number): Parsed<number> => parseNumber(raw, 'a price year', { min: 1900, max: 2100, integer: true, example: '2026' });

/**
 * Years of an appraisal period of `period` years, e.g. "0,1,2" -> [0, 1, 2]: whole numbers from 0
 * to period − 1, each once, returned in order.
 */
export function parseYears(raw: string | readonly number[], period: number): Parsed<number[]> {
  const parts = Array.isArray(raw) ? raw.map(String) : String(raw).split(',').map((s) => s.trim());
  const shown = Array.isArray(raw) ? raw.join(',') : String(raw);
  const out: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return fail(`"${shown}" is not a list of years; give whole numbers from 0 to ${period - 1} separated by commas, e.g. 0,1,2`);
    const t = Number(part);
    if (t > period - 1) return fail(`year ${t} is outside the appraisal period of ${plural(period, 'year')} (0 to ${period - 1})`);
    if (out.includes(t)) return fail(`year ${t} is given twice`);
    out.push(t);
  }
  return ok(out.sort((a, b) => a - b));
}

/** Text that is not blank, trimmed. */
export function parseText(raw: string, what: string): Parsed<string> {
  const s = String(raw).trim();
  return s ? ok(s) : fail(`give ${what}`);
}

/** A prompt's check made of a parser: true, or the message with a capital letter. */
export function promptCheck<T>(parse: (raw: string) => Parsed<T>): (raw: string) => true | string {
  return (raw) => {
    const r = parse(raw);
    return r.ok ? true : r.message.charAt(0).toUpperCase() + r.message.slice(1);
  };
}

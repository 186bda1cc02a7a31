/**
 * Parsers of the values people type, one per kind of value, serving flags and prompts alike:
 * each returns the value, or a message saying what was expected and what was found. Commands
 * turn a failure into a usage error naming the flag (exit 2), prompts into a message under the
 * question.
 */
import { didYouMean } from './diagnostics.js';
import type { ErrorCode } from './errors-data.js';
import { plural } from './format.js';

/**
 * A parse result: the value, or a message saying what was expected and what was found (with the
 * valid values, or a hint, and the error code when it is not `bad-value`).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; valid?: readonly string[]; code?: ErrorCode; hint?: string };

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

/** The symbol of a currency as en-GB writes it: "£" for GBP, "US$" for USD, "€" for EUR. */
export function currencySymbol(currency: string): string {
  try {
    const parts = new Intl.NumberFormat('en-GB', { style: 'currency', currency }).formatToParts(1);
    return parts.find((x) => x.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * An amount of money or a count: a number of 0 or more. Takes `12000`, `12000.50`, `12,000`
 * (commas grouping thousands) and, when `currency` is given, its symbol in front: `£12,000` for
 * GBP. Another currency's sign, or commas that do not group thousands, are refused.
 */
export function parseAmount(raw: string | number, what = 'an amount', currency?: string): Parsed<number> {
  if (typeof raw === 'number') return parseNumber(raw, what, { min: 0, example: '12000' });
  const sym = currency ? currencySymbol(currency) : undefined;
  const example = sym ? `12000, 12,000 or ${sym}12,000` : '12000 or 12,000';
  let s = raw.trim();
  let sign = '';
  if (/^[+-]/.test(s)) [sign, s] = [s[0]!, s.slice(1).trim()];
  if (sym && s.startsWith(sym)) s = s.slice(sym.length).trim();
  else if (/^[^\d.+-]/.test(s) && /\d/.test(s)) {
    const other = s.match(/^[^\d.]+/)![0].trim();
    return fail(`${JSON.stringify(raw)} is not an amount${currency ? ` in ${currency}` : ''}: "${other}" is not ${sym ? `the sign of the portfolio's currency (${sym})` : 'part of a number'}; give ${what}, e.g. ${example}`);
  }
  if (s.includes(',')) {
    if (!GROUPED.test(s)) return fail(`${JSON.stringify(raw)} is not an amount: commas must group thousands (12,000 or 1,250,000); give ${what}, e.g. ${example}`);
    s = s.replace(/,/g, '');
  }
  const r = /[eE]/.test(s) ? fail<number>('not a number') : parseNumber(sign + s, what, { min: 0, example });
  if (!r.ok && /not a number/.test(r.message)) return fail(`${JSON.stringify(raw)} is not a number; give ${what}, e.g. ${example}`);
  return r;
}

/**
 * A share from 0 to 1: `0.2` or `20%` (20 % is 0.2). A bare number above 1 is refused, since
 * 20 could mean 20 % or a mistake.
 */
export function parseShare(raw: string | number, what: string): Parsed<number> {
  const s = String(raw).trim();
  const pc = s.match(/^(.*?)\s*%$/);
  if (pc) {
    const r = parseNumber(pc[1]!, `${what} as a percentage`, { min: 0, max: 100, example: '20%' });
    if (!r.ok) return fail(/is not a number/.test(r.message) ? `${JSON.stringify(raw)} is not a percentage; give ${what} as a share, e.g. 0.2 or 20%` : `${s} is out of range; give ${what} as a share from 0 to 1 (0% to 100%)`);
    return ok(Number((r.value / 100).toPrecision(12)));
  }
  const r = parseNumber(s, `${what} as a share`, { min: 0, max: 1, example: '0.2 or 20%' });
  if (!r.ok && /out of range/.test(r.message)) return fail(`${r.message}, e.g. 0.2 or 20%`);
  return r;
}

const DATE_FORMS = 'write it as 2027-06-30 or 30/06/2027 (day/month/year)';

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A calendar date, as YYYY-MM-DD: takes `2027-06-30` and `30/06/2027` (day first, the British
 * way). Refuses a date that does not exist (31/02/2027), the month-first order (06/30/2027), a
 * two-figure year and other forms, listing the accepted ones.
 */
export function parseDate(raw: string, what = 'a date'): Parsed<string> {
  const s = String(raw).trim();
  const isoM = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (isoM) {
    const [y, m, d] = isoM.slice(1).map(Number) as [number, number, number];
    return realDate(y, m, d) ? ok(s) : fail(`${JSON.stringify(raw)} is not a real date; give ${what}: ${DATE_FORMS}`);
  }
  const uk = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/);
  if (uk) {
    const [d, m, y] = uk.slice(1).map(Number) as [number, number, number];
    if (uk[3]!.length === 2) return fail(`${JSON.stringify(raw)} has a two-figure year; give ${what} with the year in full: ${DATE_FORMS}`);
    if (m > 12 && d <= 12) return fail(`${JSON.stringify(raw)} looks like month/day/year; give ${what} with the day first: ${DATE_FORMS}, e.g. ${m}/${String(d).padStart(2, '0')}/${y} is ${iso(y, d, m)}`);
    return realDate(y, m, d) ? ok(iso(y, m, d)) : fail(`${JSON.stringify(raw)} is not a real date; give ${what}: ${DATE_FORMS}`);
  }
  return fail(`${JSON.stringify(raw)} is not a date; give ${what}: ${DATE_FORMS}`);
}


/** A confidence grade: a whole number from 1 (the best evidence) to 6. */
export const parseGrade = (raw: string | number): Parsed<number> => parseNumber(raw, 'a confidence grade', { min: 1, max: 6, integer: true });

/** A price year: a whole year from 1900 to 2100. */
export const parsePriceYear = (raw: string | number): Parsed<number> => parseNumber(raw, 'a price year', { min: 1900, max: 2100, integer: true, example: '2026' });

/**
 * Years of an appraisal period of `period` years, e.g. "0,1,2" -> [0, 1, 2]: whole numbers from 0
 * to period − 1, each once, returned in order. With a `startYear`, financial years may be given
 * instead: "2026/27" or "2026" (the year it starts) is year 0 when the appraisal starts in 2026.
 */
export function parseYears(raw: string | readonly number[], period: number, startYear?: number | null): Parsed<number[]> {
  const parts = Array.isArray(raw) ? raw.map(String) : String(raw).split(',').map((s) => s.trim());
  const shown = Array.isArray(raw) ? raw.join(',') : String(raw);
  const fy = startYear !== undefined && startYear !== null;
  const label = (t: number) => `${startYear! + t}/${String((startYear! + t + 1) % 100).padStart(2, '0')}`;
  const forms = fy ? `; or financial years from ${label(0)} to ${label(period - 1)}, e.g. ${label(0)} or ${startYear}` : '';
  const out: number[] = [];
  for (const part of parts) {
    let t: number;
    const fin = part.match(/^(\d{4})(?:\/(\d{2}|\d{4}))?$/);
    if (fy && fin) {
      const y = Number(fin[1]);
      if (fin[2] !== undefined && Number(fin[2]) !== (fin[2].length === 2 ? (y + 1) % 100 : y + 1)) {
        return fail(`"${part}" is not a financial year; a financial year runs from one year into the next, e.g. ${y}/${String((y + 1) % 100).padStart(2, '0')}`);
      }
      t = y - startYear!;
      if (t < 0 || t > period - 1) return fail(`${y}/${String((y + 1) % 100).padStart(2, '0')} is outside the appraisal period ${label(0)} to ${label(period - 1)} (years 0 to ${period - 1})`);
    } else if (/^\d+$/.test(part)) {
      t = Number(part);
      if (t > period - 1) return fail(`year ${t} is outside the appraisal period of ${plural(period, 'year')} (0 to ${period - 1})`);
    } else if (!fy && /^\d{4}\/\d{2,4}$/.test(part)) {
      return fail(`"${part}" is a financial year, but costar.yaml sets no appraisal.startYear; give whole numbers from 0 to ${period - 1} separated by commas, e.g. 0,1,2`);
    } else {
      return fail(`"${shown}" is not a list of years; give whole numbers from 0 to ${period - 1} separated by commas, e.g. 0,1,2${forms}`);
    }
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

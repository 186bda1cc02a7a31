/**
 * The options of `costar grow …`, typed: each flag parsed by the same core parser its prompt
 * uses (core/grow-input.ts); a value that fails is a usage error naming the flag (exit 2).
 */
import { usageError } from '../../../core/errors.js';
import {
  GROW_FLAGS,
  parseDate,
  parseIndicatorKind,
  parseIndicatorName,
  parseNumber,
  parseReviewers,
  type Checked,
  type IndicatorKind,
  type Reviewer,
} from '../../../core/grow-input.js';

/** The value, or the usage error its problem makes (the code and hint core chose). */
export function flagValue<T>(r: Checked<T>): T {
  if (r.ok) return r.value;
  throw usageError(r.code, r.message, r.hint);
}

/** Today's date on this computer's calendar, YYYY-MM-DD: the only place grow reads the clock. */
export function today(now = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

type Opts = Record<string, unknown>;
const given = (opts: Opts, key: string): string | undefined => (opts[key] === undefined ? undefined : String(opts[key]));

/** `grow add-indicator`: what the flags give; the rest is asked for or missing. */
export interface AddIndicatorOptions {
  name?: string;
  kind?: IndicatorKind;
  unit?: string;
  baseline?: number;
  target?: number;
  coDesigned?: true;
}

export function addIndicatorOptions(opts: Opts): AddIndicatorOptions {
  const raw = (key: keyof typeof GROW_FLAGS) => given(opts, key);
  const num = (key: 'baseline' | 'target') => (raw(key) === undefined ? undefined : flagValue(parseNumber(raw(key)!, GROW_FLAGS[key])));
  return {
    name: raw('name') === undefined ? undefined : flagValue(parseIndicatorName(raw('name')!, GROW_FLAGS.name)),
    kind: raw('kind') === undefined ? undefined : flagValue(parseIndicatorKind(raw('kind')!, GROW_FLAGS.kind)),
    unit: raw('unit')?.trim(),
    baseline: num('baseline'),
    target: num('target'),
    coDesigned: opts.coDesigned ? true : undefined,
  };
}

/** `grow reading`: the indicator is a name until the initiative is loaded. */
export interface ReadingOptions {
  indicator?: string;
  date?: string;
  value?: number;
}

export function readingOptions(opts: Opts): ReadingOptions {
  const date = given(opts, 'date');
  const value = given(opts, 'value');
  return {
    indicator: given(opts, 'indicator'),
    date: date === undefined ? undefined : flagValue(parseDate(date, GROW_FLAGS.date)),
    value: value === undefined ? undefined : flagValue(parseNumber(value, GROW_FLAGS.value)),
  };
}

/** `grow review`. */
export interface ReviewOptions {
  date?: string;
  by?: Reviewer[];
}

export function reviewOptions(opts: Opts): ReviewOptions {
  const date = given(opts, 'date');
  const by = given(opts, 'by');
  return {
    date: date === undefined ? undefined : flagValue(parseDate(date, GROW_FLAGS.date)),
    by: by === undefined ? undefined : flagValue(parseReviewers(by, GROW_FLAGS.by)),
  };
}

/** `grow check`: --as-of defaults to today. */
export interface CheckOptions {
  asOf: string;
  json: boolean;
}

export function checkOptions(opts: Opts, now = new Date()): CheckOptions {
  const asOf = given(opts, 'asOf');
  return { asOf: asOf === undefined ? today(now) : flagValue(parseDate(asOf, GROW_FLAGS.asOf)), json: Boolean(opts.json) };
}

/**
 * The options of `costar grow …`, typed: each flag parsed by the same core parser its prompt
 * uses (core/grow-input.ts); a value that fails is a usage error naming the flag (exit 2).
 */
import {
  checkNotFuture,
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
import { asOfDate } from '../../as-of.js';
import { flagValue as checkedFlag } from '../../check-values.js';

/** The value, or the usage error its problem makes (the code and hint core chose; the message names the flag). */
export const flagValue = <T>(r: Checked<T>): T => checkedFlag(undefined, r);

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

/**
 * The as-of date of `grow reading` and `grow review`: --as-of, else SOURCE_DATE_EPOCH (seconds
 * since 1970, UTC), else today. A date after it is refused unless --allow-future is given.
 */
export function asOfOption(opts: Opts, env: Record<string, string | undefined>, now = new Date()): string {
  const raw = given(opts, 'asOf');
  if (raw !== undefined) return flagValue(parseDate(raw, GROW_FLAGS.asOf));
  // No flag: SOURCE_DATE_EPOCH, else today, as every command reads them (cli/as-of.ts).
  return asOfDate(undefined, env, now);
}

/** `grow reading`: the indicator is a name until the initiative is loaded. */
export interface ReadingOptions {
  indicator?: string;
  date?: string;
  value?: number;
  asOf: string;
  allowFuture: boolean;
}

export function readingOptions(opts: Opts, env: Record<string, string | undefined> = {}): ReadingOptions {
  const date = given(opts, 'date');
  const value = given(opts, 'value');
  const asOf = asOfOption(opts, env);
  const allowFuture = Boolean(opts.allowFuture);
  return {
    indicator: given(opts, 'indicator'),
    date: date === undefined ? undefined : flagValue(checkNotFuture(flagValue(parseDate(date, GROW_FLAGS.date)), asOf, GROW_FLAGS.date, allowFuture)),
    value: value === undefined ? undefined : flagValue(parseNumber(value, GROW_FLAGS.value)),
    asOf,
    allowFuture,
  };
}

/** `grow review`. */
export interface ReviewOptions {
  date?: string;
  by?: Reviewer[];
  asOf: string;
  allowFuture: boolean;
}

export function reviewOptions(opts: Opts, env: Record<string, string | undefined> = {}): ReviewOptions {
  const date = given(opts, 'date');
  const by = given(opts, 'by');
  const asOf = asOfOption(opts, env);
  const allowFuture = Boolean(opts.allowFuture);
  return {
    date: date === undefined ? undefined : flagValue(checkNotFuture(flagValue(parseDate(date, GROW_FLAGS.date)), asOf, GROW_FLAGS.date, allowFuture)),
    by: by === undefined ? undefined : flagValue(parseReviewers(by, GROW_FLAGS.by)),
    asOf,
    allowFuture,
  };
}

/** `grow check`: --as-of, else SOURCE_DATE_EPOCH, else today, as for the documents (one truth on one date). */
export interface CheckOptions {
  asOf: string;
  json: boolean;
}

export function checkOptions(opts: Opts, now = new Date(), env: Record<string, string | undefined> = {}): CheckOptions {
  return { asOf: asOfOption(opts, env, now), json: Boolean(opts.json) };
}

/**
 * Grow it, from what people type: indicators, readings, reviews, competencies and councillor
 * connectors built from raw flag values or prompt answers, each checked by the same rules either
 * way. Pure: every function returns a `Checked<T>`, the value or a problem with its error code,
 * message and hint; the command turns a problem into a usage error naming the flag (exit 2), a
 * prompt shows the message under the question. `subject` is how the value is named in the
 * message: a flag (`--date`) or words (`The date`).
 */
import { didYouMean } from './diagnostics.js';
import type { ErrorCode } from './errors-data.js';
import { reviewsOf, type Reviewer } from './grow.js';
import { orderAt } from './key-order.js';
import type { Indicator, Initiative } from './schema.js';
import { parseDate as parseDay, type Parsed } from './values.js';
import { INDICATOR_KINDS, REVIEWERS } from './vocab.js';

export type { Reviewer };
export type IndicatorKind = Indicator['kind'];
type Grow = NonNullable<Initiative['grow']>;
export type Reading = NonNullable<Grow['readings']>[number];
export type Review = NonNullable<Grow['review']>;
export type Councillor = NonNullable<Grow['councillors']>[number];

/** A problem with a value: a `Parsed` failure with the error code and hint a command raises. */
export type InputProblem = Extract<Parsed<never>, { ok: false }> & { code: ErrorCode; hint?: string };
/** A value from input, or the problem with it. */
export type Checked<T> = { ok: true; value: T } | InputProblem;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const problem = (code: ErrorCode, message: string, hint?: string, valid?: readonly string[]): InputProblem => ({ ok: false, code, message, ...(hint ? { hint } : {}), ...(valid ? { valid } : {}) });

/** The flag of each value, the subject of messages about a value given as a flag. */
export const GROW_FLAGS = {
  name: '--name',
  kind: '--kind',
  unit: '--unit',
  baseline: '--baseline',
  target: '--target',
  indicator: '--indicator',
  date: '--date',
  value: '--value',
  by: '--by',
  asOf: '--as-of',
  allowFuture: '--allow-future',
} as const;

/** The role a councillor connector has when none is given. */
export const DEFAULT_COUNCILLOR_ROLE = 'community connector';

// ---------------------------------------------------------------- single values

/** A finite number (decimals and signs allowed; units and empty text are not). */
export function parseNumber(raw: string, subject: string): Checked<number> {
  const s = raw.trim();
  const n = s === '' ? NaN : Number(s);
  if (!Number.isFinite(n)) return problem('bad-value', `${subject} ${JSON.stringify(raw)} is not a number`, `For example: ${subject} 42 or ${subject} 12.5`);
  return ok(n);
}

/** A real calendar date, given as 2027-06-30 or 30/06/2027, as YYYY-MM-DD (values.ts parseDate). */
export function parseDate(raw: string, subject: string): Checked<string> {
  const r = parseDay(raw);
  if (r.ok) return ok(r.value);
  return problem('bad-date', `${subject} ${r.message}`, `For example: ${subject} 2027-03-31 or ${subject} 31/03/2027`);
}

/** `users,staff` -> the reviewers, in the vocabulary's order, each once (any case, spaces allowed). */
export function parseReviewers(raw: string, subject: string): Checked<Reviewer[]> {
  const parts = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (!parts.length) return problem('bad-value', `${subject} is empty: say who took part`, `Give a comma-separated list of ${REVIEWERS.join(', ')}, e.g. ${subject} users,staff`, REVIEWERS);
  for (const p of parts) {
    if (!(REVIEWERS as readonly string[]).includes(p)) {
      const near = didYouMean(p, REVIEWERS);
      return problem('bad-value', `${subject} ${JSON.stringify(raw)}: "${p}" is not one of ${REVIEWERS.join(', ')}${near ? `; did you mean "${near}"?` : ''}`, `For example: ${subject} users,staff`, REVIEWERS);
    }
  }
  return ok(REVIEWERS.filter((r) => parts.includes(r)));
}

/** An indicator's name: one line of text, not empty. */
export function parseIndicatorName(raw: string, subject: string): Checked<string> {
  const s = raw.trim();
  if (!s) return problem('bad-value', `${subject} is empty: give the indicator a name`);
  if (/[\r\n]/.test(s)) return problem('bad-value', `${subject} must be a single line`);
  return ok(s);
}

/** outcome or process (any case). */
export function parseIndicatorKind(raw: string, subject: string): Checked<IndicatorKind> {
  const s = raw.trim().toLowerCase();
  if ((INDICATOR_KINDS as readonly string[]).includes(s)) return ok(s as IndicatorKind);
  const near = didYouMean(s, INDICATOR_KINDS);
  return problem('bad-value', `${subject} ${JSON.stringify(raw)} is not ${INDICATOR_KINDS.join(' or ')}${near ? `; did you mean "${near}"?` : ''}`, undefined, INDICATOR_KINDS);
}

/** Comma-separated competency tags -> the tags, each once, in the order given. */
export function parseCompetencies(raw: string, subject: string): Checked<string[]> {
  const list = [...new Set(raw.split(',').map((x) => x.trim()).filter(Boolean))];
  if (!list.length) return problem('bad-value', `${subject} is empty: give at least one competency`, 'For example: community-catalyst, asset-based-conversations');
  return ok(list);
}

// ---------------------------------------------------------------- indicators

/** The indicator a name refers to: the exact name, else the one that differs only in letter case. */
export function findIndicator(initiative: Initiative, raw: string, subject: string): Checked<Indicator> {
  const list = initiative.grow?.indicators ?? [];
  const name = raw.trim();
  const found = list.find((i) => i.name === name) ?? list.find((i) => i.name.toLowerCase() === name.toLowerCase());
  if (found) return ok(found);
  if (!list.length) {
    return problem('unknown-indicator', `${initiative.id} has no indicators yet, so ${subject} ${JSON.stringify(raw)} names none of them`, `Add one first: costar grow add-indicator ${initiative.id} --name … --kind outcome`);
  }
  const near = didYouMean(name, list.map((i) => i.name));
  return problem(
    'unknown-indicator',
    `${subject} ${JSON.stringify(raw)} is not an indicator of ${initiative.id}${near ? `; did you mean "${near}"?` : ''}`,
    `Its indicators: ${list.map((i) => JSON.stringify(i.name)).join(', ')}`,
    list.map((i) => i.name),
  );
}

/** A name no indicator of the initiative has yet, ignoring letter case. */
export function checkNewIndicatorName(initiative: Initiative, name: string, subject: string): Checked<string> {
  const clash = (initiative.grow?.indicators ?? []).find((i) => i.name.toLowerCase() === name.toLowerCase());
  if (!clash) return ok(name);
  return problem(
    'duplicate-indicator',
    `${initiative.id} already has an indicator named ${JSON.stringify(clash.name)}; ${subject} must be unique in the initiative`,
    `Record a value for it with: costar grow reading ${initiative.id} --indicator "${clash.name}" --date … --value …`,
  );
}

/** The parts of an indicator, parsed. */
export interface IndicatorInput {
  name: string;
  kind: IndicatorKind;
  unit?: string;
  baseline?: number;
  target?: number;
  coDesigned?: boolean;
}

/** An indicator as written into `grow.indicators`: canonical key order, no empty unit, coDesigned only when true. */
export function indicatorEntry(v: IndicatorInput): Indicator {
  return orderAt('initiative', ['grow', 'indicators', 0], {
    name: v.name,
    kind: v.kind,
    unit: v.unit === '' ? undefined : v.unit,
    baseline: v.baseline,
    target: v.target,
    coDesigned: v.coDesigned ? true : undefined,
  }) as Indicator;
}

/** An indicator as typed: every part text, numbers and the kind still to be parsed. */
export interface RawIndicator {
  name: string;
  kind: string;
  unit?: string;
  baseline?: string;
  target?: string;
  coDesigned?: boolean;
}

/** A new indicator of the initiative from raw input: each part checked, its name unique. */
export function buildIndicator(initiative: Initiative, raw: RawIndicator, subjects: Partial<Record<keyof RawIndicator, string>> = GROW_FLAGS): Checked<Indicator> {
  const s = { ...GROW_FLAGS, ...subjects };
  const name = parseIndicatorName(raw.name, s.name);
  if (!name.ok) return name;
  const unique = checkNewIndicatorName(initiative, name.value, s.name);
  if (!unique.ok) return unique;
  const kind = parseIndicatorKind(raw.kind, s.kind);
  if (!kind.ok) return kind;
  const num = (v: string | undefined, subject: string): Checked<number | undefined> => (v === undefined ? ok(undefined) : parseNumber(v, subject));
  const baseline = num(raw.baseline, s.baseline);
  if (!baseline.ok) return baseline;
  const target = num(raw.target, s.target);
  if (!target.ok) return target;
  const unit = raw.unit?.trim();
  return ok(indicatorEntry({ name: name.value, kind: kind.value, unit: unit || undefined, baseline: baseline.value, target: target.value, coDesigned: raw.coDesigned }));
}

// ---------------------------------------------------------------- readings, reviews, councillors

/** Where the initiative's reading of that indicator on that day is, or -1: one reading a day. */
export function readingOnDay(initiative: Initiative, indicator: string, date: string): number {
  return (initiative.grow?.readings ?? []).findIndex((r) => r.indicator === indicator && r.date === date);
}

/** A date for a new reading: a real date on which the indicator has no reading yet. */
export function parseReadingDate(initiative: Initiative, indicator: Indicator, raw: string, subject: string): Checked<string> {
  const date = parseDate(raw, subject);
  if (!date.ok) return date;
  const same = readingOnDay(initiative, indicator.name, date.value);
  if (same < 0) return date;
  const old = initiative.grow!.readings![same]!;
  return problem('duplicate-reading', `${JSON.stringify(indicator.name)} already has a reading on ${date.value} (${old.value}); one reading a day`, `To correct it: costar set initiatives/${initiative.id} grow.readings.${same}.value=…`);
}

/** A reading of an indicator as written into `grow.readings`, refused when that day has one already. */
export function readingEntry(initiative: Initiative, indicator: Indicator, date: string, value: number): Checked<Reading> {
  const readings = initiative.grow?.readings ?? [];
  const same = readingOnDay(initiative, indicator.name, date);
  if (same >= 0) {
    return problem(
      'duplicate-reading',
      `${initiative.id} already has a reading of ${JSON.stringify(indicator.name)} on ${date} (${readings[same]!.value}); nothing was changed`,
      `To correct it: costar set initiatives/${initiative.id} grow.readings.${same}.value=${value}`,
    );
  }
  return ok(orderAt('initiative', ['grow', 'readings', 0], { indicator: indicator.name, date, value }));
}

/** A reading from raw input: the indicator by name (any case), the date and the value checked. */
export function buildReading(
  initiative: Initiative,
  raw: { indicator: string; date: string; value: string },
  subjects: Partial<Record<'indicator' | 'date' | 'value', string>> = GROW_FLAGS,
): Checked<Reading> {
  const s = { ...GROW_FLAGS, ...subjects };
  const indicator = findIndicator(initiative, raw.indicator, s.indicator);
  if (!indicator.ok) return indicator;
  const date = parseDate(raw.date, s.date);
  if (!date.ok) return date;
  const value = parseNumber(raw.value, s.value);
  if (!value.ok) return value;
  return readingEntry(initiative, indicator.value, date.value, value.value);
}

/**
 * A date no later than the as-of date: readings and reviews record what has happened. A later
 * date is refused (`future-date`) unless `allowFuture` says it is a planned date on purpose.
 */
export function checkNotFuture(date: string, asOf: string, subject: string, allowFuture = false): Checked<string> {
  if (allowFuture || date <= asOf) return ok(date);
  return problem(
    'future-date',
    `${subject} ${date} is after ${asOf}, the as-of date: readings and reviews record what has happened; nothing was changed`,
    `Check the date (dd/mm/yyyy or YYYY-MM-DD), or add ${GROW_FLAGS.allowFuture} to record a planned date on purpose`,
  );
}

/** A review as written into `grow.reviews`: reviewers in the vocabulary's order, each once. */
export function reviewEntry(date: string, by: readonly Reviewer[]): Review {
  return orderAt('initiative', ['grow', 'reviews', 0], { date, by: REVIEWERS.filter((r) => by.includes(r)) });
}

/**
 * A review to append to the initiative's history, refused when a review of that day is recorded
 * already (in `grow.reviews` or the v1 `grow.review`), whoever took part: one review a day, so
 * the newest is always clear; who took part in it is corrected in the file.
 */
export function newReview(initiative: Initiative, date: string, by: readonly Reviewer[]): Checked<Review> {
  const grow = initiative.grow ?? {};
  const at = (grow.reviews ?? []).findIndex((r) => r.date === date);
  if (at >= 0 || grow.review?.date === date) {
    const path = at >= 0 ? `grow.reviews.${at}.by` : 'grow.review.by';
    const old = at >= 0 ? grow.reviews![at]! : grow.review!;
    return problem(
      'duplicate-review',
      `${initiative.id} already has a review on ${date} (by ${(old.by ?? []).join(', ') || 'nobody recorded'}); one review a day, nothing was changed`,
      `To change who took part: costar set initiatives/${initiative.id} '${path}=[${REVIEWERS.filter((r) => by.includes(r) || (old.by ?? []).includes(r)).join(', ')}]'`,
    );
  }
  return ok(reviewEntry(date, by));
}

/** How many reviews the initiative has recorded, the v1 `review` included. */
export function reviewCount(initiative: Initiative): number {
  return reviewsOf(initiative).length;
}

/** A review from raw input: a real date and a comma-separated list of reviewers. */
export function buildReview(raw: { date: string; by: string }, subjects: Partial<Record<'date' | 'by', string>> = GROW_FLAGS): Checked<Review> {
  const s = { ...GROW_FLAGS, ...subjects };
  const date = parseDate(raw.date, s.date);
  if (!date.ok) return date;
  const by = parseReviewers(raw.by, s.by);
  if (!by.ok) return by;
  return ok(reviewEntry(date.value, by.value));
}

/** Whether a 360-degree review heard both users and staff. */
export function isThreeSixty(by: readonly string[]): boolean {
  return by.includes('users') && by.includes('staff');
}

/** The initiative's wards that no councillor connector covers yet, in the order it lists them. */
export function uncoveredWards(initiative: Initiative): string[] {
  const covered = new Set((initiative.grow?.councillors ?? []).map((x) => x.ward));
  return (initiative.wards ?? []).filter((w) => !covered.has(w));
}

/** A councillor connector for one of the initiative's wards without one; an empty role is the default. */
export function buildCouncillor(initiative: Initiative, raw: { ward: string; role?: string }, subject = 'The ward'): Checked<Councillor> {
  const ward = raw.ward.trim();
  const open = uncoveredWards(initiative);
  if (!open.includes(ward)) {
    const why = (initiative.wards ?? []).includes(ward) ? 'already has a councillor connector' : `is not one of the wards of ${initiative.id}`;
    return problem('bad-value', `${subject} ${JSON.stringify(raw.ward)} ${why}`, open.length ? `Wards without one: ${open.join(', ')}` : undefined, open);
  }
  const role = raw.role?.trim() || DEFAULT_COUNCILLOR_ROLE;
  return ok(orderAt('initiative', ['grow', 'councillors', 0], { ward, role }));
}

// ---------------------------------------------------------------- changes to the grow section

/** One change to an initiative's grow section: append to one of its lists, or set a part. */
export type GrowChange =
  | { op: 'append'; key: 'indicators'; value: Indicator }
  | { op: 'append'; key: 'readings'; value: Reading }
  | { op: 'append'; key: 'councillors'; value: Councillor }
  | { op: 'append'; key: 'reviews'; value: Review }
  | { op: 'set'; key: 'competencies'; value: string[] };

/** The initiative with the change made (a copy; the one given is left as it was). */
export function applyGrowChange(initiative: Initiative, change: GrowChange): Initiative {
  const out = structuredClone(initiative);
  const grow = (out.grow ??= {}) as Record<string, unknown>;
  const value = structuredClone(change.value);
  if (change.op === 'append') ((grow[change.key] ??= []) as unknown[]).push(value);
  else grow[change.key] = value;
  return out;
}

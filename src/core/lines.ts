/**
 * Cost and benefit lines of a business case (SPEC 6): the rules a line must keep beyond its
 * schema, and the building of a line from what a person typed (flags or prompt answers).
 *
 * The rules exist once, here: `validate` applies `lineRules` to every line of every file, and
 * `buildCostLine` / `buildBenefitLine` apply the same rules (and the line schemas) to a new line,
 * so a line a command accepts is a line `validate` accepts (`priceBaseRules` covers the price
 * years of a whole business case). Pure: no I/O, returns problems.
 */
import type { Config } from './config.js';
import { formatMoney, formatPercent, formatYear } from './format.js';
import { formatPath, show, type PathSeg, type Severity } from './diagnostics.js';
import { orderAt } from './key-order.js';
import { benefitLineSchema, costLineSchema, type BenefitLine, type CostLine } from './schema.js';
import { parseAmount, parseChoice, parseGrade, parsePriceYear, parseShare, parseYears, type Parsed } from './values.js';
import { BENEFIT_KINDS, COST_KINDS } from './vocab.js';

export type LineList = 'costs' | 'benefits';

/** A problem with a line: validate's code and wording, where it is, and the fields it is about. */
export interface LineProblem {
  severity: Severity;
  code: string;
  message: string;
  /** Path in the record (the line's own path when built from input: `focus.businessCase.<list>.<n>`). */
  path: PathSeg[];
  at: 'key' | 'value';
  /** The line's fields the problem is about, so a command can name its flags. */
  fields: string[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function problem(severity: Severity, code: string, message: string, path: PathSeg[], fields: string[], at: 'key' | 'value' = 'value'): LineProblem {
  return { severity, code, message, path, at, fields };
}

/** Each year once, inside the appraisal period of `period` years. Values that are not whole years are the schema's to report. */
function yearRules(years: unknown, period: number, path: PathSeg[]): LineProblem[] {
  const out: LineProblem[] = [];
  if (!Array.isArray(years)) return out;
  const seen = new Set<number>();
  years.forEach((y, i) => {
    if (typeof y !== 'number' || !Number.isInteger(y) || y < 0) return;
    if (seen.has(y)) out.push(problem('error', 'duplicate-year', `year ${y} is listed twice in ${formatPath(path)}; list each year once`, [...path, i], ['years']));
    seen.add(y);
    if (y >= period) {
      out.push(problem('error', 'year-out-of-range', `year ${y} is outside the appraisal period 0–${period - 1} (appraisal.years is ${period}); use 0 to ${period - 1}`, [...path, i], ['years']));
    }
  });
  return out;
}

/**
 * The rules of one line beyond its schema, as `validate` reports them: years each once and
 * inside the appraisal period; a benefit valued by an amount or by a cohort with a unit value,
 * never both, never neither; cashable only on a fiscal benefit (a warning).
 * `at` is the line's path in the record, e.g. ['focus', 'businessCase', 'benefits', 2].
 */
export function lineRules(list: LineList, line: Record<string, unknown>, period: number, at: PathSeg[]): LineProblem[] {
  const out = yearRules(line.years, period, [...at, 'years']);
  if (list === 'costs') return out;
  if (line.amount !== undefined && line.cohort !== undefined) {
    out.push(problem('error', 'amount-and-cohort', 'a benefit gives amount or cohort with unitValue, never both; remove one of them', [...at, 'cohort'], ['amount', 'cohort'], 'key'));
  } else if (line.amount === undefined && (line.cohort === undefined || line.unitValue === undefined)) {
    const both = line.cohort === undefined && line.unitValue === undefined;
    const lacking = both ? 'amount (or cohort and unitValue)' : line.cohort === undefined ? 'cohort' : 'unitValue';
    out.push(problem('error', 'benefit-without-value', `benefit ${show(line.item)} has no value; add ${lacking}`, at, both ? ['amount', 'cohort', 'unitValue'] : [lacking]));
  }
  if (line.cashable === true && line.kind !== 'fiscal' && typeof line.kind === 'string') {
    out.push(problem('warning', 'cashable-not-fiscal', `cashable applies to fiscal benefits only, but this one is ${line.kind}; remove cashable or make the kind fiscal`, [...at, 'cashable'], ['cashable', 'kind'], 'key'));
  }
  return out;
}

/** What the line rules need of the portfolio's configuration. */
/** What building a line needs of the configuration; with `currency`, amounts may carry its symbol, with `startYear`, years may be financial years. */
export type LineConfig = Pick<Config, 'years' | 'priceYear' | 'deflators'> & Partial<Pick<Config, 'currency' | 'startYear'>>;

/** A price year a line can carry (others are the schema's to report). */
const isPriceYear = (y: unknown): y is number => typeof y === 'number' && Number.isInteger(y) && y >= 1900 && y <= 2100;

/**
 * A line in `year` prices under an appraisal with a price base needs an index for its year and
 * for the base (SPEC 9). `path` is the line's priceYear.
 */
function deflatorRule(cfg: LineConfig, year: number, path: PathSeg[]): LineProblem[] {
  if (cfg.priceYear === null || year === cfg.priceYear) return [];
  const missing = [...new Set([year, cfg.priceYear])].filter((y) => !(y in cfg.deflators));
  if (!missing.length) return [];
  return [
    problem(
      'error',
      'missing-deflator',
      `this line is in ${year} prices and is re-based to the appraisal's ${cfg.priceYear} prices, but appraisal.deflators in costar.yaml has no index for ${missing.join(' or ')}; add ${missing.map((y) => `${y}: <index>`).join(' and ')} under appraisal.deflators (e.g. HM Treasury's GDP deflators)`,
      path,
      ['priceYear'],
    ),
  ];
}

/** A price year for a new line: a year from 1900 to 2100 that the appraisal's price base can re-base. */
export function parseLinePriceYear(cfg: LineConfig, raw: string | number): Parsed<number> {
  const r = parsePriceYear(raw);
  if (!r.ok) return r;
  const p = deflatorRule(cfg, r.value, []);
  return p.length ? { ok: false, message: p[0]!.message } : r;
}

/**
 * Price bases of a whole business case (SPEC 9): with appraisal.priceYear, every line in another
 * price year needs an index for its year and for the base; without it, lines in different price
 * years are only added up (a warning).
 */
export function priceBaseRules(cfg: LineConfig, bc: Record<string, unknown>): LineProblem[] {
  const out: LineProblem[] = [];
  const lines: Array<{ path: PathSeg[]; year: number }> = [];
  for (const list of ['costs', 'benefits'] as const) {
    const items = bc[list];
    if (!Array.isArray(items)) continue;
    items.forEach((l, i) => {
      if (isObj(l) && isPriceYear(l.priceYear)) lines.push({ path: ['focus', 'businessCase', list, i, 'priceYear'], year: l.priceYear });
    });
  }
  if (cfg.priceYear !== null) {
    for (const l of lines) out.push(...deflatorRule(cfg, l.year, l.path));
    return out;
  }
  const first = lines[0];
  const other = lines.find((l) => first && l.year !== first.year);
  if (first && other) {
    const years = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
    out.push(
      problem(
        'warning',
        'mixed-price-years',
        `the business case's lines are in different price years (${years.join(', ')}) and are added together as they are; set appraisal.priceYear and appraisal.deflators in costar.yaml so they are re-based to one price base`,
        other.path,
        ['priceYear'],
      ),
    );
  }
  return out;
}

// ------------------------------------------------------------------------------ building a line

/** Raw input for a value: text as typed, or a value already parsed. */
type Raw = string | number | undefined;

export interface CostInput {
  item?: string;
  kind?: string;
  amount?: Raw;
  years?: string | readonly number[];
  payer?: string;
  confidence?: Raw;
  priceYear?: Raw;
}

export interface BenefitInput {
  item?: string;
  kind?: string;
  cashable?: boolean;
  beneficiary?: string;
  amount?: Raw;
  cohort?: Raw;
  unitValue?: Raw;
  engagement?: Raw;
  success?: Raw;
  deadweight?: Raw;
  displacement?: Raw;
  attribution?: Raw;
  dropOff?: Raw;
  years?: string | readonly number[];
  confidence?: Raw;
  source?: string;
  priceYear?: Raw;
}

export interface Built<T> {
  /** The line so far, in the canonical key order; complete only when `problems` is empty. */
  line: Partial<T>;
  problems: LineProblem[];
}

/** The shares of a benefit line and how a message names each. */
export const BENEFIT_SHARES = [
  ['engagement', 'the share who engage'],
  ['success', 'the share who succeed'],
  ['deadweight', 'deadweight'],
  ['displacement', 'displacement'],
  ['attribution', 'attribution'],
  ['dropOff', 'the yearly drop-off'],
] as const;

/** Where a new line of a list goes, for paths in problems. */
const newLinePath = (list: LineList): PathSeg[] => ['focus', 'businessCase', list, 0];

class Builder {
  readonly line: Record<string, unknown> = {};
  readonly problems: LineProblem[] = [];
  constructor(readonly at: PathSeg[]) {}

  /** Parses a given value into the line, or records a `bad-value` problem for its field. */
  value<T>(field: string, raw: unknown, parse: (raw: never) => Parsed<T>): void {
    if (raw === undefined) return;
    const r = parse(raw as never);
    if (r.ok) this.line[field] = r.value;
    else this.problems.push(problem('error', 'bad-value', r.message, [...this.at, field], [field]));
  }

  /** Optional text: trimmed, left out when blank. */
  text(field: string, raw: string | undefined): void {
    const s = raw?.trim();
    if (s) this.line[field] = s;
  }

  /** A required field the input lacks. */
  require(...fields: string[]): void {
    for (const f of fields) {
      if (this.line[f] !== undefined || this.problems.some((p) => p.fields.includes(f))) continue;
      this.problems.push(problem('error', 'missing-field', `${formatPath([...this.at, f])} is required but missing; add "${f}:"`, this.at, [f]));
    }
  }

  /** The price base: a new line in another price year needs its indices (mixed years without a base are only a note). */
  priceBase(cfg: LineConfig): void {
    if (isPriceYear(this.line.priceYear)) this.problems.push(...deflatorRule(cfg, this.line.priceYear, [...this.at, 'priceYear']));
  }

  /** The schema's own check of a line that is otherwise complete (a guard: the parsers keep to it). */
  schema(s: typeof costLineSchema | typeof benefitLineSchema): void {
    if (this.problems.some((p) => p.severity === 'error')) return;
    const r = s.safeParse(this.line);
    if (r.success) return;
    for (const issue of r.error.issues) {
      const path = issue.path as PathSeg[];
      this.problems.push(problem('error', 'wrong-type', `${formatPath([...this.at, ...path])}: ${issue.message}`, [...this.at, ...path], [String(path[0] ?? '')]));
    }
  }
}

/** A cost line from raw input: `{ line, problems }` by the rules `validate` applies to cost lines. */
export function buildCostLine(cfg: LineConfig, input: CostInput): Built<CostLine> {
  const period = cfg.years;
  const b = new Builder(newLinePath('costs'));
  b.text('item', input.item);
  b.value('kind', input.kind, (k: string) => parseChoice(k, COST_KINDS, 'a kind of cost'));
  b.value('amount', input.amount, (r: Raw) => parseAmount(r!, 'an amount per year', cfg.currency));
  b.value('years', input.years, (r: string) => parseYears(r, period, cfg.startYear));
  b.text('payer', input.payer);
  b.value('confidence', input.confidence, (r: Raw) => parseGrade(r!));
  b.value('priceYear', input.priceYear, (r: Raw) => parsePriceYear(r!));
  b.require('item', 'kind', 'amount');
  b.problems.push(...lineRules('costs', b.line, period, b.at));
  b.priceBase(cfg);
  b.schema(costLineSchema);
  return { line: orderAt('initiative', b.at, b.line) as Partial<CostLine>, problems: b.problems };
}

/**
 * A benefit line from raw input: `{ line, problems }` by the rules `validate` applies to benefit
 * lines, and one rule of input: engagement and success belong to a cohort, not to an amount
 * (`validate` lets a file keep them; a new line is not written with them).
 */
export function buildBenefitLine(cfg: LineConfig, input: BenefitInput): Built<BenefitLine> {
  const period = cfg.years;
  const b = new Builder(newLinePath('benefits'));
  b.text('item', input.item);
  b.value('kind', input.kind, (k: string) => parseChoice(k, BENEFIT_KINDS, 'a kind of benefit'));
  if (input.cashable) b.line.cashable = true;
  b.text('beneficiary', input.beneficiary);
  b.value('amount', input.amount, (r: Raw) => parseAmount(r!, 'a value per year', cfg.currency));
  b.value('cohort', input.cohort, (r: Raw) => parseAmount(r!, 'the number of people reached'));
  b.value('unitValue', input.unitValue, (r: Raw) => parseAmount(r!, 'a value per person', cfg.currency));
  for (const [key, what] of BENEFIT_SHARES) b.value(key, input[key], (r: Raw) => parseShare(r!, what));
  b.value('years', input.years, (r: string) => parseYears(r, period, cfg.startYear));
  b.value('confidence', input.confidence, (r: Raw) => parseGrade(r!));
  b.text('source', input.source);
  b.value('priceYear', input.priceYear, (r: Raw) => parsePriceYear(r!));
  b.require('item', 'kind');
  b.problems.push(...lineRules('benefits', b.line, period, b.at));
  b.priceBase(cfg);
  if (b.line.amount !== undefined && (b.line.engagement !== undefined || b.line.success !== undefined)) {
    b.problems.push(problem('error', 'bad-value', 'engagement and success apply to a cohort with a unit value, not to an amount', b.at, ['engagement', 'success']));
  }
  b.schema(benefitLineSchema);
  return { line: orderAt('initiative', b.at, b.line) as Partial<BenefitLine>, problems: b.problems };
}

/** A share as a percentage with no more decimals than it needs: 0.2 → 20%, 0.125 → 12.5%. */
function exactPercent(share: number): string {
  for (let d = 0; d < 4; d++) if (Math.abs(share * 100 - Number((share * 100).toFixed(d))) < 1e-9) return formatPercent(share, d);
  return formatPercent(share, 4);
}

/**
 * What was read of a new line, in the words of the documents, so a person sees how costar took
 * their input: "£12,000 a year in 2026/27, 2027/28; deadweight 20%".
 */
export function describeLine(cfg: LineConfig, given: Partial<CostLine> | Partial<BenefitLine>): string {
  const line = given as Partial<Omit<BenefitLine, 'kind'>>;
  const money = (v: number) => formatMoney(v, cfg.currency ?? 'GBP', { exact: !Number.isInteger(v) });
  const parts: string[] = [];
  let value = '';
  if (line.amount !== undefined) value = `${money(line.amount)} a year`;
  else if (line.cohort !== undefined && line.unitValue !== undefined) value = `${line.cohort.toLocaleString('en-GB')} people × ${money(line.unitValue)} a year`;
  const years = line.years?.length ? ` in ${line.years.map((t) => formatYear(cfg.startYear, t)).join(', ')}` : ' in every year';
  if (value) parts.push(value + years);
  const shares = BENEFIT_SHARES.filter(([k]) => line[k] !== undefined).map(([k, what]) => `${what} ${exactPercent(line[k]!)}`);
  if (shares.length) parts.push(shares.join(', '));
  if (line.priceYear !== undefined) parts.push(`${line.priceYear} prices`);
  return parts.join('; ');
}

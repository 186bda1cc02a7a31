/**
 * The business case engine of Focus it (SPEC 6): present values, optimism bias by confidence
 * grade, the additionality adjustments, ratios, payback, switching value and money flows. Pure:
 * plain data in and out; numbers are unrounded and never NaN or Infinity where a ratio is
 * undefined (null instead).
 */
import type { Config } from './config.js';
import { formatYear } from './format.js';
import type { BenefitLine, CostLine, Initiative } from './schema.js';

/** The grade used when neither a line nor its business case gives one (SPEC 6). */
export const DEFAULT_GRADE = 3;

/** What the appraisal may be run with instead of the manifest's settings (sensitivity tests). */
export interface AppraisalOptions {
  /** Discount rate instead of `appraisal.discountRate` (negative values are floored at 0). */
  discountRate?: number;
  /** Rate from year 31 instead of `appraisal.discountRateLong` (floored at 0). */
  discountRateLong?: number;
  /** Added to every line's grade, capped to 1..6: +1 makes every line one grade worse. */
  gradeShift?: number;
}

/** One year of the appraisal; money is not discounted unless its name says `pv`. */
export interface YearRow {
  /** t, from 0. */
  year: number;
  /** "2026/27" when `appraisal.startYear` is set, else "Year 0". */
  label: string;
  costs: number;
  benefits: number;
  fiscal: number;
  /** Fiscal benefits marked `cashable: true`. */
  cashable: number;
  /** Fiscal benefits not marked cashable. */
  nonCashable: number;
  economic: number;
  social: number;
  /** benefits − costs. */
  net: number;
  discountFactor: number;
  pvCosts: number;
  pvBenefits: number;
  pvFiscal: number;
  pvNet: number;
  cumulativePvCosts: number;
  cumulativePvBenefits: number;
}

/** The shape of `focus case <id> --json` (SPEC 7), with a few added keys. */
export interface BusinessCase {
  id: string;
  pvCosts: number;
  pvBenefits: number;
  pvFiscal: number;
  npv: number;
  bcr: number | null;
  bcrFiscal: number | null;
  roi: number | null;
  paybackYear: number | null;
  switchingValue: number | null;
  flows: { payers: Record<string, number>; beneficiaries: Record<string, number> };
  years: YearRow[];
  /** Added keys: the fiscal PV split, and the other benefit kinds. */
  pvCashable: number;
  pvNonCashable: number;
  pvEconomic: number;
  pvSocial: number;
  /** The price base (`appraisal.priceYear`), or null when nothing is re-based. */
  priceYear: number | null;
  /** Each line's amount as written and as re-based to the price base (SPEC 9). */
  lines: { costs: LineAmount[]; benefits: LineAmount[] };
}

/** A line's yearly amount before optimism bias and adjustments, as written and re-based. */
export interface LineAmount {
  item: string;
  /** The line's own `priceYear`, or null (already in the base year). */
  priceYear: number | null;
  /** amount (benefits: amount, or cohort × unitValue × engagement × success) as written. */
  amount: number;
  /** amount × deflators[base] / deflators[priceYear]: what the appraisal uses. */
  rebasedAmount: number;
}

export type GradeSource = 'line' | 'case' | 'default';

interface LineCommon {
  /** Position in its list, from 0. */
  index: number;
  item: string;
  /** The line's price year, or null. */
  priceYear: number | null;
  /** The re-basing factor deflators[base] / deflators[priceYear] (1 when nothing is re-based). */
  rebase: number;
  grade: number;
  gradeSource: GradeSource;
  /** The years t the line applies to, within the appraisal period, ascending. */
  years: number[];
  /** Value in each year t = 0..Y-1 (0 where the line does not apply). */
  values: number[];
  pv: number;
}

export interface CostLineDetail extends LineCommon {
  kind: CostLine['kind'];
  payer: string;
  /** The amount as written. */
  amount: number;
  /** amount × rebase: the amount in the appraisal's prices. */
  rebasedAmount: number;
  /** The optimism-bias cost uplift applied (0.1 = +10 %). */
  uplift: number;
}

export interface BenefitLineDetail extends LineCommon {
  kind: BenefitLine['kind'];
  cashable: boolean;
  beneficiary: string;
  /** amount, or cohort × unitValue × engagement × success, in the appraisal's prices (re-based). */
  gross: number;
  /** The same before re-basing, as written. */
  grossAsWritten: number;
  grossFrom: 'amount' | 'cohort';
  cohort: number | null;
  unitValue: number | null;
  engagement: number;
  success: number;
  deadweight: number;
  displacement: number;
  attribution: number;
  dropOff: number;
  /** The optimism-bias benefit reduction applied (0.1 = −10 %). */
  reduction: number;
  /** gross × (1−deadweight) × (1−displacement) × (1−attribution) × (1−reduction): the first year's value. */
  net: number;
  source: string | null;
}

export interface GradeUse {
  grade: number;
  costUplift: number;
  benefitReduction: number;
  costLines: number;
  benefitLines: number;
}

/** Everything a business case document shows, computed once. */
export interface BusinessCaseDetail {
  case: BusinessCase;
  discountRate: number;
  discountRateLong: number;
  years: number;
  currency: string;
  costs: CostLineDetail[];
  benefits: BenefitLineDetail[];
  /** The grades the lines use, ascending, with the optimism bias each applies. */
  grades: GradeUse[];
}

/** The financial-year label of year t: "2026/27" with a start year, else "Year t". */
export function yearLabel(config: Pick<Config, 'startYear'>, t: number): string {
  return formatYear(config.startYear, t);
}

/** Whether the initiative has any cost or benefit line. */
export function hasBusinessCase(initiative: Pick<Initiative, 'focus'>): boolean {
  const bc = initiative.focus?.businessCase;
  return Boolean(bc && ((bc.costs?.length ?? 0) > 0 || (bc.benefits?.length ?? 0) > 0));
}

function gradeOf(line: { confidence?: number }, caseGrade: number | undefined, shift: number): { grade: number; source: GradeSource } {
  const source: GradeSource = line.confidence !== undefined ? 'line' : caseGrade !== undefined ? 'case' : 'default';
  const base = line.confidence ?? caseGrade ?? DEFAULT_GRADE;
  return { grade: Math.min(6, Math.max(1, base + shift)), source };
}

function biasOf(config: Pick<Config, 'optimismBias'>, grade: number): [number, number] {
  return config.optimismBias[grade] ?? [0, 0];
}

/** The Green Book's switch-over year: DF(t) = (1+r)^-t up to it, the long rate beyond (SPEC 6). */
export const LONG_RATE_FROM = 30;

/**
 * Discount factors for t = 0..Y-1: (1+r)^-t for t <= 30, then DF(30) × (1+rLong)^-(t−30).
 */
export function discountFactors(r: number, rLong: number, Y: number): number[] {
  const df: number[] = [];
  for (let t = 0; t < Y; t++) {
    df.push(t <= LONG_RATE_FROM ? Math.pow(1 + r, -t) : Math.pow(1 + r, -LONG_RATE_FROM) * Math.pow(1 + rLong, -(t - LONG_RATE_FROM)));
  }
  return df;
}

/**
 * The factor that re-bases a line in prices of `lineYear` to the appraisal's price base (SPEC 9):
 * deflators[base] / deflators[lineYear]; 1 when there is no base or the line gives no year. A
 * missing index is a validation error (missing-deflator); here it counts as 1, never NaN.
 */
export function rebaseFactor(config: Pick<Config, 'priceYear' | 'deflators'>, lineYear: number | undefined | null): number {
  if (config.priceYear === null || lineYear === undefined || lineYear === null || lineYear === config.priceYear) return 1;
  const to = config.deflators[config.priceYear];
  const from = config.deflators[lineYear];
  if (!to || !from) return 1;
  return to / from;
}

/**
 * The years a line applies to within 0..Y-1, and the origin of the drop-off exponent k = t − first.
 * SPEC 6: a line without `years` applies to every year and so starts in year 0 (first = 0: it is
 * the same line as one listing every year); with years, k counts from min(years), skipped years
 * included.
 */
function lineYears(years: readonly number[] | undefined, Y: number): { list: number[]; first: number } {
  if (years === undefined) return { list: Array.from({ length: Y }, (_, t) => t), first: 0 };
  const uniq = [...new Set(years)].filter((t) => Number.isInteger(t) && t >= 0);
  const first = uniq.length ? Math.min(...uniq) : 0;
  return { list: uniq.filter((t) => t < Y).sort((a, b) => a - b), first };
}

function label(v: string | undefined): string {
  return typeof v === 'string' && v.trim() !== '' ? v : 'unspecified';
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A ratio, or null when the denominator is 0 or the result is not a finite number. */
function ratio(a: number, b: number): number | null {
  if (b === 0) return null;
  const r = a / b;
  return Number.isFinite(r) ? r : null;
}

/** Total present value of lines, summed in file order (documents' line tables add up to it). */
function sumPv(lines: readonly { pv: number }[]): number {
  let total = 0;
  for (const l of lines) total += l.pv;
  return total;
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k]!;
  return out;
}

export type AppraisalConfig = Pick<Config, 'discountRate' | 'discountRateLong' | 'years' | 'optimismBias' | 'startYear' | 'currency' | 'priceYear' | 'deflators'>;

/** Each line's values by year and present value: the one place SPEC 6's line formulas live. */
function appraiseLines(config: AppraisalConfig, initiative: Pick<Initiative, 'id' | 'focus'>, opts: AppraisalOptions) {
  const Y = config.years;
  const r = Math.max(0, opts.discountRate ?? config.discountRate);
  const rLong = Math.max(0, opts.discountRateLong ?? config.discountRateLong);
  const shift = opts.gradeShift ?? 0;
  const bc = initiative.focus?.businessCase ?? {};
  const caseGrade = bc.confidence;
  const df = discountFactors(r, rLong, Y);
  const costs: CostLineDetail[] = (bc.costs ?? []).map((line, index) => {
    const { grade, source } = gradeOf(line, caseGrade, shift);
    const uplift = biasOf(config, grade)[0];
    const { list } = lineYears(line.years, Y);
    const amount = num(line.amount, 0);
    const rebase = rebaseFactor(config, line.priceYear);
    const rebasedAmount = amount * rebase;
    const perYear = rebasedAmount * (1 + uplift);
    const values = new Array<number>(Y).fill(0);
    let pv = 0;
    for (const t of list) {
      values[t] = perYear;
      pv += perYear * df[t]!;
    }
    return {
      index,
      item: line.item,
      priceYear: line.priceYear ?? null,
      rebase,
      kind: line.kind,
      payer: label(line.payer),
      amount,
      rebasedAmount,
      uplift,
      grade,
      gradeSource: source,
      years: list,
      values,
      pv,
    };
  });

  const benefits: BenefitLineDetail[] = (bc.benefits ?? []).map((line, index) => {
    const { grade, source } = gradeOf(line, caseGrade, shift);
    const reduction = biasOf(config, grade)[1];
    const { list, first } = lineYears(line.years, Y);
    const fromCohort = line.amount === undefined && (line.cohort !== undefined || line.unitValue !== undefined);
    const engagement = num(line.engagement, 1);
    const success = num(line.success, 1);
    const grossAsWritten = fromCohort ? num(line.cohort, 0) * num(line.unitValue, 0) * engagement * success : num(line.amount, 0);
    const rebase = rebaseFactor(config, line.priceYear);
    const gross = grossAsWritten * rebase;
    const deadweight = num(line.deadweight, 0);
    const displacement = num(line.displacement, 0);
    const attribution = num(line.attribution, 0);
    const dropOff = num(line.dropOff, 0);
    const values = new Array<number>(Y).fill(0);
    let pv = 0;
    for (const t of list) {
      const k = t - first;
      const v = gross * (1 - deadweight) * (1 - displacement) * (1 - attribution) * Math.pow(1 - dropOff, k) * (1 - reduction);
      values[t] = v;
      pv += v * df[t]!;
    }
    return {
      index,
      item: line.item,
      priceYear: line.priceYear ?? null,
      rebase,
      kind: line.kind,
      cashable: line.kind === 'fiscal' && line.cashable === true,
      beneficiary: label(line.beneficiary),
      gross,
      grossAsWritten,
      grossFrom: fromCohort ? 'cohort' : 'amount',
      cohort: fromCohort ? num(line.cohort, 0) : null,
      unitValue: fromCohort ? num(line.unitValue, 0) : null,
      engagement,
      success,
      deadweight,
      displacement,
      attribution,
      dropOff,
      reduction,
      net: gross * (1 - deadweight) * (1 - displacement) * (1 - attribution) * (1 - reduction),
      grade,
      gradeSource: source,
      years: list,
      values,
      pv,
      source: line.source ?? null,
    };
  });

  return { Y, r, rLong, df, costs, benefits };
}

/**
 * The business case of an initiative with every line's detail (SPEC 6). Works on an initiative
 * with no business case too: all zeros, ratios null.
 */
export function businessCaseDetail(config: AppraisalConfig, initiative: Pick<Initiative, 'id' | 'focus'>, opts: AppraisalOptions = {}): BusinessCaseDetail {
  const { Y, r, rLong, df, costs, benefits } = appraiseLines(config, initiative, opts);
  const years: YearRow[] = [];
  let cumC = 0;
  let cumB = 0;
  let paybackYear: number | null = null;
  for (let t = 0; t < Y; t++) {
    let c = 0;
    for (const l of costs) c += l.values[t]!;
    let b = 0;
    let fiscal = 0;
    let cashable = 0;
    let nonCashable = 0;
    let economic = 0;
    let social = 0;
    for (const l of benefits) {
      const v = l.values[t]!;
      b += v;
      if (l.kind === 'fiscal') {
        fiscal += v;
        if (l.cashable) cashable += v;
        else nonCashable += v;
      } else if (l.kind === 'economic') economic += v;
      else social += v;
    }
    const d = df[t]!;
    cumC += c * d;
    cumB += b * d;
    if (paybackYear === null && cumC > 0 && cumB >= cumC) paybackYear = t;
    years.push({
      year: t,
      label: yearLabel(config, t),
      costs: c,
      benefits: b,
      fiscal,
      cashable,
      nonCashable,
      economic,
      social,
      net: b - c,
      discountFactor: d,
      pvCosts: c * d,
      pvBenefits: b * d,
      pvFiscal: fiscal * d,
      pvNet: (b - c) * d,
      cumulativePvCosts: cumC,
      cumulativePvBenefits: cumB,
    });
  }

  // Totals are sums of the lines' PVs, so a document's line table adds up to them.
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  const pvCosts = sumPv(costs);
  const pvBenefits = sumPv(benefits);
  const pvFiscal = sum(benefits.filter((l) => l.kind === 'fiscal').map((l) => l.pv));
  const pvCashable = sum(benefits.filter((l) => l.cashable).map((l) => l.pv));
  const pvNonCashable = sum(benefits.filter((l) => l.kind === 'fiscal' && !l.cashable).map((l) => l.pv));
  const pvEconomic = sum(benefits.filter((l) => l.kind === 'economic').map((l) => l.pv));
  const pvSocial = sum(benefits.filter((l) => l.kind === 'social').map((l) => l.pv));
  const bcr = ratio(pvBenefits, pvCosts);
  const payers: Record<string, number> = {};
  for (const l of costs) payers[l.payer] = (payers[l.payer] ?? 0) + l.pv;
  const beneficiaries: Record<string, number> = {};
  for (const l of benefits) beneficiaries[l.beneficiary] = (beneficiaries[l.beneficiary] ?? 0) + l.pv;

  const gradeMap = new Map<number, GradeUse>();
  const use = (g: number) => {
    let u = gradeMap.get(g);
    if (!u) {
      const [costUplift, benefitReduction] = biasOf(config, g);
      u = { grade: g, costUplift, benefitReduction, costLines: 0, benefitLines: 0 };
      gradeMap.set(g, u);
    }
    return u;
  };
  for (const l of costs) use(l.grade).costLines++;
  for (const l of benefits) use(l.grade).benefitLines++;

  return {
    case: {
      id: initiative.id,
      pvCosts,
      pvBenefits,
      pvFiscal,
      npv: pvBenefits - pvCosts,
      bcr,
      bcrFiscal: ratio(pvFiscal, pvCosts),
      roi: pvCosts === 0 ? null : ratio(pvBenefits - pvCosts, pvCosts),
      paybackYear,
      switchingValue: bcr === null || bcr === 0 ? null : 1 - 1 / bcr,
      flows: { payers: sortKeys(payers), beneficiaries: sortKeys(beneficiaries) },
      years,
      pvCashable,
      pvNonCashable,
      pvEconomic,
      pvSocial,
      priceYear: config.priceYear,
      lines: {
        costs: costs.map((l) => ({ item: l.item, priceYear: l.priceYear, amount: l.amount, rebasedAmount: l.rebasedAmount })),
        benefits: benefits.map((l) => ({ item: l.item, priceYear: l.priceYear, amount: l.grossAsWritten, rebasedAmount: l.gross })),
      },
    },
    discountRate: r,
    discountRateLong: rLong,
    years: Y,
    currency: config.currency,
    costs,
    benefits,
    grades: [...gradeMap.values()].sort((a, b) => a.grade - b.grade),
  };
}

/** The business case of an initiative: exactly the shape of `focus case <id> --json` (SPEC 7). */
export function businessCase(config: AppraisalConfig, initiative: Pick<Initiative, 'id' | 'focus'>, opts: AppraisalOptions = {}): BusinessCase {
  return businessCaseDetail(config, initiative, opts).case;
}

/** The totals a portfolio-wide computation needs, without the year table (the budget plan: hundreds at once). */
export interface CaseTotals {
  id: string;
  pvCosts: number;
  pvBenefits: number;
  npv: number;
  bcr: number | null;
  /** PV of costs by payer, as in flows.payers. */
  payers: Record<string, number>;
}

export function caseTotals(config: AppraisalConfig, initiative: Pick<Initiative, 'id' | 'focus'>): CaseTotals {
  // The same lines and sums as businessCaseDetail, so the figures are identical to focus case's.
  const { costs, benefits } = appraiseLines(config, initiative, {});
  const pvCosts = sumPv(costs);
  const pvBenefits = sumPv(benefits);
  const payers: Record<string, number> = {};
  for (const l of costs) payers[l.payer] = (payers[l.payer] ?? 0) + l.pv;
  return { id: initiative.id, pvCosts, pvBenefits, npv: pvBenefits - pvCosts, bcr: ratio(pvBenefits, pvCosts), payers };
}

/** The BCR under another discount rate or with every line's grade shifted (capped to 1..6). */
export function bcrAt(config: AppraisalConfig, initiative: Pick<Initiative, 'id' | 'focus'>, opts: AppraisalOptions = {}): number | null {
  // The same lines and sums as businessCaseDetail, without the year table and flows.
  const { costs, benefits } = appraiseLines(config, initiative, opts);
  return ratio(sumPv(benefits), sumPv(costs));
}

/** The sensitivity tests a business case document reports. */
export interface CaseSensitivity {
  bcr: number | null;
  switchingValue: number | null;
  /** BCR at the discount rates (short and long alike) 2 points lower (floored at 0) and 2 points higher. */
  lowerRate: { discountRate: number; bcr: number | null };
  higherRate: { discountRate: number; bcr: number | null };
  /** BCR with every line one confidence grade worse (grade 6 stays 6). */
  oneGradeWorse: { bcr: number | null };
}

/** BCR at the discount rate ±2 points and with every line one grade worse, with the switching value. */
export function caseSensitivity(
  config: AppraisalConfig,
  initiative: Pick<Initiative, 'id' | 'focus'>,
  /** The case as appraised, when the caller already has it. */
  base: BusinessCase = businessCase(config, initiative),
): CaseSensitivity {
  const lower = Math.max(0, config.discountRate - 0.02);
  const higher = config.discountRate + 0.02;
  const lowerLong = Math.max(0, config.discountRateLong - 0.02);
  const higherLong = config.discountRateLong + 0.02;
  return {
    bcr: base.bcr,
    switchingValue: base.switchingValue,
    lowerRate: { discountRate: lower, bcr: bcrAt(config, initiative, { discountRate: lower, discountRateLong: lowerLong }) },
    higherRate: { discountRate: higher, bcr: bcrAt(config, initiative, { discountRate: higher, discountRateLong: higherLong }) },
    oneGradeWorse: { bcr: bcrAt(config, initiative, { gradeShift: 1 }) },
  };
}

/** What each confidence grade means (SPEC 2): shown wherever grades are, so 1 reads as the best. */
export const GRADE_NOTES: Record<number, string> = {
  1: 'audited, recent, local data',
  2: 'recent data from a similar place',
  3: 'older or less local data',
  4: 'evidence from elsewhere, adapted',
  5: 'expert judgement',
  6: 'an unsupported estimate',
};

/** One line that explains the scale: "1 = audited, recent, local data (best) … 6 = an unsupported estimate (weakest)". */
export const GRADE_SCALE = `confidence grades run from 1 = ${GRADE_NOTES[1]} (the best evidence, no optimism bias by default) to 6 = ${GRADE_NOTES[6]} (the weakest, the largest bias)`;

/** The headline figures of a business case, as documents show them (the report's table, a business case's summary). */
export function headlineFigures(bc: BusinessCase) {
  return { pvCosts: bc.pvCosts, pvBenefits: bc.pvBenefits, npv: bc.npv, bcr: bc.bcr, bcrFiscal: bc.bcrFiscal, payback: paybackWording(bc) };
}

/** The payback in words: a year label, "no costs to pay back", or "not within the appraisal period". */
export function paybackWording(bc: Pick<BusinessCase, 'pvCosts' | 'paybackYear' | 'years'>): string {
  if (bc.pvCosts === 0) return 'no costs to pay back';
  if (bc.paybackYear === null) return 'not within the appraisal period';
  return bc.years[bc.paybackYear]?.label ?? `Year ${bc.paybackYear}`;
}

/**
 * Portfolio totals that stay honest: sums and ratio over the business cases with costs only; a
 * case without costs has no ratio to add, so it is listed apart with its benefits.
 */
export interface PortfolioTotals {
  pvCosts: number;
  pvBenefits: number;
  npv: number;
  /** pvBenefits ÷ pvCosts of the cases with costs; null when none has costs. */
  bcr: number | null;
  /** Cases left out because they have no costs, and their PV benefits. */
  withoutCosts: string[];
  withoutCostsBenefits: number;
}

export function portfolioTotals(cases: ReadonlyArray<Pick<BusinessCase, 'id' | 'pvCosts' | 'pvBenefits' | 'npv'>>): PortfolioTotals {
  let pvCosts = 0;
  let pvBenefits = 0;
  let npv = 0;
  let withoutCostsBenefits = 0;
  const withoutCosts: string[] = [];
  for (const c of cases) {
    if (c.pvCosts > 0) {
      pvCosts += c.pvCosts;
      pvBenefits += c.pvBenefits;
      npv += c.npv;
    } else {
      withoutCosts.push(c.id);
      withoutCostsBenefits += c.pvBenefits;
    }
  }
  return { pvCosts, pvBenefits, npv, bcr: ratio(pvBenefits, pvCosts), withoutCosts, withoutCostsBenefits };
}

/** The price base in words, for the terminal, the documents and the workbook (SPEC 9). */
export function priceBaseText(config: Pick<Config, 'priceYear'>, detail: Pick<BusinessCaseDetail, 'costs' | 'benefits'>): string {
  const years = [...new Set([...detail.costs, ...detail.benefits].map((l) => l.priceYear).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  if (config.priceYear !== null) {
    const other = years.filter((y) => y !== config.priceYear);
    return `${config.priceYear} prices${other.length ? ` (lines in ${other.join(', ')} prices re-based with appraisal.deflators)` : ''}`;
  }
  if (years.length === 0) return 'prices as entered (no price base set: appraisal.priceYear)';
  if (years.length === 1) return `${years[0]} prices, as entered`;
  return `mixed price years (${years.join(', ')}) added as entered: set appraisal.priceYear and appraisal.deflators to re-base them`;
}

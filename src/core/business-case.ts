/**
 * The business case engine of Focus it (SPEC 6): present values, optimism bias by confidence
 * grade, the additionality adjustments, ratios, payback, switching value and money flows. Pure:
 * plain data in and out; numbers are unrounded and never NaN or Infinity where a ratio is
 * undefined (null instead).
 */
import type { Config } from './config.js';
import { formatYear } from './format.js';
import type { Initiative } from './schema.js';
import type { AppraisalOptions, BenefitLineDetail, BusinessCase, BusinessCaseDetail, CostLineDetail, GradeSource, GradeUse, YearRow } from './business-case-types.js';
import { discountFactors, lineYears, rebaseFactor } from './discounting.js';

/** The grade used when neither a line nor its business case gives one (SPEC 6). */
export const DEFAULT_GRADE = 3;

export type * from './business-case-types.js';

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

function label(v: string | undefined): string {
  return typeof v === 'string' && v.trim() !== '' ? v : 'unspecified';
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A ratio, or null when the denominator is 0 or the result is not a finite number. */
export function ratio(a: number, b: number): number | null {
  if (b === 0) return null;
  const r = a / b;
  return Number.isFinite(r) ? r : null;
}

/** Total present value of lines, summed in file order (documents' line tables add up to it). */
export function sumPv(lines: readonly { pv: number }[]): number {
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

/**
 * What documents and screens say about business cases, from the engine's figures
 * (business-case.ts): sensitivity tests, the confidence grades in words, headline figures,
 * payback in words, a portfolio's totals and the price base.
 */
import { bcrAt, businessCase, ratio, type AppraisalConfig, type BusinessCase, type BusinessCaseDetail } from './business-case.js';
import type { Config } from './config.js';
import type { Initiative } from './schema.js';

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

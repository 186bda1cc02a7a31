/** The shapes of a business case as the engine (business-case.ts) returns them (SPEC 6). */
import type { BenefitLine, CostLine } from './schema.js';

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

/**
 * The Green Book's arithmetic behind every business case (SPEC 6 and 9): discount factors with
 * the long rate from year 31, re-basing a line's prices to the appraisal's price base, and the
 * years a line applies to.
 */
import type { Config } from './config.js';

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
export function lineYears(years: readonly number[] | undefined, Y: number): { list: number[]; first: number } {
  if (years === undefined) return { list: Array.from({ length: Y }, (_, t) => t), first: 0 };
  const uniq = [...new Set(years)].filter((t) => Number.isInteger(t) && t >= 0);
  const first = uniq.length ? Math.min(...uniq) : 0;
  return { list: uniq.filter((t) => t < Y).sort((a, b) => a - b), first };
}

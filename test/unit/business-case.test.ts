import { describe, expect, it } from 'vitest';
import { bcrAt, businessCase, businessCaseDetail, hasBusinessCase, yearLabel } from '../../src/core/business-case.js';
import { caseSensitivity } from '../../src/core/case-figures.js';
import { formatMoney, formatPercent, formatRatio } from '../../src/core/format.js';
import * as engine from '../../src/generate/engine.js';
import { resolveConfig } from '../../src/core/config.js';
import type { BenefitLine, CostLine, Initiative } from '../../src/core/schema.js';

const base = { schema: 'costar/v1', name: 'T', organisation: 'T', serviceAreas: [{ id: 'a' }] };
const cfg = (appraisal: Record<string, unknown> = {}) => resolveConfig({ ...base, appraisal } as any);

function ini(costs: CostLine[] = [], benefits: BenefitLine[] = [], confidence?: number): Initiative {
  return {
    id: 'x',
    title: 'X',
    serviceArea: 'a',
    status: 'idea',
    focus: { businessCase: { ...(confidence === undefined ? {} : { confidence }), costs, benefits } },
  };
}

const close = (a: number | null, b: number) => {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
};

describe('business case (SPEC 6), against hand-worked figures', () => {
  it('no costs: ratios, ROI and switching value are null, never Infinity or NaN', () => {
    // Benefit 1,000 a year, grade 1 (no optimism bias), r = 0, 3 years: PV benefits 3,000.
    const bc = businessCase(cfg({ discountRate: 0, years: 3 }), ini([], [{ item: 'b', kind: 'social', amount: 1000, confidence: 1 }]));
    expect(bc.pvCosts).toBe(0);
    expect(bc.pvBenefits).toBe(3000);
    expect(bc.npv).toBe(3000);
    expect(bc.bcr).toBeNull();
    expect(bc.bcrFiscal).toBeNull();
    expect(bc.roi).toBeNull();
    // Cumulative discounted costs never rise above 0, so there is no payback year.
    expect(bc.paybackYear).toBeNull();
    expect(bc.switchingValue).toBeNull();
    const text = JSON.stringify(bc);
    expect(text).not.toMatch(/Infinity|NaN/);
  });

  it('an empty business case is all zeros with null ratios', () => {
    const bc = businessCase(cfg(), { id: 'e', focus: {} });
    expect(bc).toMatchObject({ pvCosts: 0, pvBenefits: 0, pvFiscal: 0, npv: 0, bcr: null, bcrFiscal: null, roi: null, paybackYear: null, switchingValue: null });
    expect(bc.years).toHaveLength(5);
    expect(bc.flows).toEqual({ payers: {}, beneficiaries: {} });
    expect(hasBusinessCase({ focus: {} })).toBe(false);
    expect(hasBusinessCase(ini([{ item: 'c', kind: 'revenue', amount: 1 }]))).toBe(true);
  });

  it('benefits only in later years, discounted', () => {
    // r = 10 %, 4 years. Cost 1,000 in year 0 only; benefit 500 in years 2 and 3; grade 1.
    // PV costs = 1,000. PV benefits = 500/1.1² + 500/1.1³ = 413.2231404958678 + 375.6574004507889
    //          = 788.8805409466567. BCR = 0.7888805409466567; NPV = −211.1194590533433.
    // Cumulative PV benefits never reach 1,000: no payback. Switching value = 1 − 1/BCR < 0.
    const bc = businessCase(
      cfg({ discountRate: 0.1, years: 4 }),
      ini([{ item: 'c', kind: 'capital', amount: 1000, years: [0], confidence: 1 }], [{ item: 'b', kind: 'fiscal', amount: 500, years: [2, 3], confidence: 1 }]),
    );
    const pvB = 500 / 1.1 ** 2 + 500 / 1.1 ** 3;
    close(bc.pvCosts, 1000);
    close(bc.pvBenefits, pvB);
    close(bc.pvFiscal, pvB);
    close(bc.npv, pvB - 1000);
    close(bc.bcr, pvB / 1000);
    close(bc.bcrFiscal, pvB / 1000);
    close(bc.roi, (pvB - 1000) / 1000);
    expect(bc.paybackYear).toBeNull();
    close(bc.switchingValue, 1 - 1000 / pvB);
    expect(bc.switchingValue!).toBeLessThan(0);
    expect(bc.years.map((y) => y.benefits)).toEqual([0, 0, 500, 500]);
    expect(bc.years.map((y) => y.costs)).toEqual([1000, 0, 0, 0]);
    close(bc.years[2]!.discountFactor, 1 / 1.21);
    close(bc.years[3]!.cumulativePvBenefits, pvB);
  });

  it('drop-off over several years counts a skipped year, after deadweight, displacement and attribution', () => {
    // Benefit 1,000 in years 1, 3 and 4; deadweight 0.25, displacement 0.2, attribution 0.1:
    // 1,000 × 0.75 × 0.8 × 0.9 = 540. Drop-off 0.2 a year from the first year (1):
    // t=1: k=0 → 540; t=3: k=2 → 540 × 0.8² = 345.6; t=4: k=3 → 540 × 0.8³ = 276.48. r = 0: PV = 1,162.08.
    const bc = businessCase(
      cfg({ discountRate: 0, years: 5 }),
      ini([], [{ item: 'b', kind: 'economic', amount: 1000, deadweight: 0.25, displacement: 0.2, attribution: 0.1, dropOff: 0.2, years: [4, 1, 3], confidence: 1 }]),
    );
    const v = bc.years.map((y) => y.benefits);
    expect(v[0]).toBe(0);
    close(v[1]!, 540);
    expect(v[2]).toBe(0);
    close(v[3]!, 345.6);
    close(v[4]!, 276.48);
    close(bc.pvBenefits, 1162.08);
    expect(bc.years.map((y) => y.economic)).toEqual(v);
  });

  it('a line without years is the same line as one listing every year: its drop-off applies from year 0 (SPEC 6)', () => {
    // 1,000 a year, drop-off 0.5, grade 1, r = 0, 5 years: 1,000, 500, 250, 125, 62.5 = 1,937.5,
    // written without years and with years [0, 1, 2, 3, 4] alike.
    const c = cfg({ discountRate: 0, years: 5 });
    const bare = businessCase(c, ini([], [{ item: 'b', kind: 'social', amount: 1000, dropOff: 0.5, confidence: 1 }]));
    const listed = businessCase(c, ini([], [{ item: 'b', kind: 'social', amount: 1000, dropOff: 0.5, confidence: 1, years: [0, 1, 2, 3, 4] }]));
    expect(bare.years.map((y) => y.benefits)).toEqual([1000, 500, 250, 125, 62.5]);
    expect(listed.years.map((y) => y.benefits)).toEqual([1000, 500, 250, 125, 62.5]);
    expect(bare.pvBenefits).toBe(1937.5);
    expect(listed).toEqual(bare);
    // Discounted at 3.5 %: Σ 1,000 × 0.5^t / 1.035^t = 1,000 × (1 − (0.5/1.035)^5) / (1 − 0.5/1.035).
    const q = 0.5 / 1.035;
    const d1 = businessCase(cfg({ years: 5 }), ini([], [{ item: 'b', kind: 'social', amount: 1000, dropOff: 0.5, confidence: 1 }]));
    close(d1.pvBenefits, (1000 * (1 - q ** 5)) / (1 - q));
  });

  it('a 40-year appraisal: 3.5 % to year 30, then the long rate of 3 % (SPEC 6)', () => {
    // DF(30) = 1.035^-30 = 0.35627841060230236; DF(31) = DF(30) / 1.03 = 0.3459013695167984;
    // DF(40) = DF(30) × 1.03^-10 = 0.26510459733825 (a flat 3.5 % would give 0.2525724681945873).
    const c = cfg({ years: 41 });
    expect(c.discountRateLong).toBe(0.03);
    const bc = businessCase(c, ini([{ item: 'c', kind: 'capital', amount: 1000, years: [40], confidence: 1 }]));
    close(bc.years[30]!.discountFactor, 0.35627841060230236);
    close(bc.years[31]!.discountFactor, 0.3459013695167984);
    close(bc.years[40]!.discountFactor, 0.26510459733825);
    close(bc.pvCosts, 265.10459733825);
    // A flat rate when discountRateLong equals discountRate.
    const flat = businessCase(cfg({ years: 41, discountRateLong: 0.035 }), ini([{ item: 'c', kind: 'capital', amount: 1000, years: [40], confidence: 1 }]));
    close(flat.pvCosts, 252.5724681945873);
    // Every year of a 40-year line: Σ_{t=0..30} 1.035^-t + DF(30) × Σ_{k=1..9} 1.03^-k.
    const all = businessCase(cfg({ years: 40 }), ini([{ item: 'c', kind: 'revenue', amount: 1, confidence: 1 }]));
    let want = 0;
    for (let t = 0; t <= 30; t++) want += 1.035 ** -t;
    for (let k = 1; k <= 9; k++) want += 0.35627841060230236 * 1.03 ** -k;
    close(all.pvCosts, want);
  });

  it('price bases: a line with priceYear is re-based by deflators[base] / deflators[priceYear] before anything else', () => {
    // Base 2025, index 100; 2019 index 85.1. Cost 1,000 in 2019 prices → 1,000 × 100 / 85.1 =
    // 1,175.0881316098707; grade 3 (+10 %) → 1,292.5969447708578 in year 0 (r irrelevant at t = 0).
    // Benefit 40 × 50 = 2,000 in 2019 prices → 2,350.1762632197414, then deadweight 0.5 → 1,175.0881316098707.
    // A line in 2025 prices or without priceYear is unchanged.
    const c = cfg({ years: 1, priceYear: 2025, deflators: { 2019: 85.1, 2025: 100 } });
    const d = businessCaseDetail(
      c,
      ini(
        [
          { item: 'old', kind: 'revenue', amount: 1000, priceYear: 2019 },
          { item: 'base', kind: 'revenue', amount: 1000, priceYear: 2025, confidence: 1 },
          { item: 'none', kind: 'revenue', amount: 1000, confidence: 1 },
        ],
        [{ item: 'b', kind: 'social', cohort: 40, unitValue: 50, deadweight: 0.5, priceYear: 2019, confidence: 1 }],
      ),
    );
    close(d.costs[0]!.rebasedAmount, 1175.0881316098707);
    close(d.costs[0]!.pv, 1292.5969447708578);
    expect(d.costs[1]!.pv).toBe(1000);
    expect(d.costs[2]!.pv).toBe(1000);
    close(d.benefits[0]!.gross, 2350.1762632197414);
    expect(d.benefits[0]!.grossAsWritten).toBe(2000);
    close(d.benefits[0]!.pv, 1175.0881316098707);
    expect(d.case.priceYear).toBe(2025);
    expect(d.case.lines.costs.map((l) => [l.priceYear, l.amount])).toEqual([[2019, 1000], [2025, 1000], [null, 1000]]);
    close(d.case.lines.costs[0]!.rebasedAmount, 1175.0881316098707);
    close(d.case.lines.benefits[0]!.rebasedAmount, 2350.1762632197414);
    // Without appraisal.priceYear nothing is re-based.
    const none = businessCaseDetail(cfg({ years: 1, deflators: { 2019: 85.1, 2025: 100 } }), ini([{ item: 'old', kind: 'revenue', amount: 1000, priceYear: 2019, confidence: 1 }]));
    expect(none.costs[0]!.pv).toBe(1000);
    expect(none.case.priceYear).toBeNull();
  });

  it('grade 6 applies the largest optimism bias to costs and benefits', () => {
    // Default OB for grade 6 is [0.40, 0.40]: cost 1,000 → 1,400; benefit 1,000 → 600. One year.
    // BCR = 600/1,400 = 0.428571…; switching value = 1 − 1,400/600 = −1.3333…
    const bc = businessCase(cfg({ years: 1 }), ini([{ item: 'c', kind: 'revenue', amount: 1000, confidence: 6 }], [{ item: 'b', kind: 'fiscal', amount: 1000, confidence: 6 }]));
    close(bc.pvCosts, 1400);
    close(bc.pvBenefits, 600);
    close(bc.bcr, 600 / 1400);
    close(bc.switchingValue, 1 - 1400 / 600);
    expect(bc.paybackYear).toBeNull();
  });

  it('grade: the line, else the business case, else 3; the policy comes from the manifest', () => {
    // Default OB: grade 3 +10 %, grade 5 +25 %, grade 2 +5 %. One year, r irrelevant at t = 0.
    const d = businessCaseDetail(
      cfg({ years: 1 }),
      ini([
        { item: 'none', kind: 'revenue', amount: 100 },
        { item: 'line', kind: 'revenue', amount: 100, confidence: 2 },
      ]),
    );
    close(d.costs[0]!.pv, 110);
    expect(d.costs[0]).toMatchObject({ grade: 3, gradeSource: 'default', uplift: 0.1 });
    close(d.costs[1]!.pv, 105);
    expect(d.costs[1]).toMatchObject({ grade: 2, gradeSource: 'line' });
    const withCase = businessCaseDetail(cfg({ years: 1 }), ini([{ item: 'case', kind: 'revenue', amount: 100 }], [], 5));
    close(withCase.costs[0]!.pv, 125);
    expect(withCase.costs[0]).toMatchObject({ grade: 5, gradeSource: 'case' });
    // A manifest policy for grade 5 (merged grade by grade with the defaults).
    const custom = businessCaseDetail(cfg({ years: 1, optimismBias: { 5: [0.5, 0.3] } }), ini([{ item: 'c', kind: 'revenue', amount: 100 }], [{ item: 'b', kind: 'social', amount: 100 }], 5));
    close(custom.costs[0]!.pv, 150);
    close(custom.benefits[0]!.pv, 70);
    expect(custom.grades).toEqual([{ grade: 5, costUplift: 0.5, benefitReduction: 0.3, costLines: 1, benefitLines: 1 }]);
  });

  it('lines without years apply to every year, discounted at the manifest rate', () => {
    // Y = 3, r = 3.5 %, cost 100 (grade 1) every year: 100 × (1 + 1/1.035 + 1/1.035²) = 289.9694275245…
    const bc = businessCase(cfg({ years: 3 }), ini([{ item: 'c', kind: 'revenue', amount: 100, confidence: 1 }]));
    expect(bc.years.map((y) => y.costs)).toEqual([100, 100, 100]);
    close(bc.pvCosts, 100 * (1 + 1 / 1.035 + 1 / 1.035 ** 2));
    close(bc.pvCosts, 289.96942752456);
  });

  it('cohort × unit value × engagement × success, each defaulting to 1', () => {
    // 40 × 11,200 × 0.75 × 0.15 = 50,400; then grade 1, one year.
    const d = businessCaseDetail(
      cfg({ years: 1 }),
      ini([], [
        { item: 'full', kind: 'fiscal', cohort: 40, unitValue: 11200, engagement: 0.75, success: 0.15, confidence: 1 },
        { item: 'defaults', kind: 'fiscal', cohort: 10, unitValue: 5, confidence: 1 },
      ]),
    );
    close(d.benefits[0]!.gross, 50400);
    close(d.benefits[0]!.pv, 50400);
    expect(d.benefits[0]!.grossFrom).toBe('cohort');
    expect(d.benefits[1]!.gross).toBe(50);
  });

  it('money flows by payer and beneficiary, with unspecified when absent', () => {
    // r = 0, 2 years, grade 1: council pays 100 × 2 = 200, unspecified 50 in year 0 only.
    // nhs gains 30 × 2 = 60; unspecified 10 × 2 = 20.
    const bc = businessCase(
      cfg({ discountRate: 0, years: 2 }),
      ini(
        [
          { item: 'a', kind: 'revenue', amount: 100, payer: 'council', confidence: 1 },
          { item: 'b', kind: 'capital', amount: 50, years: [0], confidence: 1 },
        ],
        [
          { item: 'c', kind: 'fiscal', amount: 30, beneficiary: 'nhs', confidence: 1 },
          { item: 'd', kind: 'social', amount: 10, confidence: 1 },
        ],
      ),
    );
    expect(bc.flows).toEqual({ payers: { council: 200, unspecified: 50 }, beneficiaries: { nhs: 60, unspecified: 20 } });
    expect(Object.keys(bc)).toEqual(expect.arrayContaining(['id', 'pvCosts', 'pvBenefits', 'pvFiscal', 'npv', 'bcr', 'bcrFiscal', 'roi', 'paybackYear', 'switchingValue', 'flows', 'years']));
  });

  it('payback is the first year cumulative PV benefits reach cumulative PV costs', () => {
    // r = 0, cost 1,000 in year 0, benefit 400 a year: cumulative 400, 800, 1,200 → year 2.
    const bc = businessCase(cfg({ discountRate: 0, years: 4 }), ini([{ item: 'c', kind: 'capital', amount: 1000, years: [0], confidence: 1 }], [{ item: 'b', kind: 'fiscal', amount: 400, confidence: 1 }]));
    expect(bc.paybackYear).toBe(2);
    close(bc.bcr, 1.6);
    close(bc.switchingValue, 1 - 1 / 1.6); // 0.375: benefits can fall by 37.5 %
    // Costs that start later: no payback before there is a cost (cumulative costs must be > 0).
    const later = businessCase(cfg({ discountRate: 0, years: 3 }), ini([{ item: 'c', kind: 'capital', amount: 10, years: [2], confidence: 1 }], [{ item: 'b', kind: 'fiscal', amount: 5, confidence: 1 }]));
    expect(later.paybackYear).toBe(2);
  });

  it('cashable and non-cashable fiscal benefits are split', () => {
    const bc = businessCase(
      cfg({ discountRate: 0, years: 1 }),
      ini([{ item: 'c', kind: 'revenue', amount: 100, confidence: 1 }], [
        { item: 'a', kind: 'fiscal', cashable: true, amount: 30, confidence: 1 },
        { item: 'b', kind: 'fiscal', amount: 20, confidence: 1 },
        { item: 's', kind: 'social', amount: 50, confidence: 1 },
      ]),
    );
    expect([bc.pvCashable, bc.pvNonCashable, bc.pvFiscal, bc.pvSocial, bc.pvBenefits]).toEqual([30, 20, 50, 50, 100]);
    expect(bc.bcr).toBe(1);
    expect(bc.bcrFiscal).toBe(0.5);
    expect(bc.switchingValue).toBe(0);
    expect(bc.years[0]).toMatchObject({ fiscal: 50, cashable: 30, nonCashable: 20, social: 50, net: 0 });
  });

  it('a zero BCR has no switching value', () => {
    const bc = businessCase(cfg({ years: 1 }), ini([{ item: 'c', kind: 'revenue', amount: 100 }]));
    expect(bc.bcr).toBe(0);
    expect(bc.switchingValue).toBeNull();
  });

  it('sensitivity: BCR at the discount rate ±2 points and one grade worse (capped at 6)', () => {
    // r = 0 → lower rate floors at 0. Cost 100 grade 6 (stays 6: +40 %), benefit 100 grade 1 → 2 (−5 %).
    const c = cfg({ discountRate: 0, years: 1 });
    const i = ini([{ item: 'c', kind: 'revenue', amount: 100, confidence: 6 }], [{ item: 'b', kind: 'social', amount: 100, confidence: 1 }]);
    close(bcrAt(c, i, { gradeShift: 1 }), 95 / 140);
    const s = caseSensitivity(c, i);
    expect(s.lowerRate.discountRate).toBe(0);
    close(s.higherRate.discountRate, 0.02);
    close(s.oneGradeWorse.bcr, 95 / 140);
    close(s.bcr, 100 / 140);
    // A later benefit loses more at a higher rate: 2 years, cost in year 0, benefit in year 1.
    const c2 = cfg({ discountRate: 0.035, years: 2 });
    const i2 = ini([{ item: 'c', kind: 'capital', amount: 100, years: [0], confidence: 1 }], [{ item: 'b', kind: 'social', amount: 110, years: [1], confidence: 1 }]);
    close(bcrAt(c2, i2, { discountRate: 0.055 }), 1.1 / 1.055);
    close(bcrAt(c2, i2, { discountRate: 0.015 }), 1.1 / 1.015);
  });

  it('year labels are financial years when a start year is set', () => {
    expect(yearLabel({ startYear: 2026 }, 0)).toBe('2026/27');
    expect(yearLabel({ startYear: 2099 }, 0)).toBe('2099/00');
    expect(yearLabel({ startYear: null }, 3)).toBe('Year 3');
    const bc = businessCase(cfg({ startYear: 2026, years: 2 }), ini());
    expect(bc.years.map((y) => y.label)).toEqual(['2026/27', '2027/28']);
  });

  it('formats ratios with two decimals and money in en-GB', () => {
    expect(formatRatio(1.5)).toBe('1.50');
    expect(formatRatio(1234.567)).toBe('1234.57');
    expect(formatRatio(null)).toBe('not defined');
    expect(formatRatio(-0.001)).toBe('0.00');
    expect(formatRatio(1.005)).toBe('1.01');
    expect(formatMoney(12345.6, 'GBP')).toBe('£12,346');
    expect(formatMoney(-0.2, 'GBP')).toBe('£0');
    expect(formatMoney(-1234.4, 'GBP')).toBe('−£1,234');
    expect(formatMoney(12.5, 'EUR', { exact: true })).toBe('€12.50');
    expect(formatMoney(null, 'GBP')).toBe('not defined');
    // Half away from zero, the same either side of 0: −12.35 % is −12.4 %, like 12.35 %.
    expect(formatPercent(-0.1235, 1)).toBe('−12.4%');
    expect(formatPercent(0.1235, 1)).toBe('12.4%');
    expect(formatPercent(-0.0001)).toBe('0%');
    expect(formatPercent(0.2)).toBe('20%');
    // The documents' helpers are these very functions: one formatter for terminal and documents.
    expect(engine.formatMoney).toBe(formatMoney);
    expect(engine.formatPercent).toBe(formatPercent);
    expect(engine.formatRatio).toBe(formatRatio);
  });
});

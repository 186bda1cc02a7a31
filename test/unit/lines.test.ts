import { describe, expect, it } from 'vitest';
import { buildBenefitLine, buildCostLine, describeLine, lineRules, parseLinePriceYear, priceBaseRules, type LineProblem } from '../../src/core/lines.js';
import { validatePortfolio } from '../../src/core/validate.js';

const PERIOD = 5;
/** The configuration the builders need: no price base. */
const CFG = { years: PERIOD, priceYear: null, deflators: {} };

const manifest = {
  schema: 'costar/v1',
  name: 'Test',
  organisation: 'Test Council',
  serviceAreas: [{ id: 'care' }],
  appraisal: { years: PERIOD },
};

/** validate's diagnostics about the business case of one initiative holding these lines. */
function validateLines(costs: unknown[], benefits: unknown[], appraisal: Record<string, unknown> = {}) {
  const ini = { id: 'a', title: 'A', serviceArea: 'care', status: 'running', focus: { businessCase: { costs, benefits } } };
  return validatePortfolio([
    { file: 'costar.yaml', kind: 'manifest', value: { ...manifest, appraisal: { ...manifest.appraisal, ...appraisal } } },
    { file: 'initiatives/a.yaml', kind: 'initiative', stem: 'a', value: ini },
  ]).filter((d) => d.file === 'initiatives/a.yaml');
}

const codes = (ps: Array<{ code: string }>) => ps.map((p) => p.code).sort();
const at = (list: 'costs' | 'benefits', i = 0) => ['focus', 'businessCase', list, i];

describe('lineRules', () => {
  it('passes a good cost line and a good benefit line', () => {
    expect(lineRules('costs', { item: 'x', kind: 'revenue', amount: 5, years: [0, 1, 4] }, PERIOD, at('costs'))).toEqual([]);
    expect(lineRules('benefits', { item: 'x', kind: 'fiscal', cashable: true, cohort: 3, unitValue: 2 }, PERIOD, at('benefits'))).toEqual([]);
  });

  it('duplicate-year: each year once, naming the list', () => {
    const ps = lineRules('costs', { years: [0, 1, 1] }, PERIOD, at('costs', 2));
    expect(ps).toEqual([
      { severity: 'error', code: 'duplicate-year', message: 'year 1 is listed twice in focus.businessCase.costs[2].years; list each year once', path: ['focus', 'businessCase', 'costs', 2, 'years', 2], at: 'value', fields: ['years'] },
    ]);
  });

  it('year-out-of-range: inside the appraisal period', () => {
    const ps = lineRules('benefits', { amount: 1, years: [0, 5] }, PERIOD, at('benefits'));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ code: 'year-out-of-range', message: 'year 5 is outside the appraisal period 0–4 (appraisal.years is 5); use 0 to 4', path: [...at('benefits'), 'years', 1] });
  });

  it('leaves values that are not whole years to the schema', () => {
    expect(lineRules('costs', { years: [-1, 1.5, 'x'] }, PERIOD, at('costs'))).toEqual([]);
    expect(lineRules('costs', { years: 'x' }, PERIOD, at('costs'))).toEqual([]);
  });

  it('amount-and-cohort: never both', () => {
    const ps = lineRules('benefits', { kind: 'social', amount: 1, cohort: 2, unitValue: 3 }, PERIOD, at('benefits'));
    expect(ps).toEqual([
      { severity: 'error', code: 'amount-and-cohort', message: 'a benefit gives amount or cohort with unitValue, never both; remove one of them', path: [...at('benefits'), 'cohort'], at: 'key', fields: ['amount', 'cohort'] },
    ]);
  });

  it('benefit-without-value: an amount, or a cohort with a unit value', () => {
    const none = lineRules('benefits', { item: 'Fewer visits', kind: 'social' }, PERIOD, at('benefits'));
    expect(none).toEqual([
      { severity: 'error', code: 'benefit-without-value', message: 'benefit "Fewer visits" has no value; add amount (or cohort and unitValue)', path: at('benefits'), at: 'value', fields: ['amount', 'cohort', 'unitValue'] },
    ]);
    expect(lineRules('benefits', { item: 'x', cohort: 2 }, PERIOD, at('benefits'))[0]).toMatchObject({ code: 'benefit-without-value', message: 'benefit "x" has no value; add unitValue', fields: ['unitValue'] });
    expect(lineRules('benefits', { item: 'x', unitValue: 2 }, PERIOD, at('benefits'))[0]).toMatchObject({ code: 'benefit-without-value', message: 'benefit "x" has no value; add cohort', fields: ['cohort'] });
    // Costs have no such rule: a missing amount is the schema's to report.
    expect(lineRules('costs', { item: 'x' }, PERIOD, at('costs'))).toEqual([]);
  });

  it('cashable-not-fiscal: a warning on a cashable benefit that is not fiscal', () => {
    const ps = lineRules('benefits', { kind: 'social', cashable: true, amount: 1 }, PERIOD, at('benefits'));
    expect(ps).toEqual([
      { severity: 'warning', code: 'cashable-not-fiscal', message: 'cashable applies to fiscal benefits only, but this one is social; remove cashable or make the kind fiscal', path: [...at('benefits'), 'cashable'], at: 'key', fields: ['cashable', 'kind'] },
    ]);
    expect(lineRules('benefits', { kind: 'fiscal', cashable: true, amount: 1 }, PERIOD, at('benefits'))).toEqual([]);
    expect(lineRules('benefits', { cashable: true, amount: 1 }, PERIOD, at('benefits'))).toEqual([]);
  });
});

describe('validate and lines agree', () => {
  const cases: Array<[string, 'costs' | 'benefits', Record<string, unknown>]> = [
    ['a duplicate year', 'costs', { item: 'x', kind: 'revenue', amount: 5, years: [1, 1] }],
    ['a year past the period', 'costs', { item: 'x', kind: 'revenue', amount: 5, years: [7] }],
    ['amount and cohort', 'benefits', { item: 'x', kind: 'social', amount: 1, cohort: 2, unitValue: 3 }],
    ['no value', 'benefits', { item: 'x', kind: 'social' }],
    ['a cohort without a unit value', 'benefits', { item: 'x', kind: 'social', cohort: 2 }],
    ['cashable on a social benefit', 'benefits', { item: 'x', kind: 'social', amount: 1, cashable: true }],
    ['a good benefit', 'benefits', { item: 'x', kind: 'fiscal', amount: 1, cashable: true, years: [0, 4] }],
  ];
  for (const [what, list, line] of cases) {
    it(`${what}: the same codes, messages and places`, () => {
      const fromValidate = validateLines(list === 'costs' ? [line] : [], list === 'benefits' ? [line] : []);
      const fromLines: LineProblem[] = lineRules(list, line, PERIOD, at(list));
      expect(fromValidate.map((d) => [d.code, d.severity, d.message, d.path])).toEqual(fromLines.map((p) => [p.code, p.severity, p.message, p.path]));
    });
  }

  it('a line the builders accept passes validate; one they refuse does not', () => {
    const cost = buildCostLine(CFG, { item: 'Coordinator', kind: 'revenue', amount: '12000', years: '0,1,2', payer: 'council', confidence: '3', priceYear: '2025' });
    const benefit = buildBenefitLine(CFG, { item: 'Visits', kind: 'fiscal', cashable: true, cohort: '40', unitValue: '250', engagement: '0.8', success: '0.5', deadweight: '0.2', dropOff: '0.1', years: '1,2', confidence: 5 });
    expect(cost.problems).toEqual([]);
    expect(benefit.problems).toEqual([]);
    expect(validateLines([cost.line], [benefit.line])).toEqual([]);
    // Bad values the builders refuse are refused by validate too (the schema's ranges).
    const bad: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ amount: -5 }, { amount: '-5' }],
      [{ deadweight: 1.2 }, { deadweight: '1.2' }],
      [{ confidence: 7 }, { confidence: '7' }],
      [{ confidence: 2.5 }, { confidence: '2.5' }],
      [{ priceYear: 25 }, { priceYear: '25' }],
      [{ years: [0, 0] }, { years: '0,0' }],
      [{ years: [5] }, { years: '5' }],
    ];
    for (const [value, raw] of bad) {
      const line = { item: 'x', kind: 'social', amount: 1, ...value };
      expect(validateLines([], [line]).filter((d) => d.severity === 'error').length, JSON.stringify(value)).toBeGreaterThan(0);
      expect(buildBenefitLine(CFG, { item: 'x', kind: 'social', amount: '1', ...raw }).problems.length, JSON.stringify(raw)).toBeGreaterThan(0);
    }
  });
});

describe('buildCostLine', () => {
  it('parses raw text into a line in the canonical key order', () => {
    const b = buildCostLine(CFG, { priceYear: '2025', payer: ' council ', years: '2,0', amount: ' 16000 ', kind: 'revenue', item: ' Broker ', confidence: '3' });
    expect(b.problems).toEqual([]);
    expect(b.line).toEqual({ item: 'Broker', kind: 'revenue', amount: 16000, years: [0, 2], payer: 'council', confidence: 3, priceYear: 2025 });
    expect(Object.keys(b.line)).toEqual(['item', 'kind', 'amount', 'years', 'payer', 'confidence', 'priceYear']);
  });

  it('leaves out blank optional text', () => {
    expect(buildCostLine(CFG, { item: 'x', kind: 'capital', amount: 1, payer: '  ' }).line).toEqual({ item: 'x', kind: 'capital', amount: 1 });
  });

  it('names each bad value by its field, with the parser message', () => {
    const b = buildCostLine(CFG, { item: 'x', kind: 'revenu', amount: 'abc', years: '0-2', confidence: '7', priceYear: '25' });
    expect(b.problems.map((p) => [p.code, p.fields])).toEqual([
      ['bad-value', ['kind']],
      ['bad-value', ['amount']],
      ['bad-value', ['years']],
      ['bad-value', ['confidence']],
      ['bad-value', ['priceYear']],
    ]);
    expect(b.problems[0]!.message).toBe('"revenu" is not a kind of cost; did you mean "revenue"?');
    expect(b.problems[1]!.message).toBe('"abc" is not a number; give an amount per year, e.g. 12000 or 12,000');
  });

  it('reports each required field not given as missing-field', () => {
    const b = buildCostLine(CFG, {});
    expect(b.problems.map((p) => [p.code, p.fields[0]])).toEqual([
      ['missing-field', 'item'],
      ['missing-field', 'kind'],
      ['missing-field', 'amount'],
    ]);
    // A value given but bad is not also missing.
    expect(codes(buildCostLine(CFG, { item: 'x', kind: 'revenue', amount: '-1' }).problems)).toEqual(['bad-value']);
  });
});

describe('buildBenefitLine', () => {
  it('builds a cohort line with every share, in the canonical key order', () => {
    const b = buildBenefitLine(CFG, {
      priceYear: '2025', source: 'PSSRU', confidence: '5', years: '1,2,3', dropOff: '0.1', attribution: '0.1', displacement: '0', deadweight: '0.3', success: '0.2', engagement: '0.5', unitValue: '30', cohort: '100', beneficiary: 'nhs', cashable: true, kind: 'fiscal', item: 'Fewer GP visits',
    });
    expect(b.problems).toEqual([]);
    expect(Object.keys(b.line)).toEqual(['item', 'kind', 'cashable', 'beneficiary', 'cohort', 'unitValue', 'engagement', 'success', 'deadweight', 'displacement', 'attribution', 'dropOff', 'years', 'confidence', 'source', 'priceYear']);
    expect(b.line.displacement).toBe(0);
  });

  it('applies the rules validate applies', () => {
    expect(codes(buildBenefitLine(CFG, { item: 'x', kind: 'social', amount: '5', cohort: '2', unitValue: '3' }).problems)).toEqual(['amount-and-cohort']);
    expect(buildBenefitLine(CFG, { item: 'x', kind: 'social', cohort: '2' }).problems).toMatchObject([{ code: 'benefit-without-value', fields: ['unitValue'] }]);
    expect(buildBenefitLine(CFG, { item: 'x', kind: 'social' }).problems).toMatchObject([{ code: 'benefit-without-value', fields: ['amount', 'cohort', 'unitValue'] }]);
    expect(buildBenefitLine(CFG, { item: 'x', kind: 'social', amount: '5', cashable: true }).problems).toMatchObject([{ code: 'cashable-not-fiscal', severity: 'warning' }]);
  });

  it('refuses engagement or success on an amount (an input rule)', () => {
    expect(buildBenefitLine(CFG, { item: 'x', kind: 'social', amount: '5', engagement: '0.5' }).problems).toMatchObject([{ code: 'bad-value', fields: ['engagement', 'success'] }]);
  });

  it('checks every share from 0 to 1, naming it', () => {
    for (const key of ['engagement', 'success', 'deadweight', 'displacement', 'attribution', 'dropOff'] as const) {
      const b = buildBenefitLine(CFG, { item: 'x', kind: 'social', cohort: '1', unitValue: '1', [key]: '1.2' });
      expect(b.problems).toMatchObject([{ code: 'bad-value', fields: [key] }]);
      expect(b.problems[0]!.message).toMatch(/1\.2 is out of range; give .* as a share from 0 to 1/);
    }
  });

  it('takes values already parsed (prompt answers) as well as text', () => {
    expect(buildBenefitLine(CFG, { item: 'x', kind: 'economic', amount: 1500.5, confidence: 2, years: [3, 1] }).line).toEqual({ item: 'x', kind: 'economic', amount: 1500.5, years: [1, 3], confidence: 2 });
  });
});

describe('price bases', () => {
  const based = { years: PERIOD, priceYear: 2025, deflators: { 2025: 100, 2023: 92 } };
  const line = (priceYear: number) => ({ item: 'x', kind: 'revenue', amount: 1, priceYear });

  it('missing-deflator: with a price base, a line in another year needs both indices (validate and lines agree)', () => {
    const bc = { costs: [line(2025), line(2023), line(2019)] };
    const ps = priceBaseRules(based, bc);
    expect(ps.map((p) => [p.code, p.severity, p.path])).toEqual([['missing-deflator', 'error', ['focus', 'businessCase', 'costs', 2, 'priceYear']]]);
    expect(ps[0]!.message).toMatch(/^this line is in 2019 prices and is re-based to the appraisal's 2025 prices, but appraisal.deflators in costar.yaml has no index for 2019; add 2019: <index>/);
    const v = validateLines(bc.costs, [], { priceYear: 2025, deflators: { 2025: 100, 2023: 92 } });
    expect(v.map((d) => [d.code, d.severity, d.message, d.path])).toEqual(ps.map((p) => [p.code, p.severity, p.message, p.path]));
  });

  it('mixed-price-years: without a price base, lines in different years are a warning (validate and lines agree)', () => {
    const bc = { costs: [line(2024)], benefits: [{ item: 'y', kind: 'social', amount: 1, priceYear: 2025 }] };
    const ps = priceBaseRules({ years: PERIOD, priceYear: null, deflators: {} }, bc);
    expect(ps.map((p) => [p.code, p.severity, p.path])).toEqual([['mixed-price-years', 'warning', ['focus', 'businessCase', 'benefits', 0, 'priceYear']]]);
    const v = validateLines(bc.costs, bc.benefits);
    expect(v.map((d) => [d.code, d.severity, d.message, d.path])).toEqual(ps.map((p) => [p.code, p.severity, p.message, p.path]));
    expect(priceBaseRules({ years: PERIOD, priceYear: null, deflators: {} }, { costs: [line(2024), line(2024)] })).toEqual([]);
  });

  it('a new line is refused when the price base cannot re-base its year; prompts check the same', () => {
    expect(buildCostLine(based, line(2023) as never).problems).toEqual([]);
    expect(buildCostLine(based, { item: 'x', kind: 'revenue', amount: '1', priceYear: '2019' }).problems).toMatchObject([{ code: 'missing-deflator', fields: ['priceYear'] }]);
    expect(parseLinePriceYear(based, '2023')).toEqual({ ok: true, value: 2023 });
    expect(parseLinePriceYear(based, '2019')).toMatchObject({ ok: false, message: expect.stringMatching(/no index for 2019/) });
    expect(parseLinePriceYear(based, '2101')).toMatchObject({ ok: false, message: '2101 is out of range; give a price year from 1900 to 2100' });
    // Without a price base any year is taken as entered.
    expect(parseLinePriceYear(CFG, '2019')).toEqual({ ok: true, value: 2019 });
  });
});

describe('UK input in lines, and what was read (issue 13)', () => {
  const UK = { ...CFG, currency: 'GBP', startYear: 2026 };
  it('a cost line takes £12,000 and financial years, and says what it read', () => {
    const b = buildCostLine(UK, { item: 'Broker', kind: 'revenue', amount: '£12,000', years: '2026/27,2027' });
    expect(b.problems).toEqual([]);
    expect(b.line).toMatchObject({ amount: 12000, years: [0, 1] });
    expect(describeLine(UK, b.line)).toBe('£12,000 a year in 2026/27, 2027/28');
    expect(buildCostLine(UK, { item: 'x', kind: 'revenue', amount: '$5' }).problems[0]!.message).toMatch(/"\$" is not the sign of the portfolio's currency \(£\)/);
  });

  it('a benefit line takes 20% shares and pence, and says what it read', () => {
    const b = buildBenefitLine(UK, { item: 'Visits', kind: 'social', cohort: '1,200', unitValue: '£12.50', engagement: '80%', deadweight: '0.2', dropOff: '12.5%' });
    expect(b.problems).toEqual([]);
    expect(b.line).toMatchObject({ cohort: 1200, unitValue: 12.5, engagement: 0.8, deadweight: 0.2, dropOff: 0.125 });
    expect(describeLine(UK, b.line)).toBe('1,200 people × £12.50 a year in every year; the share who engage 80%, deadweight 20%, the yearly drop-off 12.5%');
    expect(describeLine(CFG, { item: 'x', kind: 'revenue', amount: 5, years: [1], priceYear: 2025 })).toBe('£5 a year in Year 1; 2025 prices');
  });
});

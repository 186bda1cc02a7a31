import { describe, expect, it } from 'vitest';
import { currencySymbol, parseAmount, parseDate, parseGrade, parseNumber, parsePriceYear, parseShare, parseText, parseYears, promptCheck, unwrap } from '../../src/core/values.js';
import { formatDate } from '../../src/core/format.js';

const bad = (r: { ok: boolean; message?: string }) => (r.ok ? undefined : r.message);

describe('parseNumber', () => {
  it('reads plain decimal numbers, with spaces around them', () => {
    for (const [raw, n] of [['12', 12], [' 12.5 ', 12.5], ['-3', -3], ['+4', 4], ['.5', 0.5], ['1e3', 1000], ['7.', 7]] as const) expect(parseNumber(raw, 'n')).toEqual({ ok: true, value: n });
    expect(parseNumber(42, 'n')).toEqual({ ok: true, value: 42 });
  });

  it('refuses what is not a number, with an example when one is given', () => {
    for (const raw of ['', 'abc', '12k', '£5', '1,000', '0x10', 'Infinity', 'NaN', '1e999']) expect(parseNumber(raw, 'n').ok, raw).toBe(false);
    expect(bad(parseNumber('abc', 'an amount', { example: '12000' }))).toBe('"abc" is not a number; give an amount, e.g. 12000');
    expect(bad(parseNumber('abc', 'an amount'))).toBe('"abc" is not a number; give an amount');
  });

  it('checks whole numbers and the range', () => {
    expect(bad(parseNumber('4.5', 'a score', { integer: true }))).toBe('4.5 is not a whole number; give a score');
    expect(bad(parseNumber('-1', 'an amount', { min: 0 }))).toBe('-1 is out of range; give an amount 0 or more');
    expect(bad(parseNumber('7', 'a grade', { min: 1, max: 6 }))).toBe('7 is out of range; give a grade from 1 to 6');
    expect(parseNumber('6', 'a grade', { min: 1, max: 6 })).toEqual({ ok: true, value: 6 });
    expect(parseNumber('1', 'a grade', { min: 1, max: 6 })).toEqual({ ok: true, value: 1 });
  });
});

describe('parseAmount, parseShare, parseGrade, parsePriceYear', () => {
  it('parseAmount: 0 or more', () => {
    expect(parseAmount('0')).toEqual({ ok: true, value: 0 });
    expect(parseAmount('1500.5')).toEqual({ ok: true, value: 1500.5 });
    expect(bad(parseAmount('-5', 'an amount per year'))).toBe('-5 is out of range; give an amount per year 0 or more');
    expect(bad(parseAmount('12k'))).toBe('"12k" is not a number; give an amount, e.g. 12000 or 12,000');
  });

  it('parseShare: 0 to 1, named', () => {
    expect(parseShare('0', 'deadweight')).toEqual({ ok: true, value: 0 });
    expect(parseShare('1', 'deadweight')).toEqual({ ok: true, value: 1 });
    expect(bad(parseShare('1.2', 'deadweight'))).toBe('1.2 is out of range; give deadweight as a share from 0 to 1, e.g. 0.2 or 20%');
    expect(parseShare('20%', 'deadweight')).toEqual({ ok: true, value: 0.2 });
  });

  it('parseGrade: a whole number from 1 to 6', () => {
    expect(parseGrade('3')).toEqual({ ok: true, value: 3 });
    expect(parseGrade(5)).toEqual({ ok: true, value: 5 });
    expect(bad(parseGrade('0'))).toBe('0 is out of range; give a confidence grade from 1 to 6');
    expect(bad(parseGrade('2.5'))).toBe('2.5 is not a whole number; give a confidence grade');
  });

  it('parsePriceYear: a whole year from 1900 to 2100', () => {
    expect(parsePriceYear('2025')).toEqual({ ok: true, value: 2025 });
    expect(bad(parsePriceYear('2101'))).toBe('2101 is out of range; give a price year from 1900 to 2100');
    expect(bad(parsePriceYear('25'))).toBe('25 is out of range; give a price year from 1900 to 2100');
    expect(bad(parsePriceYear('twenty'))).toBe('"twenty" is not a number; give a price year, e.g. 2026');
  });
});

describe('parseYears', () => {
  it('reads a comma list into sorted years of the period', () => {
    expect(parseYears('0,1,2', 5)).toEqual({ ok: true, value: [0, 1, 2] });
    expect(parseYears(' 4 , 0 ', 5)).toEqual({ ok: true, value: [0, 4] });
    expect(parseYears([3, 1], 5)).toEqual({ ok: true, value: [1, 3] });
  });

  it('refuses what is not a list of whole years, a year outside the period, a year twice', () => {
    expect(bad(parseYears('0-2', 5))).toBe('"0-2" is not a list of years; give whole numbers from 0 to 4 separated by commas, e.g. 0,1,2');
    expect(bad(parseYears('1.5', 5))).toMatch(/is not a list of years/);
    expect(bad(parseYears('', 5))).toMatch(/is not a list of years/);
    expect(bad(parseYears('-1', 5))).toMatch(/is not a list of years/);
    expect(bad(parseYears('0,5', 5))).toBe('year 5 is outside the appraisal period of 5 years (0 to 4)');
    expect(bad(parseYears('1', 1))).toBe('year 1 is outside the appraisal period of 1 year (0 to 0)');
    expect(bad(parseYears('1,1', 5))).toBe('year 1 is given twice');
  });
});

describe('parseText and promptCheck', () => {
  it('parseText trims and refuses blank text', () => {
    expect(parseText('  Coordinator ', 'the item')).toEqual({ ok: true, value: 'Coordinator' });
    expect(bad(parseText('   ', 'the item'))).toBe('give the item');
  });

  it('promptCheck turns a parser into a prompt check with a capital letter', () => {
    const check = promptCheck((s) => parseShare(s, 'deadweight'));
    expect(check('0.2')).toBe(true);
    expect(check('2')).toBe('2 is out of range; give deadweight as a share from 0 to 1, e.g. 0.2 or 20%');
    expect(promptCheck((s) => parseText(s, 'the item'))('')).toBe('Give the item');
  });

  it('unwrap gives the value or the error made of the message', () => {
    expect(unwrap(parseGrade('2'), (m) => new Error(m))).toBe(2);
    expect(() => unwrap(parseGrade('9'), (m) => new Error(`--confidence: ${m}`))).toThrow('--confidence: 9 is out of range; give a confidence grade from 1 to 6');
  });
});

describe('UK input (issue 13)', () => {
  it('currencySymbol: the symbol en-GB writes for the code', () => {
    expect(currencySymbol('GBP')).toBe('£');
    expect(currencySymbol('EUR')).toBe('€');
  });

  it('parseAmount takes 12000, 12,000, £12,000 and 12000.50 (the portfolio currency only)', () => {
    for (const raw of ['12000', '12,000', '£12,000', '£12000', ' £ 12,000 ', '12000.00']) expect(parseAmount(raw, 'an amount', 'GBP'), raw).toEqual({ ok: true, value: 12000 });
    expect(parseAmount('12000.50', 'an amount', 'GBP')).toEqual({ ok: true, value: 12000.5 });
    expect(parseAmount('1,250,000.75', 'an amount', 'GBP')).toEqual({ ok: true, value: 1250000.75 });
    expect(parseAmount('€12,000', 'an amount', 'EUR')).toEqual({ ok: true, value: 12000 });
    expect(parseAmount('12,000')).toEqual({ ok: true, value: 12000 });
  });

  it('parseAmount refuses another currency, bad grouping, units, exponents and negatives', () => {
    expect(bad(parseAmount('$12,000', 'an amount', 'GBP'))).toBe('"$12,000" is not an amount in GBP: "$" is not the sign of the portfolio\'s currency (£); give an amount, e.g. 12000, 12,000 or £12,000');
    expect(bad(parseAmount('€5', 'an amount', 'GBP'))).toMatch(/"€" is not the sign of the portfolio's currency \(£\)/);
    expect(bad(parseAmount('£5', 'an amount'))).toMatch(/"£" is not part of a number/);
    expect(bad(parseAmount('12,00', 'an amount', 'GBP'))).toBe('"12,00" is not an amount: commas must group thousands (12,000 or 1,250,000); give an amount, e.g. 12000, 12,000 or £12,000');
    for (const raw of ['1,2000', '12,000,0', ',000', '12k', '£', '1e3', '12 000', 'GBP 12000', '£12,000£']) expect(parseAmount(raw, 'an amount', 'GBP').ok, raw).toBe(false);
    expect(bad(parseAmount('-£5', 'an amount', 'GBP'))).toBe('-5 is out of range; give an amount 0 or more');
  });

  it('parseShare takes 0.2 and 20% (also 20 % and 12.5%), refuses a bare 20 and over 100%', () => {
    expect(parseShare('0.2', 'deadweight')).toEqual({ ok: true, value: 0.2 });
    expect(parseShare('20%', 'deadweight')).toEqual({ ok: true, value: 0.2 });
    expect(parseShare(' 20 % ', 'deadweight')).toEqual({ ok: true, value: 0.2 });
    expect(parseShare('12.5%', 'deadweight')).toEqual({ ok: true, value: 0.125 });
    expect(parseShare('33.3%', 'deadweight')).toEqual({ ok: true, value: 0.333 });
    expect(parseShare('0%', 'deadweight')).toEqual({ ok: true, value: 0 });
    expect(parseShare('100%', 'deadweight')).toEqual({ ok: true, value: 1 });
    expect(bad(parseShare('20', 'deadweight'))).toBe('20 is out of range; give deadweight as a share from 0 to 1, e.g. 0.2 or 20%');
    expect(bad(parseShare('120%', 'deadweight'))).toBe('120% is out of range; give deadweight as a share from 0 to 1 (0% to 100%)');
    expect(bad(parseShare('-5%', 'deadweight'))).toMatch(/out of range/);
    expect(bad(parseShare('lots%', 'deadweight'))).toBe('"lots%" is not a percentage; give deadweight as a share, e.g. 0.2 or 20%');
    expect(parseShare('%', 'deadweight').ok).toBe(false);
  });

  it('parseDate takes 2027-06-30 and 30/06/2027 (also 1/7/2027) as YYYY-MM-DD', () => {
    expect(parseDate('2027-06-30')).toEqual({ ok: true, value: '2027-06-30' });
    expect(parseDate(' 30/06/2027 ')).toEqual({ ok: true, value: '2027-06-30' });
    expect(parseDate('1/7/2027')).toEqual({ ok: true, value: '2027-07-01' });
    expect(parseDate('29/02/2028')).toEqual({ ok: true, value: '2028-02-29' });
  });

  it('parseDate refuses impossible dates, month-first and other forms, listing the accepted ones', () => {
    const forms = 'write it as 2027-06-30 or 30/06/2027 (day/month/year)';
    expect(bad(parseDate('31/02/2027'))).toBe(`"31/02/2027" is not a real date; give a date: ${forms}`);
    expect(bad(parseDate('2027-02-31'))).toBe(`"2027-02-31" is not a real date; give a date: ${forms}`);
    expect(bad(parseDate('29/02/2027'))).toMatch(/is not a real date/);
    expect(bad(parseDate('06/30/2027'))).toBe(`"06/30/2027" looks like month/day/year; give a date with the day first: ${forms}, e.g. 30/06/2027 is 2027-06-30`);
    expect(bad(parseDate('30/06/27'))).toBe(`"30/06/27" has a two-figure year; give a date with the year in full: ${forms}`);
    expect(bad(parseDate('13/13/2027'))).toMatch(/is not a real date/);
    for (const raw of ['', '2027/06/30', '30-06-2027', '30.06.2027', '30 June 2027', '2027-6-30', 'tomorrow']) expect(bad(parseDate(raw)), raw).toBe(`${JSON.stringify(raw)} is not a date; give a date: ${forms}`);
    expect(bad(parseDate('x', 'the review date'))).toMatch(/give the review date: /);
  });

  it('formatDate: 30 June 2027', () => {
    expect(formatDate('2027-06-30')).toBe('30 June 2027');
    expect(formatDate('2028-01-01')).toBe('1 January 2028');
    expect(formatDate('soon')).toBe('soon');
  });

  it('parseYears takes financial years when the appraisal has a start year', () => {
    expect(parseYears('2026/27,2028/29', 5, 2026)).toEqual({ ok: true, value: [0, 2] });
    expect(parseYears('2027', 5, 2026)).toEqual({ ok: true, value: [1] });
    expect(parseYears('2030/2031, 0', 5, 2026)).toEqual({ ok: true, value: [0, 4] });
    expect(parseYears('0,1', 5, 2026)).toEqual({ ok: true, value: [0, 1] });
    expect(parseYears('2026/27', 5, null).ok).toBe(false);
  });

  it('parseYears refuses financial years outside the period, wrongly paired, twice, or without a start year', () => {
    expect(bad(parseYears('2031/32', 5, 2026))).toBe('2031/32 is outside the appraisal period 2026/27 to 2030/31 (years 0 to 4)');
    expect(bad(parseYears('2025', 5, 2026))).toBe('2025/26 is outside the appraisal period 2026/27 to 2030/31 (years 0 to 4)');
    expect(bad(parseYears('2026/28', 5, 2026))).toBe('"2026/28" is not a financial year; a financial year runs from one year into the next, e.g. 2026/27');
    expect(bad(parseYears('2026/27,0', 5, 2026))).toBe('year 0 is given twice');
    expect(bad(parseYears('2026/27', 5))).toBe('"2026/27" is a financial year, but costar.yaml sets no appraisal.startYear; give whole numbers from 0 to 4 separated by commas, e.g. 0,1,2');
    expect(bad(parseYears('next year', 5, 2026))).toBe('"next year" is not a list of years; give whole numbers from 0 to 4 separated by commas, e.g. 0,1,2; or financial years from 2026/27 to 2030/31, e.g. 2026/27 or 2026');
  });
});

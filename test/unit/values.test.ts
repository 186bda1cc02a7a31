import { describe, expect, it } from 'vitest';
import { parseAmount, parseGrade, parseNumber, parsePriceYear, parseShare, parseText, parseYears, promptCheck, unwrap } from '../../src/core/values.js';

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
    expect(bad(parseAmount('12k'))).toBe('"12k" is not a number; give an amount, e.g. 12000');
  });

  it('parseShare: 0 to 1, named', () => {
    expect(parseShare('0', 'deadweight')).toEqual({ ok: true, value: 0 });
    expect(parseShare('1', 'deadweight')).toEqual({ ok: true, value: 1 });
    expect(bad(parseShare('1.2', 'deadweight'))).toBe('1.2 is out of range; give deadweight as a share from 0 to 1');
    expect(bad(parseShare('20%', 'deadweight'))).toBe('"20%" is not a number; give deadweight as a share, e.g. 0.2 for 20 %');
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
    expect(check('2')).toBe('2 is out of range; give deadweight as a share from 0 to 1');
    expect(promptCheck((s) => parseText(s, 'the item'))('')).toBe('Give the item');
  });

  it('unwrap gives the value or the error made of the message', () => {
    expect(unwrap(parseGrade('2'), (m) => new Error(m))).toBe(2);
    expect(() => unwrap(parseGrade('9'), (m) => new Error(`--confidence: ${m}`))).toThrow('--confidence: 9 is out of range; give a confidence grade from 1 to 6');
  });
});

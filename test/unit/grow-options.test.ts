import { describe, expect, it } from 'vitest';
import { addIndicatorOptions, asOfOption, checkOptions, readingOptions, reviewOptions, today } from '../../src/cli/commands/grow/options.js';

/** The usage error a parse throws: its code, message, hint and exit code. */
function thrown(f: () => unknown) {
  try {
    f();
  } catch (e) {
    const x = e as { code: string; message: string; hint?: string; exitCode: number };
    return { code: x.code, message: x.message, hint: x.hint, exitCode: x.exitCode };
  }
  throw new Error('expected a usage error');
}

describe('grow options, typed', () => {
  it('add-indicator: parses what is given and leaves the rest undefined', () => {
    expect(addIndicatorOptions({ name: ' Proud ', kind: 'outcome', unit: ' % ', baseline: '48', target: '65', coDesigned: true })).toEqual({ name: 'Proud', kind: 'outcome', unit: '%', baseline: 48, target: 65, coDesigned: true });
    expect(addIndicatorOptions({})).toEqual({ name: undefined, kind: undefined, unit: undefined, baseline: undefined, target: undefined, coDesigned: undefined });
    expect(thrown(() => addIndicatorOptions({ name: 'X', baseline: '12%' }))).toEqual({ code: 'bad-value', message: '--baseline "12%" is not a number', hint: 'For example: --baseline 42 or --baseline 12.5', exitCode: 2 });
    expect(thrown(() => addIndicatorOptions({ name: ' ' })).message).toBe('--name is empty: give the indicator a name');
  });

  it('reading and review: dates are bad-date, values and reviewers bad-value, all exit 2', () => {
    const asOf = '2027-06-30';
    expect(readingOptions({ indicator: 'walks held', date: '2027-01-31', value: '31.5', asOf })).toEqual({ indicator: 'walks held', date: '2027-01-31', value: 31.5, asOf, allowFuture: false });
    expect(thrown(() => readingOptions({ date: '2027-02-29', asOf }))).toMatchObject({ code: 'bad-date', message: '--date "2027-02-29" is not a real date; give a date: write it as 2027-06-30 or 30/06/2027 (day/month/year)', exitCode: 2 });
    expect(thrown(() => readingOptions({ value: 'lots', asOf }))).toMatchObject({ code: 'bad-value', message: '--value "lots" is not a number' });
    expect(reviewOptions({ date: '2026-11-20', by: 'staff, users', asOf })).toEqual({ date: '2026-11-20', by: ['users', 'staff'], asOf, allowFuture: false });
    expect(thrown(() => reviewOptions({ by: 'users,staf', asOf })).message).toMatch(/did you mean "staff"\?$/);
  });

  it('reading and review: a date after the as-of date is future-date (exit 2) unless --allow-future', () => {
    const future = { code: 'future-date', message: '--date 2027-07-01 is after 2027-06-30, the as-of date: readings and reviews record what has happened; nothing was changed', exitCode: 2 };
    expect(thrown(() => readingOptions({ date: '01/07/2027', asOf: '2027-06-30' }))).toMatchObject(future);
    expect(thrown(() => reviewOptions({ date: '2027-07-01', asOf: '2027-06-30' }))).toMatchObject(future);
    expect(thrown(() => reviewOptions({ date: '2027-07-01', asOf: '2027-06-30' })).hint).toContain('--allow-future');
    // The as-of day itself is not the future.
    expect(readingOptions({ date: '2027-06-30', asOf: '2027-06-30' }).date).toBe('2027-06-30');
    expect(readingOptions({ date: '2027-07-01', asOf: '2027-06-30', allowFuture: true })).toMatchObject({ date: '2027-07-01', allowFuture: true });
    expect(reviewOptions({ date: '2030-01-01', asOf: '2027-06-30', allowFuture: true }).date).toBe('2030-01-01');
  });

  it('the as-of date of reading and review: --as-of, else SOURCE_DATE_EPOCH, else today', () => {
    const now = new Date(2027, 0, 5, 12, 0);
    expect(asOfOption({ asOf: '31/03/2027' }, { SOURCE_DATE_EPOCH: '0' }, now)).toBe('2027-03-31');
    expect(asOfOption({}, { SOURCE_DATE_EPOCH: String(Date.UTC(2027, 5, 30) / 1000) }, now)).toBe('2027-06-30');
    expect(asOfOption({}, { SOURCE_DATE_EPOCH: ' ' }, now)).toBe('2027-01-05');
    expect(asOfOption({}, {}, now)).toBe('2027-01-05');
    expect(thrown(() => asOfOption({}, { SOURCE_DATE_EPOCH: 'yesterday' }, now))).toMatchObject({ code: 'bad-date', exitCode: 2 });
    expect(thrown(() => asOfOption({ asOf: 'soon' }, {}, now))).toMatchObject({ code: 'bad-date', message: expect.stringContaining('--as-of "soon"') });
  });

  it('check: --as-of checked, today on this computer\'s calendar otherwise', () => {
    const now = new Date(2027, 0, 5, 23, 59);
    expect(today(now)).toBe('2027-01-05');
    expect(checkOptions({}, now)).toEqual({ asOf: '2027-01-05', json: false });
    expect(checkOptions({ asOf: '2027-03-31', json: true }, now)).toEqual({ asOf: '2027-03-31', json: true });
    // Without --as-of, SOURCE_DATE_EPOCH (as the documents read it), then today.
    expect(checkOptions({}, now, { SOURCE_DATE_EPOCH: '1800000000' })).toEqual({ asOf: '2027-01-15', json: false });
    expect(thrown(() => checkOptions({ asOf: '2027-1-5' })).message).toBe('--as-of "2027-1-5" is not a date; give a date: write it as 2027-06-30 or 30/06/2027 (day/month/year)');
  });
});

import { describe, expect, it } from 'vitest';
import {
  applyGrowChange,
  buildCouncillor,
  buildIndicator,
  buildReading,
  buildReview,
  checkNewIndicatorName,
  findIndicator,
  indicatorEntry,
  isThreeSixty,
  parseCompetencies,
  parseDate,
  parseIndicatorKind,
  parseIndicatorName,
  parseNumber,
  parseReadingDate,
  parseReviewers,
  readingEntry,
  reviewEntry,
  newReview,
  checkNotFuture,
  reviewCount,
  uncoveredWards,
  type Checked,
} from '../../src/core/grow-input.js';
import { isGrowing } from '../../src/core/grow.js';
import type { Initiative } from '../../src/core/schema.js';

function walks(): Initiative {
  return {
    id: 'walks',
    title: 'Walks',
    serviceArea: 'care',
    status: 'running',
    wards: ['north', 'south', 'east'],
    grow: {
      indicators: [
        { name: 'Less isolated', kind: 'outcome', unit: '%', baseline: 40, target: 60, coDesigned: true },
        { name: 'Walks held', kind: 'process', target: 40 },
      ],
      readings: [
        { indicator: 'Walks held', date: '2026-09-30', value: 47 },
        { indicator: 'Less isolated', date: '2026-12-31', value: 48 },
      ],
      councillors: [{ ward: 'south', role: 'community connector' }],
    },
  };
}
const bare = (): Initiative => ({ id: 'bare', title: 'Bare', serviceArea: 'care', status: 'idea' });

/** The problem of a failed check (the test fails when the check passed). */
function problemOf<T>(r: Checked<T>) {
  if (r.ok) throw new Error(`expected a problem, got ${JSON.stringify(r.value)}`);
  return r;
}
const valueOf = <T>(r: Checked<T>): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('single values, named by their subject', () => {
  it('numbers: decimals and signs, not units or empty text', () => {
    expect(valueOf(parseNumber(' 12.5 ', '--value'))).toBe(12.5);
    expect(valueOf(parseNumber('-3', '--value'))).toBe(-3);
    expect(problemOf(parseNumber('12%', '--baseline'))).toMatchObject({ code: 'bad-value', message: '--baseline "12%" is not a number', hint: 'For example: --baseline 42 or --baseline 12.5' });
    expect(problemOf(parseNumber('', 'The target')).message).toBe('The target "" is not a number');
    expect(parseNumber('Infinity', '--value').ok).toBe(false);
  });

  it('dates: a real calendar date, 2027-06-30 or 30/06/2027, with its own error code', () => {
    expect(valueOf(parseDate(' 2028-02-29 ', '--date'))).toBe('2028-02-29');
    expect(problemOf(parseDate('2027-02-29', '--date'))).toMatchObject({ code: 'bad-date', message: '--date "2027-02-29" is not a real date; give a date: write it as 2027-06-30 or 30/06/2027 (day/month/year)', hint: 'For example: --date 2027-03-31 or --date 31/03/2027' });
    expect(valueOf(parseDate('31/01/2027', '--as-of'))).toBe('2027-01-31');
    expect(problemOf(parseDate('31/02/2027', '--date')).code).toBe('bad-date');
    expect(problemOf(parseDate('2027/01/31', '--as-of')).message).toBe('--as-of "2027/01/31" is not a date; give a date: write it as 2027-06-30 or 30/06/2027 (day/month/year)');
  });

  it('reviewers: any case and spacing, in the vocabulary order, each once', () => {
    expect(valueOf(parseReviewers('Staff, users,staff', '--by'))).toEqual(['users', 'staff']);
    expect(problemOf(parseReviewers(' , ', '--by')).message).toBe('--by is empty: say who took part');
    const p = problemOf(parseReviewers('users,staf', '--by'));
    expect(p.message).toBe('--by "users,staf": "staf" is not one of users, staff, partners, councillors; did you mean "staff"?');
    expect(p.valid).toEqual(['users', 'staff', 'partners', 'councillors']);
  });

  it('indicator names, kinds and competencies', () => {
    expect(valueOf(parseIndicatorName('  Walks held ', '--name'))).toBe('Walks held');
    expect(problemOf(parseIndicatorName('  ', 'The name')).message).toBe('The name is empty: give the indicator a name');
    expect(problemOf(parseIndicatorName('a\nb', '--name')).message).toBe('--name must be a single line');
    expect(valueOf(parseIndicatorKind('Outcome', '--kind'))).toBe('outcome');
    expect(problemOf(parseIndicatorKind('outcomes', '--kind')).message).toBe('--kind "outcomes" is not outcome or process; did you mean "outcome"?');
    expect(valueOf(parseCompetencies('a, b,, a ,c', 'The list'))).toEqual(['a', 'b', 'c']);
    expect(problemOf(parseCompetencies(' , ', 'The list')).message).toBe('The list is empty: give at least one competency');
  });
});

describe('indicators', () => {
  it('finds an indicator by its exact name, else ignoring letter case', () => {
    expect(valueOf(findIndicator(walks(), 'walks HELD', '--indicator')).name).toBe('Walks held');
    const ini = walks();
    ini.grow!.indicators!.push({ name: 'walks held', kind: 'process' });
    expect(valueOf(findIndicator(ini, 'walks held', '--indicator'))).toBe(ini.grow!.indicators![2]);
  });

  it('names the near miss and the indicators there are, or says there are none', () => {
    const p = problemOf(findIndicator(walks(), 'Walks hled', '--indicator'));
    expect(p).toMatchObject({ code: 'unknown-indicator', message: '--indicator "Walks hled" is not an indicator of walks; did you mean "Walks held"?', hint: 'Its indicators: "Less isolated", "Walks held"' });
    expect(problemOf(findIndicator(bare(), 'Visits', '--indicator')).message).toBe('bare has no indicators yet, so --indicator "Visits" names none of them');
  });

  it('refuses a second indicator of the same name in any letter case', () => {
    expect(valueOf(checkNewIndicatorName(walks(), 'Walks cancelled', '--name'))).toBe('Walks cancelled');
    const p = problemOf(checkNewIndicatorName(walks(), 'walks held', '--name'));
    expect(p.code).toBe('duplicate-indicator');
    expect(p.message).toBe('walks already has an indicator named "Walks held"; --name must be unique in the initiative');
  });

  it('writes an indicator in the SPEC key order, leaving out an empty unit and a false coDesigned', () => {
    expect(Object.keys(indicatorEntry({ coDesigned: true, target: 60, baseline: 40, unit: '%', kind: 'outcome', name: 'X' }))).toEqual(['name', 'kind', 'unit', 'baseline', 'target', 'coDesigned']);
    expect(indicatorEntry({ name: 'X', kind: 'process', unit: '', coDesigned: false })).toEqual({ name: 'X', kind: 'process' });
  });

  it('builds an indicator from raw input, checking each part in turn', () => {
    expect(valueOf(buildIndicator(walks(), { name: ' Proud ', kind: 'Outcome', unit: ' % ', baseline: '48', target: '65', coDesigned: true }))).toEqual({ name: 'Proud', kind: 'outcome', unit: '%', baseline: 48, target: 65, coDesigned: true });
    expect(valueOf(buildIndicator(bare(), { name: 'Referrals', kind: 'process', unit: '  ' }))).toEqual({ name: 'Referrals', kind: 'process' });
    expect(problemOf(buildIndicator(walks(), { name: 'WALKS HELD', kind: 'process' })).code).toBe('duplicate-indicator');
    expect(problemOf(buildIndicator(walks(), { name: 'X', kind: 'outcome', target: 'lots' })).message).toBe('--target "lots" is not a number');
    expect(problemOf(buildIndicator(walks(), { name: 'X', kind: 'outcome', baseline: '1,000' }, { baseline: 'The baseline' })).message).toBe('The baseline "1,000" is not a number');
  });
});

describe('readings, reviews and councillors', () => {
  it('refuses a second reading of an indicator on the same day, with the command that corrects it', () => {
    const ind = walks().grow!.indicators![1]!;
    const p = problemOf(readingEntry(walks(), ind, '2026-09-30', 50));
    expect(p).toMatchObject({ code: 'duplicate-reading', message: 'walks already has a reading of "Walks held" on 2026-09-30 (47); nothing was changed', hint: 'To correct it: costar set initiatives/walks grow.readings.0.value=50' });
    expect(Object.keys(valueOf(readingEntry(walks(), ind, '2026-10-31', 50)))).toEqual(['indicator', 'date', 'value']);
    expect(problemOf(parseReadingDate(walks(), ind, '2026-09-30', 'The date')).message).toBe('"Walks held" already has a reading on 2026-09-30 (47); one reading a day');
    expect(valueOf(parseReadingDate(walks(), ind, '2026-10-31', 'The date'))).toBe('2026-10-31');
  });

  it('builds a reading under the indicator name as defined', () => {
    expect(valueOf(buildReading(walks(), { indicator: 'less isolated', date: '2027-01-31', value: '52.5' }))).toEqual({ indicator: 'Less isolated', date: '2027-01-31', value: 52.5 });
    expect(problemOf(buildReading(walks(), { indicator: 'Less isolated', date: '2027-13-01', value: '1' })).code).toBe('bad-date');
    expect(problemOf(buildReading(walks(), { indicator: 'Nope', date: '2027-01-01', value: '1' })).code).toBe('unknown-indicator');
  });

  it('builds a review, reviewers in order; 360 degrees means users and staff', () => {
    expect(reviewEntry('2027-01-15', ['partners', 'users'])).toEqual({ date: '2027-01-15', by: ['users', 'partners'] });
    expect(valueOf(buildReview({ date: '2026-11-20', by: 'staff, users,partners' }))).toEqual({ date: '2026-11-20', by: ['users', 'staff', 'partners'] });
    expect(problemOf(buildReview({ date: '2026-11-20', by: '' })).message).toBe('--by is empty: say who took part');
    expect(isThreeSixty(['users', 'staff'])).toBe(true);
    expect(isThreeSixty(['staff', 'partners'])).toBe(false);
  });

  it('checks readiness to grow only for running and scaled initiatives', () => {
    expect(['idea', 'pilot', 'running', 'scaled', 'stopped'].filter((status) => isGrowing({ status } as Initiative))).toEqual(['running', 'scaled']);
  });

  it('names a councillor connector only for a ward of the initiative without one; the role defaults', () => {
    expect(uncoveredWards(walks())).toEqual(['north', 'east']);
    expect(valueOf(buildCouncillor(walks(), { ward: 'east', role: '  ' }))).toEqual({ ward: 'east', role: 'community connector' });
    expect(Object.keys(valueOf(buildCouncillor(walks(), { role: 'champion', ward: 'north' })))).toEqual(['ward', 'role']);
    expect(problemOf(buildCouncillor(walks(), { ward: 'south' })).message).toBe('The ward "south" already has a councillor connector');
    expect(problemOf(buildCouncillor(walks(), { ward: 'west' })).message).toBe('The ward "west" is not one of the wards of walks');
  });

  it('a new review: appended entry in schema key order; one review a day whoever took part', () => {
    const w = walks();
    w.grow!.review = { date: '2026-06-01', by: ['staff'] };
    w.grow!.reviews = [{ date: '2026-11-20', by: ['users', 'staff'] }];
    const r = valueOf(newReview(w, '2026-12-01', ['staff', 'users']));
    expect(r).toEqual({ date: '2026-12-01', by: ['users', 'staff'] });
    expect(Object.keys(r)).toEqual(['date', 'by']);
    const dup = problemOf(newReview(w, '2026-11-20', ['councillors']));
    expect(dup.code).toBe('duplicate-review');
    expect(dup.message).toBe('walks already has a review on 2026-11-20 (by users, staff); one review a day, nothing was changed');
    expect(dup.hint).toBe("To change who took part: costar set initiatives/walks 'grow.reviews.0.by=[users, staff, councillors]'");
    expect(problemOf(newReview(w, '2026-06-01', ['staff'])).hint).toBe("To change who took part: costar set initiatives/walks 'grow.review.by=[staff]'");
    expect(reviewCount(w)).toBe(2);
  });

  it('a date after the as-of date is refused unless allowed', () => {
    expect(valueOf(checkNotFuture('2027-01-15', '2027-01-15', '--date'))).toBe('2027-01-15');
    const p = problemOf(checkNotFuture('2027-01-16', '2027-01-15', '--date'));
    expect(p.code).toBe('future-date');
    expect(p.message).toBe('--date 2027-01-16 is after 2027-01-15, the as-of date: readings and reviews record what has happened; nothing was changed');
    expect(valueOf(checkNotFuture('2030-01-01', '2027-01-15', '--date', true))).toBe('2030-01-01');
  });

  it('applies a change to a copy, creating the grow section and lists as needed', () => {
    const before = bare();
    const after = applyGrowChange(before, { op: 'append', key: 'indicators', value: { name: 'X', kind: 'process' } });
    expect(before.grow).toBeUndefined();
    expect(after.grow).toEqual({ indicators: [{ name: 'X', kind: 'process' }] });
    const reviewed = applyGrowChange(walks(), { op: 'append', key: 'reviews', value: { date: '2027-01-01', by: ['users'] } });
    expect(reviewed.grow!.reviews).toEqual([{ date: '2027-01-01', by: ['users'] }]);
    expect(reviewed.grow!.readings).toHaveLength(2);
  });
});

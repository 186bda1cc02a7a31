import { describe, expect, it } from 'vitest';
import { changedPaths } from '../../src/core/diff.js';
import { historySvg, periodOf, sampleCommits } from '../../src/core/history.js';
import { visible } from '../../src/core/format.js';
import { REAL_DATE_PATTERN } from '../../src/core/json-schema.js';
import { isRealDate } from '../../src/core/validate.js';

describe('diff and history cores', () => {
  it('changedPaths: into mappings, a list is one value', () => {
    expect(changedPaths({ a: 1, b: { c: [1, 2], d: 'x' } }, { a: 1, b: { c: [1, 3], d: 'x', e: true } })).toEqual(['b.c', 'b.e']);
    expect(changedPaths({ a: 1 }, { a: 1 })).toEqual([]);
    expect(changedPaths(null, { a: 1 })).toEqual(['.']);
  });
  it('periods and the last commit of each', () => {
    expect(periodOf('2027-03-31', 'month')).toBe('2027-03');
    expect(periodOf('2027-03-31', 'quarter')).toBe('2027-Q1');
    expect(periodOf('2027-10-01', 'quarter')).toBe('2027-Q4');
    const cs = [
      { commit: 'a', date: '2027-01-02' },
      { commit: 'b', date: '2027-01-30' },
      { commit: 'c', date: '2027-04-01' },
      { commit: 'd', date: '2027-06-30' },
    ];
    expect(sampleCommits(cs, 'month').map((c) => c.commit)).toEqual(['b', 'c', 'd']);
    expect(sampleCommits(cs, 'quarter').map((c) => c.commit)).toEqual(['b', 'd']);
    expect(sampleCommits([], 'month')).toEqual([]);
  });
  it('an empty history still draws a titled picture', () => {
    expect(historySvg([], 'X & Y')).toMatch(/<title id="history-title">The star over time: X &amp; Y<\/title>/);
  });
  it('visible: control characters written as \\uXXXX', () => {
    expect(visible('a\u0007b\u001b[31mc\nd')).toBe('a\\u0007b\\u001b[31mc\\u000ad');
    expect(visible('a\nb\tc\rd', { keepNewlines: true })).toBe('a\nb\tc\\u000dd');
    expect(visible('plain £ text')).toBe('plain £ text');
    expect(visible('\ud800x')).toBe('\\ud800x');
  });
  it('the real-date pattern agrees with isRealDate', () => {
    const re = new RegExp(REAL_DATE_PATTERN);
    for (let y of [1900, 2000, 2024, 2027, 2100, 2400, 50]) {
      const ys = String(y).padStart(4, '0');
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const s = `${ys}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(re.test(s), s).toBe(isRealDate(s));
        }
      }
    }
  });
});

/**
 * Group scoring (issue 13, item 3): the median of the raters' scores where `focus.scores` sets no
 * consensus score, the weighted means of the matrix on those scores, and where raters disagree,
 * each checked against a computation written here independently of src/core.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { impactMatrix, missingCriteria, scoresOf } from '../../src/core/matrix.js';
import { disagreements, median, ratedScores, sameRater } from '../../src/core/ratings.js';
import type { Initiative } from '../../src/core/schema.js';
import { stepsDone } from '../../src/core/star.js';

const cfg = resolveConfig({
  schema: 'costar/v1',
  name: 'T',
  organisation: 'T',
  serviceAreas: [{ id: 'a' }],
  focus: {
    criteria: [
      { id: 'p', axis: 'impact', weight: 2 },
      { id: 'q', axis: 'impact', weight: 1 },
      { id: 'e', axis: 'ease', weight: 3 },
      { id: 'r', axis: 'ease', weight: 1 },
    ],
  },
} as any);

type Ratings = Array<{ rater: string; scores: Record<string, number> }>;
const ini = (id: string, ratings: Ratings, scores?: Record<string, number>): Initiative =>
  ({ id, title: id, serviceArea: 'a', status: 'pilot', focus: { ...(scores ? { scores } : {}), ratings } }) as Initiative;

/** The median the plain way: sort, then the middle one or the mean of the middle two. */
function independentMedian(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = xs.slice().sort((a, b) => a - b);
  if (s.length % 2 === 1) return s[(s.length - 1) / 2];
  return (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** The effective score of a criterion: consensus first, else the median of the raters who scored it. */
function independentScore(i: Initiative, c: string): number | undefined {
  const consensus = (i.focus?.scores as Record<string, number> | undefined)?.[c];
  if (consensus !== undefined) return consensus;
  const xs: number[] = [];
  for (const r of (i.focus as any).ratings as Ratings) if (r.scores[c] !== undefined) xs.push(r.scores[c]);
  return independentMedian(xs);
}

/** Σ w·s / Σ w over an axis, from the independent scores. */
function independentAxis(i: Initiative, axis: 'impact' | 'ease'): number {
  let num = 0;
  let den = 0;
  for (const c of cfg.criteria.filter((k) => k.axis === axis)) {
    num += c.weight * independentScore(i, c.id)!;
    den += c.weight;
  }
  return num / den;
}

/** A small deterministic generator, so the random cases are the same on every run. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('median', () => {
  it('is the middle value, or the mean of the two middle values for an even count', () => {
    expect(median([])).toBeUndefined();
    expect(median([4])).toBe(4);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 4, 5])).toBe(3);
    expect(median([2, 5])).toBe(3.5);
    expect(median([5, 5, 1, 1])).toBe(3);
  });

  it('agrees with an independent computation on random lists', () => {
    const rnd = lcg(13);
    for (let n = 0; n < 300; n++) {
      const xs = Array.from({ length: Math.floor(rnd() * 9) }, () => 1 + Math.floor(rnd() * 5));
      expect(median(xs)).toBe(independentMedian(xs));
    }
  });
});

describe('scores from ratings', () => {
  it('a consensus score wins; an unset criterion takes the median of the raters', () => {
    const i = ini('x', [
      { rater: 'A', scores: { p: 5, q: 2, e: 1, r: 4 } },
      { rater: 'B', scores: { p: 1, q: 3, e: 2 } },
      { rater: 'C', scores: { p: 4, q: 3, e: 4 } },
      { rater: 'D', scores: { p: 2, e: 5 } },
    ], { q: 5 });
    // p: 1 2 4 5 → 3; q: consensus 5; e: 1 2 4 5 → 3; r: only A → 4.
    expect(scoresOf(cfg, i)).toEqual({ p: 3, q: 5, e: 3, r: 4 });
    expect(ratedScores(cfg, i)).toEqual({ p: 3, q: 3, e: 3, r: 4 });
    expect(missingCriteria(cfg, i)).toEqual([]);
    expect(stepsDone(cfg, i as any).focus).toBe(true);
  });

  it('a criterion no rater scored and no consensus set is still missing', () => {
    const i = ini('x', [{ rater: 'A', scores: { p: 5, q: 2, e: 1 } }]);
    expect(missingCriteria(cfg, i)).toEqual(['r']);
    expect(impactMatrix(cfg, [i])[0]!.rank).toBeNull();
  });

  it('the matrix (weighted means, order) agrees with an independent median-and-weighted-mean computation', () => {
    const rnd = lcg(2026);
    const ids = ['p', 'q', 'e', 'r'];
    const list: Initiative[] = [];
    for (let k = 0; k < 40; k++) {
      const raters = 1 + Math.floor(rnd() * 6);
      const ratings: Ratings = Array.from({ length: raters }, (_, j) => ({ rater: `R${j}`, scores: Object.fromEntries(ids.map((c) => [c, 1 + Math.floor(rnd() * 5)])) }));
      const consensus = Object.fromEntries(ids.filter(() => rnd() < 0.3).map((c) => [c, 1 + Math.floor(rnd() * 5)]));
      list.push(ini(`i${String(k).padStart(2, '0')}`, ratings, Object.keys(consensus).length ? consensus : undefined));
    }
    const rows = impactMatrix(cfg, list);
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      const i = list.find((x) => x.id === row.id)!;
      expect(row.impact).toBeCloseTo(independentAxis(i, 'impact'), 12);
      expect(row.ease).toBeCloseTo(independentAxis(i, 'ease'), 12);
    }
    const expected = list
      .map((i) => ({ id: i.id, impact: independentAxis(i, 'impact'), ease: independentAxis(i, 'ease') }))
      .sort((a, b) => b.impact - a.impact || b.ease - a.ease || (a.id < b.id ? -1 : 1))
      .map((x) => x.id);
    expect(rows.map((r) => r.id)).toEqual(expected);
  });
});

describe('disagreements', () => {
  it('a spread of 2 or more points on a criterion, in configured order, with min and max', () => {
    const i = ini('x', [
      { rater: 'A', scores: { p: 5, q: 2, e: 3, r: 1 } },
      { rater: 'B', scores: { p: 4, q: 3, e: 3, r: 4 } },
      { rater: 'C', scores: { p: 3, q: 3 } },
    ]);
    expect(disagreements(cfg, i)).toEqual([
      { criterion: 'p', spread: 2, min: 3, max: 5 },
      { criterion: 'r', spread: 3, min: 1, max: 4 },
    ]);
  });

  it('agrees with an independent max − min on random ratings; one rater never disagrees', () => {
    const rnd = lcg(7);
    for (let k = 0; k < 200; k++) {
      const n = Math.floor(rnd() * 5);
      const ratings: Ratings = Array.from({ length: n }, (_, j) => ({ rater: `R${j}`, scores: { p: 1 + Math.floor(rnd() * 5), e: 1 + Math.floor(rnd() * 5) } }));
      const expected = ['p', 'e'].flatMap((c) => {
        const xs = ratings.map((r) => r.scores[c]!);
        if (xs.length < 2) return [];
        const lo = Math.min(...xs);
        const hi = Math.max(...xs);
        return hi - lo >= 2 ? [{ criterion: c, spread: hi - lo, min: lo, max: hi }] : [];
      });
      expect(disagreements(cfg, ini('x', ratings))).toEqual(expected);
    }
  });

  it('a rater is the same however it is spaced or capitalised', () => {
    expect(sameRater('Finance partner', ' finance   Partner ')).toBe(true);
    expect(sameRater('Resident 1', 'Resident 2')).toBe(false);
  });
});

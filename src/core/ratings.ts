/**
 * Group scoring by critical friends (issue 13, item 3): each rater's scores in `focus.ratings`,
 * their median per criterion (used where `focus.scores` sets no consensus score), and where the
 * raters disagree. Pure: plain data in and out.
 */
import type { Config } from './config.js';
import { clipKey, didYouMean, type PathSeg, type Severity } from './diagnostics.js';
import type { Initiative } from './schema.js';

/** One rater's scores, as `focus.ratings` holds them. */
export interface Rating {
  rater: string;
  scores: Record<string, number>;
}

/** Raters disagree on a criterion when their scores span this many points or more. */
export const DISAGREEMENT_SPREAD = 2;

/** Where raters disagree on one criterion: the spread (max − min) and its ends. */
export interface Disagreement {
  criterion: string;
  spread: number;
  min: number;
  max: number;
}

/** The median of the numbers: the middle one, or the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The well-formed ratings of an initiative (entries a hand edit broke are left out). */
export function ratingsOf(initiative: Pick<Initiative, 'focus'>): Rating[] {
  const raw = (initiative.focus as { ratings?: unknown } | undefined)?.ratings;
  if (!Array.isArray(raw)) return [];
  return raw.filter((r): r is Rating => typeof r === 'object' && r !== null && typeof (r as Rating).rater === 'string' && typeof (r as Rating).scores === 'object' && (r as Rating).scores !== null);
}

/** Every rater's score for one criterion, in the order of the ratings. */
export function ratingsFor(ratings: readonly Rating[], criterion: string): number[] {
  const out: number[] = [];
  for (const r of ratings) {
    const v = (r.scores as Record<string, unknown>)[criterion];
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** The median of the raters' scores on each configured criterion (undefined where nobody rated it). */
export function ratedScores(config: Pick<Config, 'criteria'>, initiative: Pick<Initiative, 'focus'>): Record<string, number | undefined> {
  const ratings = ratingsOf(initiative);
  const out: Record<string, number | undefined> = {};
  for (const c of config.criteria) out[c.id] = median(ratingsFor(ratings, c.id));
  return out;
}

/** The criteria, in configured order, on which the raters' scores span DISAGREEMENT_SPREAD points or more. */
export function disagreements(config: Pick<Config, 'criteria'>, initiative: Pick<Initiative, 'focus'>): Disagreement[] {
  const ratings = ratingsOf(initiative);
  const out: Disagreement[] = [];
  for (const c of config.criteria) {
    const v = ratingsFor(ratings, c.id);
    if (v.length < 2) continue;
    const min = Math.min(...v);
    const max = Math.max(...v);
    if (max - min >= DISAGREEMENT_SPREAD) out.push({ criterion: c.id, spread: max - min, min, max });
  }
  return out;
}

/** The same rater, however it is spaced or capitalised: "Finance partner" and "finance  partner ". */
export function sameRater(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/** A problem of `focus.ratings` beyond its schema, as `validate` reports it. */
export interface RatingProblem {
  severity: Severity;
  code: string;
  message: string;
  path: PathSeg[];
  at: 'key' | 'value';
}

/**
 * The rules of `focus.ratings` beyond its schema: a rater label that is not blank, each rater once
 * (sameRater), scores only on configured criteria and within the scale.
 */
export function ratingRules(config: Pick<Config, 'criteria' | 'scale'>, ratings: unknown): RatingProblem[] {
  const out: RatingProblem[] = [];
  if (!Array.isArray(ratings)) return out;
  const ids = config.criteria.map((c) => c.id);
  const [min, max] = config.scale;
  const raters: string[] = [];
  ratings.forEach((r: unknown, i) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return;
    const { rater, scores } = r as { rater?: unknown; scores?: unknown };
    const p: PathSeg[] = ['focus', 'ratings', i];
    if (typeof rater === 'string') {
      if (!rater.trim()) out.push({ severity: 'error', code: 'empty-rater', message: `rating ${i + 1} has an empty rater; give a label such as "Finance partner"`, path: [...p, 'rater'], at: 'value' });
      else if (raters.some((x) => sameRater(x, rater))) {
        out.push({ severity: 'error', code: 'duplicate-rater', message: `rater "${rater}" has two ratings; keep one (costar focus score --rater replaces a rater's earlier scores)`, path: [...p, 'rater'], at: 'value' });
      } else raters.push(rater);
    }
    if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) return;
    for (const [k, s] of Object.entries(scores)) {
      if (!ids.includes(k)) {
        const guess = didYouMean(k, ids);
        out.push({
          severity: 'error',
          code: 'unknown-criterion',
          message: `"${clipKey(k)}" in rating ${i + 1} is not a criterion of this portfolio${guess ? `; did you mean "${guess}"?` : '.'} Criteria: ${ids.join(', ')}`,
          path: [...p, 'scores', k],
          at: 'key',
        });
      } else if (typeof s === 'number' && Number.isInteger(s) && (s < min || s > max)) {
        out.push({ severity: 'error', code: 'score-out-of-scale', message: `rating ${i + 1}: score ${s} for "${k}" is outside the scale ${min}–${max}; give a whole number from ${min} to ${max}`, path: [...p, 'scores', k], at: 'value' });
      }
    }
  });
  return out;
}

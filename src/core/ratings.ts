/**
 * Group scoring by critical friends (issue 13, item 3): each rater's scores in `focus.ratings`,
 * their median per criterion (used where `focus.scores` sets no consensus score), and where the
 * raters disagree. Pure: plain data in and out.
 */
import type { Config } from './config.js';
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

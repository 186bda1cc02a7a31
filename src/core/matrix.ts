/**
 * The impact matrix of Focus it (SPEC 6): weighted means on the impact and ease axes, quadrants,
 * the ranking, and how sensitive the top place is to the weights. Pure: plain data in and out.
 */
import type { Config } from './config.js';
import { ratedScores } from './ratings.js';
import type { Initiative } from './schema.js';

export const QUADRANTS = ['quick-win', 'major-project', 'fill-in', 'reconsider'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  'quick-win': 'Quick win',
  'major-project': 'Major project',
  'fill-in': 'Fill-in',
  reconsider: 'Reconsider',
};

/** One row of `focus rank --json`, in the SPEC's key order. */
export interface MatrixRow {
  id: string;
  impact: number | null;
  ease: number | null;
  quadrant: Quadrant | null;
  rank: number | null;
}

type Criteria = Config['criteria'];

/**
 * The scores of an initiative on the configured criteria (undefined where it still lacks one): the
 * consensus score of `focus.scores` where set, else the median of the raters' scores (ratings.ts).
 */
export function scoresOf(config: Pick<Config, 'criteria'>, initiative: Pick<Initiative, 'focus'>): Record<string, number | undefined> {
  const raw = (initiative.focus?.scores ?? {}) as Record<string, unknown>;
  const rated = ratedScores(config, initiative);
  const out: Record<string, number | undefined> = {};
  for (const c of config.criteria) {
    const v = raw[c.id];
    out[c.id] = typeof v === 'number' && Number.isFinite(v) ? v : rated[c.id];
  }
  return out;
}

/** The configured criteria an initiative has no score for, in configured order. */
export function missingCriteria(config: Pick<Config, 'criteria'>, initiative: Pick<Initiative, 'focus'>): string[] {
  const s = scoresOf(config, initiative);
  return config.criteria.filter((c) => s[c.id] === undefined).map((c) => c.id);
}

/** Σ weight×score / Σ weight over one axis, summed in configured order; null when a score is missing. */
export function axisMean(criteria: Criteria, scores: Record<string, number | undefined>, axis: 'impact' | 'ease'): number | null {
  let num = 0;
  let den = 0;
  for (const c of criteria) {
    if (c.axis !== axis) continue;
    const s = scores[c.id];
    if (s === undefined) return null;
    num += c.weight * s;
    den += c.weight;
  }
  return den > 0 ? num / den : null;
}

/** Midpoint of the scale: (min + max) / 2. */
export function midpoint(config: Pick<Config, 'scale'>): number {
  return (config.scale[0] + config.scale[1]) / 2;
}

/** The quadrant of a point; a point on a midpoint line counts as high on that axis. */
export function quadrantOf(config: Pick<Config, 'scale'>, impact: number, ease: number): Quadrant {
  const m = midpoint(config);
  if (impact >= m) return ease >= m ? 'quick-win' : 'major-project';
  return ease >= m ? 'fill-in' : 'reconsider';
}

/** SPEC 6 ordering: highest impact, then highest ease, then id in code-point order. */
function compareRanked(a: { id: string; impact: number; ease: number }, b: { id: string; impact: number; ease: number }): number {
  if (a.impact !== b.impact) return b.impact - a.impact;
  if (a.ease !== b.ease) return b.ease - a.ease;
  return codePointCompare(a.id, b.id);
}

export function codePointCompare(a: string, b: string): number {
  // Ids are ASCII, so UTF-16 order is code-point order; compare the general way anyway.
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The impact matrix (SPEC 6) in the order of `focus rank --json` (SPEC 7): every initiative that
 * is not stopped; scored ones first in rank order, then unscored ones (all nulls) by id.
 */
export function impactMatrix(config: Pick<Config, 'criteria' | 'scale'>, initiatives: readonly Initiative[]): MatrixRow[] {
  const ranked: Array<{ id: string; impact: number; ease: number }> = [];
  const unscored: string[] = [];
  for (const ini of initiatives) {
    if (ini.status === 'stopped') continue;
    const scores = scoresOf(config, ini);
    const impact = axisMean(config.criteria, scores, 'impact');
    const ease = axisMean(config.criteria, scores, 'ease');
    if (impact === null || ease === null || config.criteria.some((c) => scores[c.id] === undefined)) unscored.push(ini.id);
    else ranked.push({ id: ini.id, impact, ease });
  }
  ranked.sort(compareRanked);
  unscored.sort(codePointCompare);
  return [
    ...ranked.map((r, i) => ({ id: r.id, impact: r.impact, ease: r.ease, quadrant: quadrantOf(config, r.impact, r.ease), rank: i + 1 })),
    ...unscored.map((id) => ({ id, impact: null, ease: null, quadrant: null, rank: null })),
  ];
}

// ---------------------------------------------------------------------------------- sensitivity

/** How far the top place holds when one criterion's weight changes and the others stay. */
export interface Sensitivity {
  /** The option ranked first now. */
  top: string;
  /** The largest relative change of a single weight considered: 0.5 means ±50 %. */
  range: number;
  /** True when the top option stays first under every single-weight change within ±range. */
  stable: boolean;
  /** The weight whose smallest change puts another option first (null when stable). */
  criterion: string | null;
  /** That change as a signed ratio of the weight: 0.37 is +37 %, -0.2 is −20 %. */
  change: number | null;
  /** Whether the weight rises or falls (also when `change` is 0: a tie broken the other way). */
  direction: 'increase' | 'decrease' | null;
  /** The criterion's weight now, and at the switch point. */
  weight: number | null;
  weightAtSwitch: number | null;
  /** The option that comes first after the change. */
  rival: string | null;
  /**
   * True when, at exactly `change`, the two tie and the tie still goes to `top`: the rival comes
   * first for any change beyond it (`change` is then the limit, e.g. "more than +37 %").
   */
  beyond: boolean | null;
}

interface Scored {
  id: string;
  impact: number;
  ease: number;
  scores: Record<string, number>;
}

interface Candidate {
  criterion: string;
  order: number;
  dir: 1 | -1;
  /** |change| as the fraction num / den (exact comparisons when weights are whole numbers). */
  num: number;
  den: number;
  beyond: boolean;
  rival: string;
}

/**
 * Sensitivity of the ranking's top place (issue 4, item 2): for the rank-1 option, the smallest
 * relative change to one criterion's weight (the others unchanged) that puts another option
 * first, or that it stays first under every single-weight change of ±range.
 *
 * Exact, not searched: changing weight w of criterion c by a factor (1+δ) changes every option's
 * weighted sum on c's axis by δ·w·score, over a denominator shared by all options, so the
 * comparison of two options is linear in δ and they cross at δ* = −(ΣB − ΣA) / (w·(sB − sA)).
 * At a crossing the SPEC's tie rules decide (ease, then id; for an ease weight, id).
 * Returns null when nothing is ranked.
 */
export function sensitivity(config: Pick<Config, 'criteria' | 'scale'>, initiatives: readonly Initiative[], range = 0.5): Sensitivity | null {
  const rows = impactMatrix(config, initiatives).filter((r) => r.rank !== null);
  if (!rows.length) return null;
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  const scored: Scored[] = rows.map((r) => ({ id: r.id, impact: r.impact!, ease: r.ease!, scores: scoresOf(config, byId.get(r.id)!) as Record<string, number> }));
  const top = scored[0]!;
  const rivals = scored.slice(1);
  const none: Sensitivity = { top: top.id, range, stable: true, criterion: null, change: null, direction: null, weight: null, weightAtSwitch: null, rival: null, beyond: null };
  if (!rivals.length) return none;

  const criteria = config.criteria;
  const candidates: Candidate[] = [];
  criteria.forEach((c, order) => {
    const axis = c.axis;
    // Weighted-sum difference B − A on c's axis, and its slope per unit δ.
    const sumDiff = (b: Scored) => {
      let d = 0;
      for (const k of criteria) if (k.axis === axis) d += k.weight * (b.scores[k.id]! - top.scores[k.id]!);
      return Math.min(d, 0); // A is first, so B is not ahead; guard against rounding noise
    };
    // Whether B wins a tie on c's axis against A under the SPEC's rules.
    const winsTie = (b: Scored) => (axis === 'impact' ? b.ease > top.ease || (b.ease === top.ease && codePointCompare(b.id, top.id) < 0) : codePointCompare(b.id, top.id) < 0);
    for (const dir of [1, -1] as const) {
      let best: Candidate[] = [];
      for (const b of rivals) {
        // Changing an ease weight only matters between options level on impact.
        if (axis === 'ease' && b.impact !== top.impact) continue;
        const a = sumDiff(b);
        const slope = c.weight * (b.scores[c.id]! - top.scores[c.id]!) * dir;
        if (slope <= 0) continue; // B never gains on A in this direction
        // δ* = −a / slope ≥ 0 in this direction
        const cand: Candidate = { criterion: c.id, order, dir, num: -a, den: slope, beyond: !winsTie(b), rival: b.id };
        if (!best.length) best = [cand];
        else {
          const cmp = compareFrac(cand, best[0]!);
          if (cmp < 0) best = [cand];
          else if (cmp === 0) best.push(cand);
        }
      }
      if (!best.length) continue;
      const at = best.filter((x) => !x.beyond);
      let winner: Candidate;
      if (at.length) {
        // At δ*, those that beat A tie with it; the tie rules pick among them.
        winner = at.reduce((p, q) => (beatsOnTie(axis, scored, q.rival, p.rival) ? q : p));
      } else {
        // Just beyond δ*, the steepest climber leads; equal slopes stay tied, the tie rules decide.
        winner = best.reduce((p, q) => {
          const s = q.den - p.den;
          if (s !== 0) return s > 0 ? q : p;
          return beatsOnTie(axis, scored, q.rival, p.rival) ? q : p;
        });
      }
      // The rival must come first within ±range: at δ* itself, or just beyond when the tie goes to A.
      const within = winner.beyond ? winner.num < range * winner.den : winner.num <= range * winner.den;
      if (within) candidates.push(winner);
    }
  });
  if (!candidates.length) return none;
  candidates.sort((p, q) => compareFrac(p, q) || Number(p.beyond) - Number(q.beyond) || p.order - q.order || q.dir - p.dir);
  const w = candidates[0]!;
  const crit = criteria[w.order]!;
  const change = w.num === 0 ? 0 : (w.dir * w.num) / w.den;
  return {
    top: top.id,
    range,
    stable: false,
    criterion: w.criterion,
    change,
    direction: w.dir > 0 ? 'increase' : 'decrease',
    weight: crit.weight,
    weightAtSwitch: crit.weight * (1 + change),
    rival: w.rival,
    beyond: w.beyond,
  };
}

/** Compares |δ*| of two candidates as fractions num/den (den > 0). */
function compareFrac(p: { num: number; den: number }, q: { num: number; den: number }): number {
  const l = p.num * q.den;
  const r = q.num * p.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** When options x and y tie on the changed axis: does x win under the SPEC's tie rules? */
function beatsOnTie(axis: 'impact' | 'ease', scored: Scored[], x: string, y: string): boolean {
  const a = scored.find((s) => s.id === x)!;
  const b = scored.find((s) => s.id === y)!;
  if (axis === 'impact' && a.ease !== b.ease) return a.ease > b.ease;
  return codePointCompare(a.id, b.id) < 0;
}

/** "+37 %", "−8.5 %": a signed relative change for people. */
export function formatChange(change: number): string {
  const pct = Math.abs(change) * 100;
  const digits = pct !== 0 && pct < 10 ? 1 : 0;
  const text = pct.toFixed(digits);
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${text}%`;
}

/** One sentence on the sensitivity of the top place, in plain English. */
export function describeSensitivity(s: Sensitivity | null, labelOf: (criterion: string) => string = (c) => c): string {
  if (!s) return 'Nothing is ranked yet, so there is no top option to test.';
  const pct = `${Math.round(s.range * 100)}%`;
  if (s.stable) {
    return `${s.top} stays first under every change of a single criterion's weight of up to ±${pct}.`;
  }
  const crit = labelOf(s.criterion!);
  if (s.change === 0) {
    return `${s.top} is first only on the tie-break: any ${s.direction} in the weight of ${crit} would put ${s.rival} first.`;
  }
  const how = `${s.beyond ? 'more than ' : ''}${formatChange(s.change!)} (from ${trim(s.weight!)} to ${trim(s.weightAtSwitch!)})`;
  return `${s.top} stays first unless the weight of ${crit} changes by ${how}; then ${s.rival} comes first.`;
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * Group scoring by critical friends: one rater's scores as an edit of `focus.ratings` (replacing
 * that rater's earlier ones), the "Score as a group" round of the session, and the words for
 * where raters disagree. The rules (median, spread) live in core/ratings.ts.
 */
import type { Config } from '../../../core/config.js';
import { disagreements, sameRater, type Disagreement } from '../../../core/ratings.js';
import type { Initiative } from '../../../core/schema.js';
import type { EditOp } from '../../../store/edit.js';
import type { Prompts } from '../../ask.js';
import type { Io } from '../../io.js';
import { stepIf, steps } from '../../prompt-guard.js';
import { say } from '../../render.js';
import { promptScores } from './questions.js';

/** The raw ratings list of an initiative, as the file holds it. */
function rawRatings(ini: Initiative): unknown[] {
  const r = (ini.focus as { ratings?: unknown } | undefined)?.ratings;
  return Array.isArray(r) ? r : [];
}

/** Where in focus.ratings a rater's earlier scores are (-1 when the rater is new). */
export function raterIndex(ini: Initiative, rater: string): number {
  return rawRatings(ini).findIndex((r) => typeof r === 'object' && r !== null && typeof (r as { rater?: unknown }).rater === 'string' && sameRater((r as { rater: string }).rater, rater));
}

/** A rater's earlier scores, for prompt defaults. */
export function raterScores(ini: Initiative, rater: string): Record<string, number> {
  const i = raterIndex(ini, rater);
  const r = i >= 0 ? (rawRatings(ini)[i] as { scores?: unknown }) : undefined;
  return r && typeof r.scores === 'object' && r.scores !== null ? (r.scores as Record<string, number>) : {};
}

/** The edit that records one rater's scores (in configured order), replacing their earlier ones. */
export function ratingEdit(config: Config, ini: Initiative, rater: string, scores: Array<[string, number]>): { op: EditOp; replaced: boolean } {
  const order = config.criteria.map((c) => c.id);
  const sorted = [...scores].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  const value = { rater, scores: Object.fromEntries(sorted) };
  const i = raterIndex(ini, rater);
  return i >= 0 ? { op: { op: 'set', path: ['focus', 'ratings', i], value }, replaced: true } : { op: { op: 'append', path: ['focus', 'ratings'], value }, replaced: false };
}

/** "ease: spread 3 (1 to 4)". */
export function describeDisagreement(d: Disagreement): string {
  return `${d.criterion}: spread ${d.spread} (${d.min} to ${d.max})`;
}

/** One line on where the raters of an initiative disagree, or undefined when they do not. */
export function disagreementNote(config: Config, ini: Initiative): string | undefined {
  const ds = disagreements(config, ini);
  return ds.length ? `Raters disagree on ${ds.map(describeDisagreement).join('; ')}: worth talking through.` : undefined;
}

/**
 * "Score as a group": each person in turn gives a rater label, then a score on every criterion;
 * a blank label ends the round (a show of hands is entered as several raters). Returns the edits,
 * applied one by one through `apply` so that a rater entered twice replaces their first scores.
 */
export async function askGroupScores(io: Io, P: Prompts, config: Config, start: Initiative, apply: (op: EditOp, note: string) => Initiative): Promise<Initiative> {
  let working = start;
  say(io, io.ce.dim('Score as a group: each person in turn. Give a label for each rater (e.g. "Finance partner" or "Resident 1"); a blank label ends the round.'));
  for (;;) {
    // Escape at the first score goes back to the rater's label, kept as the default.
    let label = '';
    let scores: Array<[string, number]> = [];
    await steps([
      async () => {
        label = (await P.input({ message: 'Rater (blank when everyone has scored)', default: label || undefined })).trim().replace(/\s+/g, ' ');
      },
      stepIf(
        () => label !== '',
        async () => {
          scores = await promptScores(io, P, config, working, config.criteria.map((c) => c.id), raterScores(working, label));
        },
      ),
    ]);
    if (!label) break;
    const { op, replaced } = ratingEdit(config, working, label, scores);
    working = apply(op, `${label}: ${scores.map(([k, n]) => `${k} ${n}`).join(', ')}${replaced ? ' (replaces their earlier scores)' : ''}`);
    const note = disagreementNote(config, working);
    if (note) say(io, io.ce.yellow(note));
  }
  return working;
}

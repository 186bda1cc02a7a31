/** `costar focus score` and `costar focus rank`: the impact matrix. Rules in core/matrix.ts. */
import { impactMatrix, missingCriteria, sensitivity } from '../../../core/matrix.js';
import { disagreements } from '../../../core/ratings.js';
import type { Initiative } from '../../../core/schema.js';
import type { EditOp } from '../../../store/edit.js';
import { findPortfolio, loadPortfolio, type Portfolio, readPortfolio, readValidPortfolio } from '../../../store/portfolio.js';
import { loadPrompts, requireFlag } from '../../ask.js';
import type { Io } from '../../io.js';
import type { CommandContext } from '../../program.js';
import { findInitiative } from '../../records.js';
import { next, plural, say } from '../../render.js';
import { disagreementNote, ratingEdit, raterScores } from './group.js';
import { parseScores, raterFlag, type RankFlags, type ScoreFlags } from './options.js';
import { promptScores } from './questions.js';
import { renderRank, standing } from './render.js';
import { saveEdits } from './save.js';

export async function runScore({ io, global, args, opts }: CommandContext): Promise<number> {
  const flags = opts as ScoreFlags;
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readPortfolio(root, { forChange: true });
  const rater = raterFlag(opts);
  const ini = findInitiative(p, args[0]);
  const raw = flags.set ?? [];
  let scores: Array<[string, number]>;
  if (raw.length) scores = parseScores(p.config, raw);
  else {
    requireFlag(io, '--set <criterion>=<n>', 'a score');
    const P = await loadPrompts();
    const missing = missingCriteria(p.config, ini);
    const all = p.config.criteria.map((c) => c.id);
    scores = rater ? await promptScores(io, P, p.config, ini, all, raterScores(ini, rater)) : await promptScores(io, P, p.config, ini, missing.length ? missing : all);
    if (!(await P.confirm({ message: `Save ${plural(scores.length, 'score')} for ${ini.id}${rater ? ` by ${rater}` : ''}?`, default: true }))) {
      say(io, 'Nothing was changed.');
      return 0;
    }
  }
  if (rater) return saveRating(io, root, p, ini, rater, scores);
  const before = (ini.focus?.scores ?? {}) as Record<string, number>;
  const ops: EditOp[] = scores.map(([c, n]) => ({ op: 'set', path: ['focus', 'scores', c], value: n }));
  saveEdits(io, p, ini.id, ops, scores.map(([c, n]) => `${c} ${n}${before[c] !== undefined && before[c] !== n ? ` (was ${before[c]})` : ''}`).join(', '));
  const after = loadPortfolio(root);
  const now = after.initiatives.find((i) => i.id === ini.id)!;
  if (after.errors === 0) say(io, standing(after.config, impactMatrix(after.config, after.initiatives), now));
  const missing = missingCriteria(after.config, now);
  if (missing.length) next(io, `costar focus score ${ini.id} ${missing.map((c) => `--set ${c}=…`).join(' ')}`);
  else next(io, 'costar focus rank — see it against the others');
  return 0;
}

/** `focus score --rater`: one rater's scores, replacing their earlier ones; then the disagreements. */
function saveRating(io: Io, root: string, p: Portfolio, ini: Initiative, rater: string, scores: Array<[string, number]>): number {
  const { op, replaced } = ratingEdit(p.config, ini, rater, scores);
  saveEdits(io, p, ini.id, [op], `${rater}'s scores ${scores.map(([c, n]) => `${c} ${n}`).join(', ')}${replaced ? ` (replacing ${rater}'s earlier scores)` : ''}`);
  const after = loadPortfolio(root);
  const now = after.initiatives.find((i) => i.id === ini.id)!;
  const note = disagreementNote(after.config, now);
  if (note) say(io, note);
  if (after.errors === 0) say(io, standing(after.config, impactMatrix(after.config, after.initiatives), now));
  next(io, `costar focus score ${ini.id} --rater "<another rater>" --set <criterion>=<n>   (or costar focus rank)`);
  return 0;
}

export async function runRank({ io, global, opts }: CommandContext): Promise<number> {
  const flags = opts as RankFlags;
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readValidPortfolio(root);
  const rows = impactMatrix(p.config, p.initiatives);
  const sens = sensitivity(p.config, p.initiatives);
  if (flags.json) {
    // The SPEC's shape is one array; a row gains the optional `disagreements` only where raters
    // disagree. The sensitivity comes in a wrapper only when asked for.
    const byId = new Map(p.initiatives.map((i) => [i.id, i]));
    const json = rows.map((r) => {
      const ds = disagreements(p.config, byId.get(r.id)!);
      return ds.length ? { ...r, disagreements: ds } : r;
    });
    io.out(JSON.stringify(flags.withSensitivity ? { ranking: json, sensitivity: sens } : json, null, 2) + '\n');
    return 0;
  }
  io.out(await renderRank(io, p.config, p.initiatives, rows, sens));
  const ranked = rows.filter((r) => r.rank !== null);
  const unscored = rows.filter((r) => r.rank === null);
  if (unscored.length) next(io, `costar focus score ${unscored[0]!.id} --set <criterion>=<n>   (or interactively: costar focus)`);
  else if (ranked.length) next(io, `costar focus case ${ranked[0]!.id} — the business case of the top option`);
  else next(io, 'costar focus — score your initiatives');
  return 0;
}

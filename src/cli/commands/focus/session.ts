/**
 * `costar focus`: the interactive session. Pick an initiative (or walk every unscored one), score
 * it, add cost and benefit lines, fill the theory of change; nothing is written before the final
 * confirmation. The session speaks on stderr; the questions are in questions.ts.
 */
import { businessCase, hasBusinessCase } from '../../../core/business-case.js';
import type { Config } from '../../../core/config.js';
import { usageError } from '../../../core/errors.js';
import { formatRatio } from '../../../core/format.js';
import { impactMatrix, missingCriteria, QUADRANT_LABELS, type MatrixRow } from '../../../core/matrix.js';
import type { Initiative } from '../../../core/schema.js';
import { applyToValue, type EditOp } from '../../../store/edit.js';
import { findPortfolio, loadPortfolio, type Portfolio } from '../../../store/portfolio.js';
import { commit } from '../../../store/write.js';
import { loadPrompts, type Prompts } from '../../ask.js';
import type { Io } from '../../io.js';
import type { CommandContext } from '../../program.js';
import { next, plural, say } from '../../render.js';
import { askGroupScores } from './group.js';
import { askBenefit, askCost, askTheoryOfChange, promptScores } from './questions.js';
import { describeBenefit, describeCost, runningBcr, standing } from './render.js';

function initiativeChoice(config: Config, rows: MatrixRow[], ini: Initiative) {
  const row = rows.find((r) => r.id === ini.id);
  const missing = missingCriteria(config, ini).length;
  const where = ini.status === 'stopped' ? 'stopped' : row?.rank ? `rank ${row.rank}, ${QUADRANT_LABELS[row.quadrant!].toLowerCase()}` : `${missing} of ${config.criteria.length} criteria to score`;
  const bc = hasBusinessCase(ini) ? `, BCR ${formatRatio(businessCase(config, ini).bcr)}` : '';
  return { name: `${ini.id}  ${ini.title}`, value: ini.id, description: `${where}${bc}` };
}

const WALK = '\u0000walk';

/** Scores every unscored initiative in turn, then saves them all after one summary. */
async function walkUnscored(io: Io, P: Prompts, p: Portfolio, list: Initiative[]): Promise<number> {
  const c = io.ce;
  const config = p.config;
  const changes: Array<{ id: string; scores: Array<[string, number]> }> = [];
  let working = p.initiatives;
  for (const [k, ini] of list.entries()) {
    say(io, `\n${c.bold(`${ini.id} — ${ini.title}`)} ${c.dim(`(${k + 1} of ${list.length})`)}`);
    if (ini.summary) say(io, c.dim(`${ini.summary.trim()}`));
    const scores = await promptScores(io, P, config, ini, missingCriteria(config, ini));
    changes.push({ id: ini.id, scores });
    let scored = ini;
    for (const [crit, n] of scores) scored = applyToValue(scored, { op: 'set', path: ['focus', 'scores', crit], value: n }) as Initiative;
    working = working.map((i) => (i.id === ini.id ? scored : i));
    say(io, `${standing(config, impactMatrix(config, working), scored)}`);
  }
  say(io, `\n${c.bold('Scores to save')}\n${changes.map((ch) => `  · ${ch.id}: ${ch.scores.map(([k, n]) => `${k} ${n}`).join(', ')}`).join('\n')}`);
  if (!(await P.confirm({ message: 'Save these scores?', default: true }))) {
    say(io, 'Nothing was changed.');
    return 0;
  }
  const res = commit(
    p,
    changes.map((ch) => ({ kind: 'initiative' as const, id: ch.id, edit: ch.scores.map(([k, n]) => ({ op: 'set' as const, path: ['focus', 'scores', k], value: n })) })),
  );
  for (const f of res.written) say(io, `${c.green('✔')} Wrote ${f}`);
  next(io, 'costar focus rank — the new ranking');
  return 0;
}

/** `costar focus`: pick an initiative, score it, add business case lines, fill the theory of change. */
export async function run({ io, global }: CommandContext): Promise<number> {
  if (!io.canPrompt) {
    throw usageError(
      'not-interactive',
      'costar focus is an interactive session and needs a terminal (stdin and stdout), no --no-input and no CI',
      'Unattended: costar focus score <id> --set <criterion>=<n>, focus add-cost, focus add-benefit, focus challenge, focus rank, focus case <id>',
    );
  }
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root);
  const c = io.ce;
  const config = p.config;
  const rows = impactMatrix(config, p.initiatives);
  const ranked = rows.filter((r) => r.rank !== null).length;
  say(io, `${c.bold(config.name)} · ${plural(p.initiatives.length, 'initiative')} · ${ranked} on the impact matrix`);
  if (p.errors) say(io, c.yellow(`The portfolio has ${plural(p.errors, 'error')}; figures may be off until they are fixed (costar validate).`));
  if (!p.initiatives.length) {
    say(io, 'No initiatives yet.');
    next(io, 'costar map — add the co-production you already have');
    return 0;
  }
  const P = await loadPrompts();
  // Unscored and partly scored first: they are what a focus session is for.
  const order = [...p.initiatives].sort((a, b) => {
    const ma = a.status === 'stopped' ? -1 : missingCriteria(config, a).length;
    const mb = b.status === 'stopped' ? -1 : missingCriteria(config, b).length;
    return (mb > 0 ? 1 : 0) - (ma > 0 ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const choices = order.map((i) => initiativeChoice(config, rows, i));
  const unscored = p.initiatives.filter((i) => i.status !== 'stopped' && missingCriteria(config, i).length > 0);
  const walk = unscored.length
    ? [{ name: `Score every initiative not on the matrix yet (${unscored.length}), one criterion at a time`, value: WALK, description: unscored.map((i) => i.id).join(', ') }]
    : [];
  const id = await P.search<string>({
    message: 'Initiative (type to search)',
    source: (term) => {
      const t = (term ?? '').toLowerCase().trim();
      return t ? choices.filter((ch) => ch.name.toLowerCase().includes(t)) : [...walk, ...choices];
    },
  });
  if (id === WALK) return walkUnscored(io, P, p, unscored);
  const original = p.initiatives.find((i) => i.id === id)!;
  let working: Initiative = structuredClone(original);
  const pending: Array<{ op: EditOp; note: string }> = [];
  const apply = (op: EditOp, note: string) => {
    working = applyToValue(working, op) as Initiative;
    pending.push({ op, note });
    return working;
  };

  for (;;) {
    const missing = missingCriteria(config, working);
    const bcLine = hasBusinessCase(working) ? runningBcr(config, working) : 'no business case lines yet';
    say(io, `\n${c.bold(working.id)} · ${missing.length ? `${missing.length} of ${config.criteria.length} criteria to score` : 'fully scored'} · ${bcLine}`);
    const action = await P.select<string>({
      message: 'What now?',
      choices: [
        ...(missing.length ? [{ name: `Score it (${plural(missing.length, 'criterion', 'criteria')} to go)`, value: 'score' }] : []),
        { name: 'Change a score', value: 'rescore' },
        { name: 'Add a cost line', value: 'cost' },
        { name: 'Add a benefit line', value: 'benefit' },
        { name: 'Theory of change', value: 'toc' },
        { name: 'Score as a group (each person in turn)', value: 'group' },
        { name: pending.length ? `Finish (${plural(pending.length, 'change')} to save)` : 'Finish', value: 'done' },
      ],
    });
    if (action === 'done') break;
    if (action === 'score' || action === 'rescore') {
      let which = missing;
      if (action === 'rescore') {
        const cur = (working.focus?.scores ?? {}) as Record<string, number>;
        which = [
          await P.select<string>({
            message: 'Which criterion?',
            choices: config.criteria.map((k) => ({ name: `${k.label} [${k.id}]  ${cur[k.id] ?? '·'}`, value: k.id })),
          }),
        ];
      }
      for (const [crit, n] of await promptScores(io, P, config, working, which)) apply({ op: 'set', path: ['focus', 'scores', crit], value: n }, `score ${crit} ${n}`);
      if (!missingCriteria(config, working).length) {
        const others = p.initiatives.map((i) => (i.id === working.id ? working : i));
        say(io, `${standing(config, impactMatrix(config, others), working)}`);
      }
    } else if (action === 'group') {
      await askGroupScores(io, P, config, working, apply);
      if (!missingCriteria(config, working).length) say(io, `${standing(config, impactMatrix(config, p.initiatives.map((i) => (i.id === working.id ? working : i))), working)}`);
    } else if (action === 'cost') {
      const line = await askCost(P, config, working);
      apply({ op: 'append', path: ['focus', 'businessCase', 'costs'], value: line }, `cost line: ${describeCost(config, line)}`);
      say(io, `Running business case: ${runningBcr(config, working)}`);
    } else if (action === 'benefit') {
      const line = await askBenefit(P, config, working);
      apply({ op: 'append', path: ['focus', 'businessCase', 'benefits'], value: line }, `benefit line: ${describeBenefit(config, line)}`);
      say(io, `Running business case: ${runningBcr(config, working)}`);
    } else if (action === 'toc') {
      for (const e of await askTheoryOfChange(io, P, working)) apply(e.op, e.note);
    }
  }

  if (!pending.length) {
    say(io, 'Nothing to save.');
    next(io, 'costar focus rank');
    return 0;
  }
  say(io, `\n${c.bold(`Changes to ${working.id}`)}\n${pending.map((x) => `  · ${x.note}`).join('\n')}`);
  if (!(await P.confirm({ message: 'Save these changes?', default: true }))) {
    say(io, 'Nothing was changed.');
    return 0;
  }
  const res = commit(p, [{ kind: 'initiative', id: working.id, edit: pending.map((x) => x.op) }]);
  for (const f of res.written) say(io, `${c.green('✔')} Wrote ${f} (${plural(pending.length, 'change')})`);
  const after = loadPortfolio(root);
  const now = after.initiatives.find((i) => i.id === working.id);
  if (now && after.errors === 0) say(io, `${standing(after.config, impactMatrix(after.config, after.initiatives), now)}`);
  next(io, hasBusinessCase(working) ? `costar focus case ${working.id}` : 'costar focus rank');
  return 0;
}

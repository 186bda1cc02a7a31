/**
 * `costar focus`: the interactive session. Pick an initiative (or walk every unscored one), score
 * it, add cost and benefit lines, fill the theory of change; nothing is written before "Save now"
 * or the final confirmation. The changes wait in the session's Room (cli/session.ts: journalled,
 * offered back after a crash, Ctrl-C asks). Escape goes back: from a question to the one before,
 * from a step to the menu, from the menu to the list of initiatives. The session speaks on
 * stderr; the questions are in questions.ts.
 */
import { businessCase, hasBusinessCase } from '../../../core/business-case.js';
import type { Config } from '../../../core/config.js';
import { usageError } from '../../../core/errors.js';
import { formatRatio } from '../../../core/format.js';
import { impactMatrix, missingCriteria, QUADRANT_LABELS, type MatrixRow } from '../../../core/matrix.js';
import type { Initiative } from '../../../core/schema.js';
import { applyToValue, type EditOp } from '../../../store/edit.js';
import { backable, BackSignal } from '../../prompt-guard.js';
import { Room } from '../../session.js';
import { findPortfolio, loadPortfolio, type Portfolio, readPortfolio } from '../../../store/portfolio.js';
import { loadPrompts } from '../../ask.js';
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
const FINISH = '\u0000finish';

/** Saves every pending change after a summary and a confirmation; 0 either way. */
async function finish(io: Io, room: Room, root: string, shown?: string): Promise<number> {
  const c = io.ce;
  if (!room.count) {
    say(io, 'Nothing to save.');
    next(io, 'costar focus rank');
    return 0;
  }
  const ids = [...new Set(room.pending.map((x) => x.change.id!))];
  const title = ids.length === 1 ? `Changes to ${ids[0]}` : 'Changes to save';
  say(io, `\n${c.bold(title)}\n${room.pending.map((x) => `  · ${ids.length === 1 ? '' : `${x.change.id}: `}${x.note}`).join('\n')}`);
  if (!(await room.P.confirm({ message: 'Save these changes?', default: true }))) {
    room.discard();
    say(io, 'Nothing was changed.');
    return 0;
  }
  room.save();
  const after = loadPortfolio(root);
  const now = shown ? after.initiatives.find((i) => i.id === shown) : undefined;
  if (now && after.errors === 0) say(io, `${standing(after.config, impactMatrix(after.config, after.initiatives), now)}`);
  next(io, now && hasBusinessCase(now) ? `costar focus case ${now.id}` : 'costar focus rank');
  return 0;
}

/**
 * Scores every unscored initiative in turn ("Skip this one", "Stop here"); each one's scores
 * wait in the room once its last criterion is scored. Returns 'back' when Escape leaves the walk.
 */
async function walkUnscored(io: Io, room: Room, p: Portfolio, list: Initiative[]): Promise<'stop' | 'back'> {
  const c = io.ce;
  const config = p.config;
  const P = room.P;
  let working = p.initiatives.map((i) => room.withPending('initiative', i.id, i));
  for (const [k, ini0] of list.entries()) {
    const ini = working.find((i) => i.id === ini0.id)!;
    say(io, `\n${c.bold(`${ini.id} — ${ini.title}`)} ${c.dim(`(${k + 1} of ${list.length})`)}`);
    if (ini.summary) say(io, c.dim(`${ini.summary.trim()}`));
    let scores: Array<[string, number]> | undefined;
    for (;;) {
      const what = await P.select<string>({
        message: `Score ${ini.id}?`,
        loop: false,
        choices: [
          { value: 'score', name: `Score it (${plural(missingCriteria(config, ini).length, 'criterion', 'criteria')})` },
          { value: 'skip', name: 'Skip this one' },
          { value: 'stop', name: 'Stop here', description: room.count ? `${room.countText} so far are kept for saving` : undefined },
        ],
      });
      if (what === 'stop') return 'stop';
      if (what === 'skip') break;
      const r = await backable(() => promptScores(io, P, config, ini, missingCriteria(config, ini)));
      if (r.back) continue;
      scores = r.value;
      break;
    }
    if (!scores) continue;
    room.add(
      { kind: 'initiative', id: ini.id, edit: scores.map(([crit, n]) => ({ op: 'set' as const, path: ['focus', 'scores', crit], value: n })) },
      `scores ${scores.map(([crit, n]) => `${crit} ${n}`).join(', ')}`,
    );
    let scored = ini;
    for (const [crit, n] of scores) scored = applyToValue(scored, { op: 'set', path: ['focus', 'scores', crit], value: n }) as Initiative;
    working = working.map((i) => (i.id === ini.id ? scored : i));
    say(io, `${standing(config, impactMatrix(config, working), scored)}`);
  }
  return 'stop';
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
  const p = await readPortfolio(root);
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
  const room = new Room(io, await loadPrompts(), root, 'focus');
  return room.run(async () => {
    await room.offerRecovery();
    return session(io, room, root, p);
  });
}

async function session(io: Io, room: Room, root: string, p: Portfolio): Promise<number> {
  const P = room.P;
  for (;;) {
    const config = p.config;
    const current = p.initiatives.map((i) => room.withPending('initiative', i.id, i));
    const rows = impactMatrix(config, current);
    // Unscored and partly scored first: they are what a focus session is for.
    const order = [...current].sort((a, b) => {
      const ma = a.status === 'stopped' ? -1 : missingCriteria(config, a).length;
      const mb = b.status === 'stopped' ? -1 : missingCriteria(config, b).length;
      return (mb > 0 ? 1 : 0) - (ma > 0 ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    const choices = order.map((i) => initiativeChoice(config, rows, i));
    const unscored = current.filter((i) => i.status !== 'stopped' && missingCriteria(config, i).length > 0);
    const walk = unscored.length
      ? [{ name: `Score every initiative not on the matrix yet (${unscored.length}), one criterion at a time`, value: WALK, description: unscored.map((i) => i.id).join(', ') }]
      : [];
    const fin = room.count ? [{ name: `Finish: save ${room.countText}`, value: FINISH, description: 'A summary first, then a confirmation' }] : [];
    const id = await P.search<string>({
      message: 'Initiative (type to search)',
      source: (term) => {
        const t = (term ?? '').toLowerCase().trim();
        return t ? choices.filter((ch) => ch.name.toLowerCase().includes(t)) : [...walk, ...fin, ...choices];
      },
    });
    if (id === FINISH) return finish(io, room, root);
    if (id === WALK) {
      const r = await backable(() => walkUnscored(io, room, p, unscored));
      if (r.back) {
        p = loadPortfolio(root);
        continue;
      }
      return finish(io, room, root);
    }
    const r = await backable(() => initiativeMenu(io, room, p, id));
    // Back to the list: read again, as "Save now" may have written some of it.
    if (r.back) {
      p = loadPortfolio(root);
      continue;
    }
    return finish(io, room, root, id);
  }
}

/** The menu of one initiative; Escape at it goes back to the list. */
async function initiativeMenu(io: Io, room: Room, p: Portfolio, id: string): Promise<'finish'> {
  const c = io.ce;
  const P = room.P;
  const config = p.config;
  let working: Initiative = room.withPending('initiative', id, structuredClone(p.initiatives.find((i) => i.id === id)!));
  const apply = (op: EditOp, note: string) => {
    working = applyToValue(working, op) as Initiative;
    room.add({ kind: 'initiative', id, edit: [op] }, note);
    return working;
  };
  const standingNow = () => {
    if (!missingCriteria(config, working).length) say(io, `${standing(config, impactMatrix(config, p.initiatives.map((i) => (i.id === working.id ? working : room.withPending('initiative', i.id, i)))), working)}`);
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
        { name: room.count ? `Finish (${room.countText} to save)` : 'Finish', value: 'done' },
        ...(room.count ? [{ name: `Save now (${room.countText}), then go on`, value: 'save' }] : []),
        { name: '← Back to the list of initiatives', value: 'back', description: 'Escape does this too; nothing is lost' },
      ],
    });
    if (action === 'done') return 'finish';
    if (action === 'back') return backToList();
    if (action === 'save') {
      // Written so far; the session carries on where it was.
      room.trySave();
      continue;
    }
    // Escape inside a step comes back to this menu; what the step had finished is kept.
    await backable(async () => {
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
        standingNow();
      } else if (action === 'group') {
        await askGroupScores(io, P, config, working, apply);
        standingNow();
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
    });
  }
}

/** "← Back" in a menu does what Escape does. */
function backToList(): never {
  throw new BackSignal();
}

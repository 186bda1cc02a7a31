/**
 * Market it: `costar market` (the workshop session), `market menu`, `market add-incentive` and
 * `market charter`. Wiring only: flags are checked in options.ts, prompts live in session.ts,
 * screens in render.ts, and the rules (what a charter lacks, repeats, the edits in canonical key
 * order) in core/market.ts. Every write is one commit through the store.
 */
import { CostarError, EXIT, usageError } from '../../../core/errors.js';
import { charterOps, countAdditions, emptyAdditions, hasIncentive, incentiveOp, marketGaps, newCharterItems, STAKEHOLDER_LABELS, withAdditions, type IncentiveRecord } from '../../../core/market.js';
import type { Initiative } from '../../../core/schema.js';
import { INCENTIVE_MENU } from '../../../data/incentives.js';
import { findPortfolio, loadPortfolio, type Portfolio, readPortfolio } from '../../../store/portfolio.js';
import { commit } from '../../../store/write.js';
import { loadPrompts } from '../../ask.js';
import type { Io } from '../../io.js';
import type { CommandContext } from '../../program.js';
import { findInitiative, invalidRecordError } from '../../records.js';
import { next, plural, say } from '../../render.js';
import { nothingToAdd, parseCharterOptions, parseIncentiveOptions, parseMenuOptions } from './options.js';
import { describeIncentive, marketState, menuJson, menuText, nextSteps, pendingChanges, summariseAdditions } from './render.js';
import { stepIf, steps } from '../../prompt-guard.js';
import { Room, SAVED_BEFORE } from '../../session.js';
import { askCost, askGroup, askKind, askWhat, charterStep, chooseInitiative, incentivesStep, newSession } from './session.js';

/** The portfolio and the initiative a write is about; unknown ids are usage errors with a suggestion. */
function openInitiative(io: Io, portfolioFlag: string | undefined, id: string, forChange = true): { p: Portfolio; i: Initiative; rel: string } {
  const p = loadPortfolio(findPortfolio(io.cwd, portfolioFlag), { forChange });
  const i = findInitiative(p, id, 'change');
  const file = p.fileOf('initiative', id)!;
  if (p.diagnostics.some((d) => d.file === file.rel && d.severity === 'error')) throw invalidRecordError(p, file, 'change');
  return { p, i, rel: file.rel };
}

/** `costar market menu`: the built-in incentive menu, grouped, filtered, or as JSON. Needs no portfolio. */
export async function runMenu({ io, opts }: CommandContext): Promise<number> {
  const { group, kind, json } = parseMenuOptions(opts);
  const found = INCENTIVE_MENU.filter((x) => (group === undefined || x.for === group) && (kind === undefined || x.kind === kind));
  if (json) {
    io.out(menuJson(found));
    return EXIT.ok;
  }
  if (!found.length) {
    say(io, `The menu has no ${kind ?? ''} incentives${group ? ` for ${STAKEHOLDER_LABELS[group].toLowerCase()}` : ''}.\nTry without --kind: costar market menu${group ? ` --for ${group}` : ''}`);
    return EXIT.ok;
  }
  io.out(await menuText(io, found, group, kind));
  next(io, 'costar market add-incentive <initiative> --from-menu <id> [--cost <yearly cost>]');
  return EXIT.ok;
}

/** `costar market add-incentive <id>`: one incentive, from flags or from the menu. */
export async function runAddIncentive({ io, global, args, opts }: CommandContext): Promise<number> {
  const id = String(args[0]);
  // The portfolio first: --cost may carry its currency's symbol (£1,800).
  const { p, i, rel } = openInitiative(io, global.portfolio, id);
  const o = parseIncentiveOptions(opts, p.config.currency);
  let { group, kind, what, cost } = o;
  if (o.missing.length && !io.canPrompt) {
    throw usageError(
      'missing-value',
      `the incentive needs ${o.missing.join(', ').replace(/, ([^,]*)$/, ' and $1')}`,
      `Or take one from the menu: costar market add-incentive ${id} --from-menu <menu id> (see costar market menu)${io.env.CI ? '. Prompts are off because CI is set.' : ''}`,
    );
  }
  if (o.missing.length) {
    const pr = await loadPrompts();
    // Only what the flags left out is asked; Escape goes back to the question before, its answer kept.
    const ask = { group: group === undefined, kind: kind === undefined, what: what === undefined, cost: !o.costGiven };
    await steps([
      stepIf(
        () => ask.group,
        async () => {
          group = await askGroup(pr, 'Who is the incentive for?', undefined, group);
        },
      ),
      stepIf(
        () => ask.kind,
        async () => {
          kind = await askKind(pr, kind);
        },
      ),
      stepIf(
        () => ask.what,
        async () => {
          what = await askWhat(pr, what);
        },
      ),
      stepIf(
        () => ask.cost,
        async () => {
          cost = await askCost(pr, p.config.currency, undefined, cost);
        },
      ),
    ]);
  }
  const inc: IncentiveRecord = { for: group!, kind: kind!, what: what!, ...(cost !== undefined ? { cost } : {}) };
  if (hasIncentive(i, inc)) {
    say(io, `${id} already offers this incentive (${describeIncentive(inc, p.config.currency)}); nothing was changed.`);
    return EXIT.ok;
  }
  commit(p, [{ kind: 'initiative', id, edit: [incentiveOp(inc)] }]);
  say(io, `${io.ce.green('✔')} Added an incentive to ${rel}: ${describeIncentive(inc, p.config.currency)}`);
  nextSteps(io, withAdditions(i, [inc], emptyAdditions()));
  return EXIT.ok;
}

/** `costar market charter <id>`: appends to the charter's lists from repeatable flags, in one write. */
export async function runCharter({ io, global, args, opts }: CommandContext): Promise<number> {
  const id = String(args[0]);
  const add = parseCharterOptions(opts);
  if (countAdditions(add) === 0) {
    if (io.canPrompt) return interactive(io, global.portfolio, id, { charterOnly: true });
    throw nothingToAdd(id);
  }
  const { p, i, rel } = openInitiative(io, global.portfolio, id);
  const { added, repeated } = newCharterItems(i.market?.charter, add);
  for (const r of repeated) say(io, `${io.ce.dim('note:')} the charter already has the ${r}; left as it is`);
  if (countAdditions(added) === 0) {
    say(io, `Nothing new to add to the charter of ${id}; nothing was changed.`);
    return EXIT.ok;
  }
  commit(p, [{ kind: 'initiative', id, edit: charterOps(added) }]);
  say(io, `${io.ce.green('✔')} Updated the charter in ${rel}: ${summariseAdditions(added)}`);
  nextSteps(io, withAdditions(i, [], added));
  return EXIT.ok;
}

/** `costar market`: the interactive session (workshops). */
export async function run({ io, global }: CommandContext): Promise<number> {
  if (!io.canPrompt) {
    throw usageError(
      'not-interactive',
      'costar market asks questions, so it needs a terminal (and no --no-input or CI)',
      'Unattended, use: costar market menu, costar market add-incentive <id> --from-menu <menu id>, costar market charter <id> --party … --service-commitment … --community-commitment …',
    );
  }
  return interactive(io, global.portfolio, undefined, { charterOnly: false });
}

/** The session: which initiative, its incentives and charter, a summary, then one write. */
async function interactive(io: Io, portfolioFlag: string | undefined, presetId: string | undefined, mode: { charterOnly: boolean }): Promise<number> {
  const p = await readPortfolio(findPortfolio(io.cwd, portfolioFlag));
  const { ce } = io;
  if (!p.initiatives.length) {
    throw new CostarError('no-initiatives', 'the portfolio has no initiatives yet', { hint: 'Add one first: costar map (or costar map add --title … --area …)' });
  }
  const pr = await loadPrompts();
  const room = new Room(io, pr, p.root, 'market');
  return room.run(async () => {
    await room.offerRecovery();
    const done = p.initiatives.filter((i) => !marketGaps(i).length).length;
    say(io, `${ce.bold(p.config.name)} · ${p.initiatives.length} initiatives · Market it complete for ${done}\n\n`);
    const id = presetId ?? (await chooseInitiative(io, pr, p));
    const { i, rel } = openInitiative(io, portfolioFlag, id, false);
    say(io, `\n${ce.bold(i.title)}  ${ce.dim(i.id)}\n  ${marketState(i)}\n\n`);

    // What this session adds waits in the room, kept up to date before every question (so Ctrl-C
    // and a crash lose nothing); one left from before for the same initiative is taken up again.
    const key = `market:${id}`;
    const s = newSession();
    const kept = room.pending.find((x) => x.key === key)?.draft as Partial<typeof s> | undefined;
    if (kept && Array.isArray(kept.incentives) && kept.add) Object.assign(s, structuredClone({ incentives: kept.incentives, add: { ...s.add, ...kept.add } }));
    const additions = () => newCharterItems(i.market?.charter, s.add).added;
    room.sync = () => {
      const added = additions();
      const ops = [...s.incentives.map(incentiveOp), ...charterOps(added)];
      const words = [...(s.incentives.length ? [plural(s.incentives.length, 'incentive')] : []), ...(countAdditions(added) ? [summariseAdditions(added)] : [])].join('; ');
      room.add(ops.length ? { kind: 'initiative', id, edit: ops } : undefined, words, key, s);
    };
    // Save now writes what waits and the session goes on from the file as saved.
    const saveNow = {
      pending: () => (room.sync?.(), room.count),
      save: () => {
        room.sync?.();
        if (!room.trySave()) return false;
        // The session goes on from the initiative as saved.
        Object.assign(i, openInitiative(io, portfolioFlag, id, false).i);
        s.incentives = [];
        s.add = emptyAdditions();
        return true;
      },
    };
    if (!mode.charterOnly) await incentivesStep(io, pr, p, i, s, saveNow);
    const doCharter = mode.charterOnly || (await pr.confirm({ message: i.market?.charter ? 'Add to the charter now?' : 'Build the co-production charter now?', default: true }));
    if (doCharter) await charterStep(io, pr, p, i, s);
    room.sync();
    room.sync = undefined;

    const added = additions();
    if (!room.count) {
      say(io, `\n${room.savedBefore ? SAVED_BEFORE.nothingMore : 'Nothing to save; nothing was changed.'}`);
      nextSteps(io, i);
      return EXIT.ok;
    }
    if (s.incentives.length || countAdditions(added)) pendingChanges(io, rel, i, s.incentives, added, p.config.currency);
    const others = room.pending.filter((x) => x.key !== key);
    if (others.length) say(io, `\n${ce.bold('Recovered, also to save')}\n${others.map((x) => `  · ${x.change.id}: ${x.note}`).join('\n')}`);
    if (!(await pr.confirm({ message: 'Save these changes?', default: true }))) {
      room.discard();
      say(io, room.savedBefore ? SAVED_BEFORE.restNotSaved : 'Nothing was changed.');
      return EXIT.ok;
    }
    room.save();
    nextSteps(io, withAdditions(i, s.incentives, added));
    return EXIT.ok;
  });
}

/**
 * The prompts of `costar people`: survey entry (one return after another, each saved only once
 * confirmed) and the menu. Everything here is said on stderr; the match screen is data (stdout).
 */
import { EXIT } from '../../../core/errors.js';
import { matchDetail } from '../../../core/match.js';
import { canonicalSkill, describePerson, knownSkills, nearMissSkill, nextPersonId, slug, splitList } from '../../../core/people.js';
import { AVAILABILITY, PERSON_KINDS, WILLINGNESS } from '../../../core/vocab.js';
import { orderRecord } from '../../../core/key-order.js';
import { findPortfolio, loadPortfolio, type Portfolio } from '../../../store/portfolio.js';
import { loadPrompts, type Prompts } from '../../ask.js';
import { isPromptExit } from '../../exit.js';
import { Room } from '../../session.js';
import type { Io } from '../../io.js';
import type { CommandContext } from '../../program.js';
import { takenIds } from '../../records.js';
import { asOfDate } from '../../as-of.js';
import { next, plural, say } from '../../render.js';
import { writeProposals } from './match.js';
import { renderMatch } from './render.js';

const WILLINGNESS_LABELS: Record<string, string> = {
  already: 'already — does it now',
  more: 'more — would do more',
  maybe: 'maybe',
  no: 'no — does not want to take part',
};

/**
 * Interactive survey entry: one return after another, each saved only once confirmed. A return
 * typed in full waits in the session's room (cli/session.ts) until then, so Ctrl-C asks about it
 * and a crash offers it back the next time.
 */
export async function survey(io: Io, root: string, given?: Room): Promise<number> {
  const ask = await loadPrompts();
  const room = given ?? new Room(io, ask, root, 'people');
  const entry = async (): Promise<number> => {
    if (!given) await room.offerRecovery();
    let saved = 0;
    say(io, `${io.c.bold('Survey entry')} ${io.c.dim('· type in one return after another; Ctrl-C asks before anything typed is lost')}`);
    if (room.count) {
      const n = room.pending.length;
      if (await ask.confirm({ message: `Save the ${room.countText} recovered first?`, default: true })) saved += room.trySave() ? n : 0;
      else room.discard();
    }
    try {
      for (;;) {
        const p = loadPortfolio(root);
        const rec = await askReturn(ask, io, p, saved + 1, asOfDate(undefined, io.env));
        const id = rec.id as string;
        say(io, `\n  ${io.c.bold(id)}  ${describePerson(rec)}`);
        room.add({ kind: 'person', id, create: orderRecord('person', rec, { dropEmpty: true }) }, `return ${id}`);
        if (await ask.confirm({ message: 'Save this return?', default: true })) {
          room.save();
          saved++;
        } else {
          room.discard();
          say(io, `${io.ce.yellow('Discarded')} ${id}; nothing was written for it.`);
        }
        if (!(await ask.confirm({ message: 'Type in another return?', default: true }))) break;
      }
    } catch (e) {
      if (!isPromptExit(e)) throw e;
      say(
        io,
        saved
          ? `${io.ce.yellow('Cancelled')}: the return being typed was discarded; the ${plural(saved, 'return')} saved before ${saved === 1 ? 'is' : 'are'} kept.`
          : `${io.ce.yellow('Cancelled')}: nothing was changed.`,
      );
      return EXIT.cancelled;
    }
    say(io, `${plural(saved, 'return')} saved.`);
    next(io, 'costar people match — who could fill which need');
    return EXIT.ok;
  };
  return given ? entry() : room.run(entry);
}

/** The skills of one question: canonical spelling, and a near miss offered as a correction. */
async function askSkills(ask: Prompts, message: string, known: readonly string[]): Promise<string[]> {
  const list: string[] = [];
  for (const raw of splitList(await ask.input({ message }))) {
    let s = canonicalSkill(raw, known);
    const near = nearMissSkill(s, known);
    if (near) {
      s = await ask.select({ message: `"${s}" is new here. Did you mean "${near}"?`, choices: [{ name: `Yes, ${near}`, value: near }, { name: `No, keep "${s}"`, value: s }] });
    }
    if (!list.includes(s)) list.push(s);
  }
  return list;
}

async function askWard(ask: Prompts, p: Portfolio): Promise<string | undefined> {
  const none = '\u0000none';
  const choices = [...p.config.wards.map((w) => ({ name: slug(w.label) === w.id ? w.label : `${w.label} (${w.id})`, value: w.id })), { name: 'not given', value: none }];
  const ward =
    choices.length > 12
      ? await ask.search({
          message: 'Ward (type to search)',
          source: (term: string | undefined) => choices.filter((c) => !term || c.name.toLowerCase().includes(term.toLowerCase())),
        })
      : await ask.select({ message: 'Ward', choices, pageSize: 12 });
  return ward === none ? undefined : ward;
}

async function askReturn(ask: Prompts, io: Io, p: Portfolio, n: number, today: string): Promise<Record<string, unknown>> {
  const id = nextPersonId(takenIds(p, 'person'));
  say(io, `\n${io.c.bold(`Return ${n}`)} ${io.c.dim(`(will be ${id})`)}`);
  const rec: Record<string, unknown> = { id };
  rec.kind = await ask.select({ message: 'Kind', choices: PERSON_KINDS.map((k) => ({ name: k, value: k })), default: 'individual' });
  const name = (await ask.input({ message: 'Name (personal data; leave blank if not given)' })).trim();
  if (name) rec.name = name;
  const contact = (await ask.input({ message: 'Contact, e.g. email or phone (personal data; blank if none)' })).trim();
  if (contact) rec.contact = contact;
  if (p.config.wards.length) rec.ward = await askWard(ask, p);
  rec.consent = await ask.confirm({ message: 'Agreed to be matched and contacted?', default: false });
  // The day the return is entered counts as the day consent was given (change it with costar set).
  if (rec.consent === true) rec.consentDate = today;
  const will = await ask.select({
    message: 'Willingness',
    choices: [...WILLINGNESS.map((w) => ({ name: WILLINGNESS_LABELS[w]!, value: w })), { name: 'not stated', value: '' }],
    default: 'maybe',
  });
  if (will) rec.willingness = will;
  if (await ask.confirm({ message: 'Under 18?', default: false })) rec.under18 = true;
  const known = knownSkills(p);
  const hint = known.length ? ` e.g. ${known.slice(0, 4).join(', ')}` : '';
  rec.offers = await askSkills(ask, `Skills or assets offered (separate with commas;${hint})`, known);
  rec.wants = await askSkills(ask, 'Would like to learn or receive (separate with commas)', known);
  rec.availability = await ask.checkbox({ message: 'Available (space to pick)', choices: AVAILABILITY.map((a) => ({ name: a, value: a })) });
  rec.checks = splitList(await ask.input({ message: 'Safeguarding checks held, e.g. dbs (blank if none)' }));
  // Fields not given (undefined, empty lists) are left out, as the file will leave them out.
  return orderRecord('person', rec, { dropEmpty: true });
}

/** `costar people` at a terminal: the menu of People it, until Done. */
export async function menu(ctx: CommandContext): Promise<number> {
  const { io, global } = ctx;
  const root = findPortfolio(io.cwd, global.portfolio);
  const ask = await loadPrompts();
  const room = new Room(io, ask, root, 'people');
  return room.run(async () => {
    await room.offerRecovery();
    return menuLoop(io, ask, root, room);
  });
}

async function menuLoop(io: Io, ask: Prompts, root: string, room: Room): Promise<number> {
  for (;;) {
    const p = loadPortfolio(root);
    const d = matchDetail(p.config, p.initiatives, p.people);
    const open = d.unfilled.reduce((s, u) => s + u.missing, 0);
    say(io, `\n${io.c.bold(p.config.name)} · ${plural(p.people.length, 'person', 'people')} surveyed · ${plural(open, 'slot')} of needs open · ${plural(d.assignments.length, 'proposal')}`);
    let choice: string;
    try {
      choice = await ask.select({
        message: 'What now?',
        choices: [
          ...(room.count ? [{ name: `Save the ${room.countText} recovered`, value: 'save' }] : []),
          { name: 'Type in survey returns', value: 'survey' },
          { name: 'Show proposals, skill swaps and open needs', value: 'match' },
          ...(d.assignments.length ? [{ name: `Record the ${plural(d.assignments.length, 'proposal')} as contributors`, value: 'write' }] : []),
          { name: 'Done', value: 'done' },
        ],
      });
    } catch (e) {
      if (!isPromptExit(e)) throw e;
      say(io, `${io.ce.yellow('Cancelled')}: nothing was changed.`);
      return EXIT.cancelled;
    }
    if (choice === 'done') break;
    if (choice === 'save') {
      room.trySave();
      continue;
    }
    if (choice === 'survey') {
      const code = await survey(io, root, room);
      if (code !== EXIT.ok) return code;
    } else if (choice === 'match') io.out(await renderMatch(io, p, d, false));
    else if (choice === 'write') writeProposals(io, p, d, false);
  }
  next(io, 'costar market — incentives and a charter for the people you found');
  return EXIT.ok;
}

/**
 * Map it: `costar map` (the workshop session), `costar map add` (unattended) and `costar map list`.
 * Wiring only: flags are checked in options.ts, prompts live in session.ts, screens in render.ts,
 * writes in save.ts, and the rules (the record a draft becomes, the edits, the gap wording) in
 * core/map.ts. Answers typed at a prompt and values given as flags pass the same checks; nothing
 * is written until a summary is confirmed, and every write goes through the store's commit.
 */
import { EXIT, usageError } from '../../../core/errors.js';
import { idFromTitle, toRecord, type Draft } from '../../../core/map.js';
import type { Initiative } from '../../../core/schema.js';
import { initiativeStatus } from '../../../core/status.js';
import { findPortfolio, readValidPortfolio } from '../../../store/portfolio.js';
import { loadPrompts, requireFlag } from '../../ask.js';
import { isPromptExit } from '../../exit.js';
import type { CommandContext } from '../../program.js';
import { takenIds } from '../../records.js';
import { Room } from '../../session.js';
import { next, say } from '../../render.js';
import { parseAddOptions, parseListOptions } from './options.js';
import { listJson, listText } from './render.js';
import { saveNew } from './save.js';
import { askTitle, chooseArea, session, type Session } from './session.js';

/** `costar map add`: one initiative from flags; title and area asked at a terminal when left out. */
export async function runAdd({ io, global, opts }: CommandContext): Promise<number> {
  const p = await readValidPortfolio(findPortfolio(io.cwd, global.portfolio), { forChange: true });
  const o = parseAddOptions(p, opts);
  let { title, area } = o;
  if (title === undefined) requireFlag(io, '--title', 'the title');
  if (area === undefined) requireFlag(io, '--area', `the service area (one of ${p.config.serviceAreas.map((a) => a.id).join(', ')})`);
  if (title === undefined || area === undefined) {
    const P = await loadPrompts();
    title ??= await askTitle(P);
    area ??= await chooseArea(P, p);
  }
  const id = o.id ?? idFromTitle(title, takenIds(p, 'initiative'));
  const draft: Draft = { id, title, serviceArea: area, status: o.status, wards: o.wards, summary: o.summary, cos: o.cos };
  saveNew(io, p, draft);
  io.out(`${id}\n`);
  const step = initiativeStatus(p.config, toRecord(draft) as Initiative).next;
  next(io, step ? `${step.message.charAt(0).toLowerCase()}${step.message.slice(1)}: ${step.command}` : 'costar star');
  return EXIT.ok;
}

/** `costar map list`: the initiatives and their Co's, as a table or JSON (stdout). */
export async function runList({ io, global, opts }: CommandContext): Promise<number> {
  const p = await readValidPortfolio(findPortfolio(io.cwd, global.portfolio));
  const { area, json } = parseListOptions(p.config, opts);
  const list = p.initiatives.filter((i) => area === undefined || i.serviceArea === area);
  if (json) {
    io.out(listJson(list));
    return EXIT.ok;
  }
  if (!list.length) say(io, `No initiatives${area ? ` in ${area}` : ''} yet.`);
  else io.out(await listText(io, p.config, list, area));
  next(io, `costar star — the star's coverage and gaps${list.length ? '' : '; or add one: costar map add --title … --area …'}`);
  return EXIT.ok;
}

/** `costar map`: the workshop session; only at a terminal. */
export async function run({ io, global }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readValidPortfolio(root);
  if (!io.canPrompt) {
    throw usageError(
      'not-interactive',
      'costar map is an interactive session, and nobody can be prompted here',
      'Unattended, add initiatives with: costar map add --title … --area … --co <co>=<level>; list them with costar map list',
    );
  }
  const P = await loadPrompts();
  const room = new Room(io, P, root, 'map');
  const s: Session = { io, P, root, p, written: [], room };
  try {
    return await room.run(async () => {
      await room.offerRecovery();
      await session(s);
      return EXIT.ok;
    });
  } catch (e) {
    if (isPromptExit(e) && s.written.length) {
      say(io, `\n${io.ce.yellow('Cancelled')}: the current step was not saved. Kept what you saved earlier: ${[...new Set(s.written)].join(', ')}`);
      return EXIT.cancelled;
    }
    throw e;
  }
}

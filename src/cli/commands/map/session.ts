/**
 * Map it, the workshop session: prompts only. What a draft becomes, what changed and what a cell
 * of the star says come from core/map.ts; the screens from render.ts; the writes from save.ts.
 * Everything here is said on stderr.
 */
import type { ServiceArea } from '../../../core/config.js';
import { CostarError } from '../../../core/errors.js';
import { suggestCases, type SourcedCase } from '../../../core/explore.js';
import { areaLabel, defaultLevel, describeChanges, diffOps, draftOf, idFromTitle, LEVEL_NOTES, STATUS_NOTES, toRecord, type Draft } from '../../../core/map.js';
import { CELL_WORDS, cellKind, starCoverage, unpractisedOf, type CellKind, type CoverageCell } from '../../../core/star.js';
import { slugify } from '../../../core/vocab.js';
import { COS, CO_LABELS, CO_LEVELS, STATUSES, type Co, type Status } from '../../../core/vocab.js';
import { loadValidPortfolio, type Portfolio } from '../../../store/portfolio.js';
import type { Prompts } from '../../ask.js';
import { shortCard, textWidth } from '../../cards.js';
import type { Io } from '../../io.js';
import { takenIds } from '../../records.js';
import { backable, BackSignal, stepIf, steps } from '../../prompt-guard.js';
import { fitErr, next, plural, say } from '../../render.js';
import type { Room } from '../../session.js';
import { libraryWith } from '../explore.js';
import { areaChoiceName, draftCard, panel, refusal } from './render.js';
import { saveChanges, saveNew } from './save.js';

export interface Session {
  io: Io;
  P: Prompts;
  root: string;
  p: Portfolio;
  written: string[];
  /** What is changed and not saved yet (an update being made, or recovered after a crash). */
  room: Room;
}

const notEmpty = (what: string) => (s: string) => (s.trim() ? true : `Give ${what}`);

const searchIn = (choices: Array<{ value: string; name: string }>) => (term: string | undefined) => {
  const t = (term ?? '').toLowerCase().trim();
  return choices.filter((ch) => !t || ch.name.toLowerCase().includes(t) || ch.value.includes(t));
};

/** The cells of an area that no initiative practises yet: its gaps, then its potential-only cells. */
const openIn = (p: Portfolio, area: string) => {
  const cells = unpractisedOf(starCoverage(p.config, p.initiatives, area).coverage, area);
  return [...cells.filter((c) => cellKind(c) === 'gap'), ...cells.filter((c) => cellKind(c) !== 'gap')];
};

/** The kind of each Co's cell in an area that is not practised (gap or potential only). */
const openKinds = (p: Portfolio, area: string) => new Map(openIn(p, area).map((c) => [c.co, cellKind(c)]));

export async function chooseArea(P: Prompts, p: Portfolio, current?: string): Promise<string> {
  const choices = p.config.serviceAreas.map((a) => ({ value: a.id, name: areaChoiceName(p, a) }));
  if (current) choices.sort((x, y) => Number(y.value === current) - Number(x.value === current));
  return P.search({ message: 'Service area', source: searchIn(choices) });
}

async function askStatus(P: Prompts, def: Status): Promise<Status> {
  return P.select({ message: 'Status', default: def, choices: STATUSES.map((s) => ({ value: s, name: s, description: STATUS_NOTES[s] })) });
}

/** Which Co's, then a level and "how" for each. */
async function askCos(P: Prompts, status: Status, open: Map<Co, CellKind>, current: Draft['cos'] = {}): Promise<Draft['cos']> {
  const note = (co: Co) => (open.get(co) === 'gap' ? '  (a gap here)' : open.get(co) === 'potential-only' ? `  (${CELL_WORDS['potential-only']} here)` : '');
  const picked = await P.checkbox({
    message: "Which of the Four Co's does it practise, or could it? (space to pick, enter when done)",
    choices: COS.map((co) => ({ value: co, name: `${CO_LABELS[co]}${note(co)}`, checked: Boolean(current[co]) })),
    validate: (list) => (list.length ? true : 'Pick at least one (potential is fine): space to pick'),
  });
  const out: Draft['cos'] = {};
  for (const co of COS) {
    if (!picked.includes(co)) continue;
    const level = await P.select({
      message: `${CO_LABELS[co]}: how far?`,
      default: current[co]?.level ?? defaultLevel(status),
      choices: CO_LEVELS.map((l) => ({ value: l, name: l, description: LEVEL_NOTES[l] })),
    });
    const how = (await P.input({ message: `${CO_LABELS[co]}: how? (optional)`, default: current[co]?.how })).trim();
    out[co] = how ? { level, how } : { level };
  }
  return out;
}

async function askWards(P: Prompts, p: Portfolio, current: string[] = []): Promise<string[]> {
  if (!p.config.wards.length) return current;
  return P.checkbox({
    message: 'Wards (space to pick, enter when done; none is fine)',
    choices: p.config.wards.map((w) => ({ value: w.id, name: w.label, checked: current.includes(w.id) })),
  });
}

/** The title of a new initiative, asked (for `map add` without --title). */
export async function askTitle(P: Prompts): Promise<string> {
  return (await P.input({ message: 'Title', validate: notEmpty('the initiative a title') })).trim();
}

/** Saves in a session; a refusal is shown and the session goes on. */
function sessionSave(s: Session, save: () => string): void {
  try {
    s.written.push(save());
  } catch (e) {
    if (!(e instanceof CostarError) || e.code === 'portfolio-invalid') throw e;
    refusal(s.io, e.message, e.hint);
  }
  s.p = loadValidPortfolio(s.root);
}

async function confirmAndSave(s: Session, d: Draft, heading: string): Promise<void> {
  say(s.io, draftCard(s.io, s.p.config, d, heading));
  // While the question is open the new initiative waits in the room: Ctrl-C or a crash does not lose it.
  const key = `add:${d.id}`;
  s.room.add({ kind: 'initiative', id: d.id, create: toRecord(d) as Record<string, unknown> }, `new initiative "${d.title}"`, key);
  const yes = await s.P.confirm({ message: 'Save it?', default: true });
  s.room.add(undefined, '', key);
  if (!yes) return say(s.io, '  Not saved.');
  sessionSave(s, () => saveNew(s.io, s.p, d, 2));
}

async function addFlow(s: Session, area: string): Promise<void> {
  const { P } = s;
  // Escape goes back to the question before, its answer kept as the default.
  let title = '';
  let status: Status = 'idea';
  let cos: Draft['cos'] = {};
  let summary = '';
  let wards: string[] = [];
  await steps([
    async () => {
      title = (await P.input({ message: 'Title', default: title || undefined, validate: notEmpty('the initiative a title') })).trim();
    },
    async () => {
      status = await askStatus(P, status);
    },
    async () => {
      cos = await askCos(P, status, openKinds(s.p, area), cos);
    },
    async () => {
      summary = (await P.input({ message: 'Summary in a sentence or two (optional)', default: summary || undefined })).trim();
    },
    stepIf(
      () => s.p.config.wards.length > 0,
      async () => {
        wards = await askWards(P, s.p, wards);
      },
    ),
  ]);
  const id = idFromTitle(title, takenIds(s.p, 'initiative'));
  await confirmAndSave(s, { id, title, serviceArea: area, status, cos, wards, summary: summary || undefined }, 'New initiative');
}

async function updateFlow(s: Session, area: string): Promise<void> {
  const { P, io, room } = s;
  const { ce } = io;
  const list = [...s.p.initiatives].sort((a, b) => Number(b.serviceArea === area) - Number(a.serviceArea === area));
  const choices = list.map((i) => ({
    value: i.id,
    name: `${i.title}  ${i.id !== slugify(i.title) ? `(${i.id}) ` : ''}· ${i.status}${i.serviceArea === area ? '' : ` · ${areaLabel(s.p.config, i.serviceArea).toLowerCase()}`}`,
  }));
  const id = await P.search({ message: 'Which initiative? (type to search)', source: searchIn(choices) });
  const key = `update:${id}`;
  // Changes to it that wait from before (recovered after a crash) are saved first, so the update starts from them.
  const waiting = room.pending.filter((x) => x.change.id === id && x.key !== key).length;
  if (waiting) {
    say(io, `  ${id} has ${plural(waiting, 'unsaved change')} from before; they are saved first.`);
    if (!(await P.confirm({ message: `Save ${plural(waiting, 'change')} to ${id} now?`, default: true })) || !room.trySave()) return;
    s.p = loadValidPortfolio(s.root);
  }
  const orig = s.p.initiatives.find((i) => i.id === id)!;
  const d = draftOf(orig);
  // An update left with Escape and opened again goes on from where it was.
  const kept = room.pending.find((x) => x.key === key);
  if (kept?.draft) Object.assign(d, kept.draft);
  const track = () => {
    const ops = diffOps(orig, d);
    room.add(ops.length ? { kind: 'initiative', id: d.id, edit: ops } : undefined, describeChanges(orig, d).join('; '), key, d);
  };
  for (;;) {
    say(io, draftCard(io, s.p.config, d, 'Initiative'));
    const pending = diffOps(orig, d).length;
    const what = await P.select({
      message: 'What would you like to change?',
      // No wrap-around: the discard at the foot is never one key away from the top.
      loop: false,
      choices: [
        { value: 'cos', name: "Its Co's and how far they go" },
        { value: 'status', name: `Status (${d.status})` },
        { value: 'title', name: 'Title' },
        { value: 'area', name: `Service area (${areaLabel(s.p.config, d.serviceArea).toLowerCase()})` },
        { value: 'summary', name: 'Summary' },
        ...(s.p.config.wards.length ? [{ value: 'wards', name: 'Wards' }] : []),
        { value: 'save', name: pending ? `Save ${plural(pending, 'change')}` : 'Nothing changed: go back' },
        ...(pending ? [{ value: 'back', name: '← Back, keeping the changes for later' }, { value: 'discard', name: 'Discard the changes', description: 'Asks first' }] : []),
      ],
    });
    if (what === 'back') throw new BackSignal();
    if (what === 'discard') {
      if (!(await P.confirm({ message: `Discard ${plural(pending, 'change')} to ${d.id}?`, default: false }))) continue;
      room.add(undefined, '', key);
      return say(io, '  Changes discarded.');
    }
    if (what === 'save') break;
    // Escape in a question comes back to this menu, the draft as it was.
    await backable(async () => {
      if (what === 'cos') d.cos = await askCos(P, d.status, openKinds(s.p, d.serviceArea), d.cos);
      else if (what === 'area') d.serviceArea = await chooseArea(P, s.p, d.serviceArea);
      else if (what === 'status') d.status = await askStatus(P, d.status);
      else if (what === 'title') d.title = (await P.input({ message: 'Title', default: d.title, validate: notEmpty('a title') })).trim();
      else if (what === 'summary') d.summary = (await P.input({ message: 'Summary (empty to remove it)', default: d.summary })).trim() || undefined;
      else if (what === 'wards') d.wards = await askWards(P, s.p, d.wards);
    });
    track();
  }
  const ops = diffOps(orig, d);
  if (!ops.length) return;
  say(io, `\n  ${ce.bold('Changes to')} ${ce.cyan(d.id)}\n${describeChanges(orig, d).map((l) => `    ${l}\n`).join('')}`);
  if (!(await P.confirm({ message: `Save ${plural(ops.length, 'change')} to ${d.id}?`, default: true }))) return say(io, '  Not saved; the changes wait (Save now, or Update again).');
  const before = s.written.length;
  sessionSave(s, () => saveChanges(io, s.p, orig, d));
  if (s.written.length > before) room.add(undefined, '', key);
}

/** "Get ideas for a gap (Co-delivery; potential only: Co-design)": the gaps first, then the potential-only cells. */
function ideasChoiceName(open: readonly CoverageCell[]): string {
  const names = (k: CellKind) => open.filter((c) => cellKind(c) === k).map((c) => CO_LABELS[c.co]).join(', ');
  const gaps = names('gap');
  const potential = names('potential-only');
  if (!open.length) return 'Get ideas for a gap';
  if (!gaps) return `Get ideas for a ${CELL_WORDS['potential-only']} Co (${potential})`;
  return `Get ideas for a gap (${gaps}${potential ? `; ${CELL_WORDS['potential-only']}: ${potential}` : ''})`;
}

async function ideasFlow(s: Session, area: string): Promise<void> {
  const { P, io } = s;
  const { ce } = io;
  const sa = s.p.config.serviceAreas.find((a) => a.id === area)!;
  const open = openIn(s.p, area);
  const co: Co =
    open.length === 1
      ? open[0]!.co
      : await P.select({
          message: 'Ideas for which Co?',
          choices: open.map((g) => ({ value: g.co, name: `${CO_LABELS[g.co]}  (${g.potential ? `${CELL_WORDS['potential-only']}: ${plural(g.potential, 'initiative')}` : `${CELL_WORDS.gap}: nothing yet`})` })),
        });
  const { cases, elsewhere } = suggestCases(libraryWith(s.p).cases, co, sa.tags);
  if (!cases.length) return say(io, `  No case studies show ${CO_LABELS[co]} yet. Add your own in cases/ (see costar explore).`);
  for (let from = 0; ; from += 3) {
    const shown = cases.slice(from, from + 3);
    const lines: string[] = [''];
    lines.push(
      ce.bold(`${CO_LABELS[co]} elsewhere`) +
        ce.dim(elsewhere ? `: no case fits ${sa.label.toLowerCase()}'s tags, so these come from other services` : ` — ideas for ${sa.label.toLowerCase()}`),
    );
    shown.forEach((c, k) => lines.push('', ...shortCard(c, ce, textWidth(), k + 1)));
    say(io, lines.join('\n') + '\n\n');
    const more = from + 3 < cases.length;
    const pick = await P.select<string>({
      message: 'Start a potential initiative from one?',
      choices: [
        ...shown.map((c, k) => ({ value: `case:${from + k}`, name: `${k + 1}. Start one like "${c.case.title}"` })),
        ...(more ? [{ value: 'more', name: `Show more ideas (${cases.length - from - 3} more)` }] : []),
        { value: 'back', name: 'Back' },
      ],
    });
    if (pick === 'back') return;
    if (pick !== 'more') return startFromCase(s, sa, co, cases[Number(pick.slice(5))]!);
  }
}

async function startFromCase(s: Session, sa: ServiceArea, co: Co, c: SourcedCase): Promise<void> {
  const { P } = s;
  const k = c.case;
  const place = k.place ? ` in ${k.place}` : '';
  const title = (await P.input({ message: 'Title for your initiative', default: k.title, validate: notEmpty('a title') })).trim();
  const how = (await P.input({ message: `${CO_LABELS[co]}: how could it work here? (optional)`, default: `Like ${k.title}${k.place ? ` (${k.place})` : ''}` })).trim();
  const summary = (await P.input({ message: 'Summary (optional)', default: `Idea from the case library: ${k.title}${place}${k.source ? ` (${k.source})` : ''}.` })).trim();
  const wards = await askWards(P, s.p);
  const id = idFromTitle(title, takenIds(s.p, 'initiative'));
  const d: Draft = { id, title, serviceArea: sa.id, status: 'idea', wards, summary: summary || undefined, cos: { [co]: how ? { level: 'potential', how } : { level: 'potential' } } };
  await confirmAndSave(s, d, 'New potential initiative');
}

/** "Done" with changes not saved: save them, discard them (asked twice), or go back. */
async function leave(s: Session): Promise<boolean> {
  const { room, P } = s;
  const n = room.countText;
  const how = await P.select<string>({
    message: `${n} not saved yet. Save before you go?`,
    loop: false,
    choices: [
      { value: 'save', name: `Save ${n} and finish` },
      { value: 'stay', name: 'Go back to the session' },
      { value: 'discard', name: `Discard ${n} and finish`, description: 'Asks first' },
    ],
  });
  if (how === 'stay') return false;
  if (how === 'save') {
    const rels = room.pending.map((x) => x.rel);
    if (!room.trySave()) return false;
    s.written.push(...rels);
    return true;
  }
  if (!(await P.confirm({ message: `Discard ${n}?`, default: false }))) return false;
  room.discard();
  return true;
}

/** The session: choose a service area, then add, update, find ideas for gaps, until done. */
export async function session(s: Session): Promise<void> {
  const { io, P } = s;
  const { ce } = io;
  const cfg = s.p.config;
  say(io, `${ce.bold(cfg.name)} · ${plural(s.p.initiatives.length, 'initiative')} · ${plural(cfg.serviceAreas.length, 'service area')}`);
  io.err(`${ce.dim(fitErr(io, 'Type to search a list, arrows to move, enter to choose, escape to go back; ctrl-c asks before anything unsaved is lost.'))}\n\n`);
  let area = await chooseArea(P, s.p);
  for (;;) {
    io.err(panel(io, s.p, area));
    const open = openIn(s.p, area);
    const { room } = s;
    const r = await backable(() =>
      P.select<string>({
        message: 'What now?',
        choices: [
          { value: 'add', name: 'Add an initiative' },
          { value: 'update', name: 'Update an initiative', disabled: s.p.initiatives.length ? false : '(none yet)' },
          {
            value: 'ideas',
            name: ideasChoiceName(open),
            disabled: open.length ? false : '(every Co is practised here)',
          },
          { value: 'switch', name: 'Switch service area' },
          { value: 'done', name: room.count ? `Done (${room.countText} not saved yet)` : 'Done' },
          ...(room.count ? [{ value: 'save', name: `Save now (${room.countText}), then go on` }] : []),
        ],
      }),
    );
    // Escape at this menu goes back to the choice of service area.
    const what = r.back ? 'switch' : r.value;
    if (what === 'save') {
      const before = room.pending.map((x) => x.rel);
      if (room.trySave()) s.written.push(...before);
      s.p = loadValidPortfolio(s.root);
      continue;
    }
    if (what === 'done') {
      if (!room.count || (await leave(s))) break;
      continue;
    }
    // Escape inside a step comes back here; what the step had saved stays saved.
    await backable(async () => {
      if (what === 'add') await addFlow(s, area);
      else if (what === 'update') await updateFlow(s, area);
      else if (what === 'ideas') await ideasFlow(s, area);
      else if (what === 'switch') area = await chooseArea(P, s.p, area);
    });
  }
  const n = s.written.length;
  say(io, `\n${n ? `Saved ${plural(n, 'change')} this session: ${[...new Set(s.written)].join(', ')}` : 'Nothing was changed.'}`);
  next(io, 'costar star — the whole star, its coverage and gaps (then costar status)');
}

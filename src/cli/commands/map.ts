/**
 * Map it: `costar map` (the workshop session), `costar map add` (unattended) and `costar map list`.
 * Answers typed at a prompt and values given as flags pass the same checks; nothing is written
 * until a summary is confirmed, and every write goes through the store's commit.
 */
import type { Config, ServiceArea } from '../../core/config.js';
import { CostarError, EXIT, usageError } from '../../core/errors.js';
import { suggestCases, type SourcedCase } from '../../core/explore.js';
import type { Initiative } from '../../core/schema.js';
import { gapsOf, starCoverage, type CoverageCell } from '../../core/star.js';
import { initiativeStatus } from '../../core/status.js';
import { slugify } from '../../core/validate.js';
import { COS, CO_LABELS, CO_LEVELS, ID_PATTERN, STATUSES, type Co, type CoLevel, type Status } from '../../core/vocab.js';
import type { EditOp } from '../../store/edit.js';
import { findPortfolio, loadValidPortfolio, type Portfolio } from '../../store/portfolio.js';
import { commit } from '../../store/write.js';
import { loadPrompts, requireFlag, type Prompts } from '../ask.js';
import { shortCard, textWidth, wrap } from '../cards.js';
import { checkChoice, splitPair, uniqueId } from '../check-values.js';
import { checkRecordId, takenIds } from '../records.js';
import { isPromptExit } from '../exit.js';
import type { Io } from '../io.js';
import type { CommandContext } from '../program.js';
import { libraryWith } from './explore.js';

type CoEntry = { level: CoLevel; how?: string };

/** An initiative as the session builds it, before it is a file. */
export interface Draft {
  id: string;
  title: string;
  serviceArea: string;
  status: Status;
  wards: string[];
  summary?: string;
  cos: Partial<Record<Co, CoEntry>>;
}

const STATUS_NOTES: Record<Status, string> = {
  idea: 'an idea, not started',
  planned: 'agreed, not started',
  pilot: 'being tried out',
  running: 'up and running',
  scaled: 'grown beyond its first place',
  stopped: 'no longer running',
};

const LEVEL_NOTES: Record<CoLevel, string> = {
  potential: 'an opportunity: not practised yet',
  emerging: 'practised in part, or only just begun',
  established: 'practised fully and routinely',
};

/** A sensible level to offer first for a status. */
function defaultLevel(status: Status): CoLevel {
  return status === 'idea' || status === 'planned' ? 'potential' : status === 'pilot' ? 'emerging' : 'established';
}

/** The record in the SPEC's key order, without empty optional fields. */
export function toRecord(d: Draft): Record<string, unknown> {
  const rec: Record<string, unknown> = { id: d.id, title: d.title, serviceArea: d.serviceArea, status: d.status };
  if (d.wards.length) rec.wards = [...d.wards];
  if (d.summary) rec.summary = d.summary;
  const cos: Record<string, unknown> = {};
  for (const co of COS) {
    const e = d.cos[co];
    if (e) cos[co] = e.how ? { level: e.level, how: e.how } : { level: e.level };
  }
  if (Object.keys(cos).length) rec.cos = cos;
  return rec;
}

function labelOf(config: Config, area: string): string {
  return config.serviceAreas.find((a) => a.id === area)?.label ?? area;
}

function cosText(cos: Draft['cos']): string {
  const list = COS.filter((co) => cos[co]).map((co) => `${co} (${cos[co]!.level})`);
  return list.length ? list.join(', ') : "no Co's yet";
}

/** What changed in one service area's cells: gaps closed and potential found. */
function coverageNews(config: Config, before: readonly CoverageCell[], after: readonly CoverageCell[], area: string): string[] {
  const lines: string[] = [];
  const label = labelOf(config, area).toLowerCase();
  for (const a of after.filter((c) => c.serviceArea === area)) {
    const b = before.find((c) => c.serviceArea === area && c.co === a.co)!;
    if (b.existing === 0 && a.existing > 0) lines.push(`${CO_LABELS[a.co]} in ${label} is no longer a gap.`);
    else if (b.existing === 0 && b.potential === 0 && a.potential > 0) lines.push(`${CO_LABELS[a.co]} in ${label} now has potential on the map.`);
    else if (b.existing > 0 && a.existing === 0) lines.push(`${CO_LABELS[a.co]} in ${label} is a gap again.`);
  }
  return lines;
}

// ------------------------------------------------------------------------------- map add

function parseCos(config: Config, coFlags: string[], howFlags: string[]): Draft['cos'] {
  const cos: Draft['cos'] = {};
  for (const raw of coFlags) {
    const [co, level] = splitPair(raw, '--co', '<co>=<level>', 'co-design=emerging');
    const c = checkChoice<Co>(co, COS, '--co', "one of the Four Co's", raw);
    const l = checkChoice<CoLevel>(level, CO_LEVELS, '--co', 'a level', raw);
    if (cos[c]) throw usageError('bad-value', `--co ${c} is given twice`, 'Give each Co once.');
    cos[c] = { level: l };
  }
  for (const raw of howFlags) {
    const [co, how] = splitPair(raw, '--how', '<co>=<text>', 'co-delivery="Volunteers lead the walks"');
    const c = checkChoice<Co>(co, COS, '--how', "one of the Four Co's", raw);
    if (!cos[c]) throw usageError('bad-value', `--how ${c}=… needs a level for ${c} too: add --co ${c}=<level>`, `Levels: ${CO_LEVELS.join(', ')}`);
    if (!how) throw usageError('bad-value', `--how ${c}= is empty: say how it practises ${c}, or leave the flag out`);
    cos[c]!.how = how;
  }
  void config;
  return cos;
}

function checkWards(config: Config, wards: string[]): string[] {
  const valid = config.wards.map((w) => w.id);
  const out: string[] = [];
  for (const w of wards) {
    if (!valid.length) throw usageError('bad-value', `--ward ${JSON.stringify(w)}: this portfolio lists no wards in costar.yaml`, 'Add wards to costar.yaml first, or leave --ward out.');
    const id = checkChoice(w, valid, '--ward', 'a ward of this portfolio');
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** Saves a new initiative and says what it changed; returns the file written. */
function saveNew(io: Io, p: Portfolio, d: Draft, invalidExit: 1 | 2 = 2): string {
  const before = starCoverage(p.config, p.initiatives).coverage;
  const res = commit(p, [{ kind: 'initiative', id: d.id, create: toRecord(d) }], { invalidExit });
  const rel = res.written[0] ?? `initiatives/${d.id}.yaml`;
  const { ce } = io;
  io.err(`${ce.green('✔')} Wrote ${rel}\n`);
  for (const w of res.diagnostics.filter((x) => x.file === rel && x.severity === 'warning')) {
    io.err(`  ${ce.yellow('warning')}  ${w.message}  ${ce.dim(`[${w.code}]`)}\n`);
  }
  const after = starCoverage(p.config, [...p.initiatives.filter((i) => i.id !== d.id), toRecord(d) as Initiative]).coverage;
  for (const line of coverageNews(p.config, before, after, d.serviceArea)) io.err(`  ${line}\n`);
  return rel;
}

export async function runAdd({ io, global, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadValidPortfolio(root, { forChange: true });
  const config = p.config;
  const areaIds = config.serviceAreas.map((a) => a.id);

  // Check every flag before asking anything.
  const status = checkChoice<Status>(String(opts.status ?? 'idea'), STATUSES, '--status', 'a status');
  let area = opts.area !== undefined ? checkChoice(String(opts.area), areaIds, '--area', 'a service area of this portfolio') : undefined;
  const cos = parseCos(config, opts.co ?? [], opts.how ?? []);
  const wards = checkWards(config, opts.ward ?? []);
  const taken = takenIds(p, 'initiative');
  if (opts.id !== undefined) {
    const id = String(opts.id);
    if (!ID_PATTERN.test(id)) throw usageError('bad-value', `--id ${JSON.stringify(id)} is not a valid id`, `Use lower-case letters, digits and hyphens, e.g. ${slugify(id)}`);
    checkRecordId(id, '--id');
    if (taken.has(id) || p.fileOf('initiative', id)) {
      throw usageError('id-exists', `--id ${id}: initiatives/${id}.yaml already exists`, `Choose another id (e.g. ${uniqueId(id, taken)}), or change it with: costar set initiatives/${id} …`);
    }
  }
  let title: string | undefined = opts.title !== undefined ? String(opts.title).trim() : undefined;
  if (title === '') throw usageError('bad-value', '--title is empty: give the initiative a title');
  if (title === undefined) requireFlag(io, '--title', 'the title');
  if (area === undefined) requireFlag(io, '--area', `the service area (one of ${areaIds.join(', ')})`);
  if (title === undefined || area === undefined) {
    const P = await loadPrompts();
    title ??= (await P.input({ message: 'Title', validate: (s) => (s.trim() ? true : 'Give the initiative a title') })).trim();
    area ??= await chooseArea(P, p);
  }
  const id = opts.id !== undefined ? String(opts.id) : uniqueId(slugify(title), taken);
  const summary = opts.summary !== undefined && String(opts.summary).trim() ? String(opts.summary).trim() : undefined;
  const draft: Draft = { id, title, serviceArea: area, status, wards, summary, cos };
  saveNew(io, p, draft);
  io.out(`${id}\n`);
  const next = initiativeStatus(config, toRecord(draft) as Initiative).next;
  io.err(`Next: ${next ? `${next.message.charAt(0).toLowerCase()}${next.message.slice(1)}: ${next.command}` : 'costar star'}\n`);
  return 0;
}

// ------------------------------------------------------------------------------- map list

export async function runList({ io, global, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadValidPortfolio(root);
  const area = opts.area !== undefined ? checkChoice(String(opts.area), p.config.serviceAreas.map((a) => a.id), '--area', 'a service area of this portfolio') : undefined;
  const list = p.initiatives.filter((i) => area === undefined || i.serviceArea === area);
  if (opts.json) {
    const rows = list.map((i) => {
      const cos: Record<string, CoEntry> = {};
      for (const co of COS) if (i.cos?.[co]) cos[co] = { ...i.cos[co]! };
      return { id: i.id, title: i.title, serviceArea: i.serviceArea, status: i.status, wards: [...(i.wards ?? [])], cos };
    });
    io.out(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const { c } = io;
  const mark = (l: CoLevel | undefined) => (l === 'established' ? c.green('●') : l === 'emerging' ? c.green('◐') : l === 'potential' ? c.dim('○') : '');
  const { makeTable, tableText } = await import('../render.js');
  const t = await makeTable(io, ['Initiative', 'Service area', 'Status', ...COS.map((co) => CO_LABELS[co])], ['left', 'left', 'left', 'center', 'center', 'center', 'center']);
  for (const i of list) t.push([i.id, i.serviceArea, i.status, ...COS.map((co) => mark(i.cos?.[co]?.level))]);
  if (!list.length) {
    io.out(`No initiatives${area ? ` in ${area}` : ''} yet.\n`);
  } else {
    io.out(`${tableText(io, t)}\n${c.dim('● established  ◐ emerging  ○ potential')}\n`);
    io.out(`${list.length} initiative${list.length === 1 ? '' : 's'}${area ? ` in ${labelOf(p.config, area)}` : ''}\n`);
  }
  io.err(`Next: costar star — the star's coverage and gaps${list.length ? '' : '; or add one: costar map add --title … --area …'}\n`);
  return 0;
}

// ------------------------------------------------------------------------------- the session

function areaStats(p: Portfolio, a: ServiceArea): { count: number; gaps: number } {
  const cov = starCoverage(p.config, p.initiatives, a.id).coverage;
  return { count: p.initiatives.filter((i) => i.serviceArea === a.id).length, gaps: cov.filter((c) => c.existing === 0).length };
}

async function chooseArea(P: Prompts, p: Portfolio, current?: string): Promise<string> {
  const areas = [...p.config.serviceAreas];
  const choices = areas.map((a) => {
    const s = areaStats(p, a);
    return {
      value: a.id,
      name: `${a.label}  (${s.count} initiative${s.count === 1 ? '' : 's'}${s.gaps ? `, ${s.gaps} gap${s.gaps === 1 ? '' : 's'}` : ''})`,
    };
  });
  if (current) choices.sort((x, y) => Number(y.value === current) - Number(x.value === current));
  return P.search({
    message: 'Service area',
    source: (term) => {
      const t = (term ?? '').toLowerCase().trim();
      return choices.filter((ch) => !t || ch.name.toLowerCase().includes(t) || ch.value.includes(t));
    },
  });
}

function panel(io: Io, p: Portfolio, area: string): string {
  const { ce } = io;
  const cov = starCoverage(p.config, p.initiatives, area).coverage;
  const all = p.initiatives.filter((i) => i.serviceArea === area);
  const stopped = all.filter((i) => i.status === 'stopped').length;
  const lines = ['', ce.bold(`${labelOf(p.config, area)} · ${all.length} initiative${all.length === 1 ? '' : 's'}${stopped ? ` (${stopped} stopped, left out)` : ''}`)];
  for (const cell of cov) {
    const name = CO_LABELS[cell.co].padEnd(18);
    let text: string;
    if (cell.existing === 0 && cell.potential === 0) text = ce.yellow('·  gap');
    else {
      const parts: string[] = [];
      if (cell.existing) parts.push(ce.green(`${'●'.repeat(Math.min(cell.existing, 5))} ${cell.existing} existing`));
      if (cell.potential) parts.push(`${'○'.repeat(Math.min(cell.potential, 5))} ${cell.potential} potential`);
      text = parts.join('   ') + (cell.existing ? '' : ce.yellow('   (a gap until it starts)'));
    }
    lines.push(`  ${name}${text}`);
  }
  return lines.join('\n') + '\n\n';
}

function draftCard(io: Io, p: Portfolio, d: Draft, heading: string): string {
  const { ce } = io;
  const facts = [labelOf(p.config, d.serviceArea).toLowerCase(), d.status, cosText(d.cos), d.wards.length ? `wards ${d.wards.join(', ')}` : 'no wards'].join(' · ');
  const lines = ['', `  ${ce.bold(heading)}  ${ce.cyan(d.id)}`, `  ${d.title}`, ...wrap(facts, textWidth(), '  ')];
  for (const co of COS) if (d.cos[co]?.how) lines.push(...wrap(`${CO_LABELS[co]}: ${d.cos[co]!.how}`, textWidth(), '    '));
  if (d.summary) lines.push(...wrap(d.summary, textWidth(), '  ').map((l) => ce.dim(l)));
  return lines.join('\n') + '\n';
}

const notEmpty = (what: string) => (s: string) => (s.trim() ? true : `Give ${what}`);

async function askStatus(P: Prompts, def: Status): Promise<Status> {
  return P.select({
    message: 'Status',
    default: def,
    choices: STATUSES.map((s) => ({ value: s, name: s, description: STATUS_NOTES[s] })),
  });
}

/** Which Co's, then a level and "how" for each. */
async function askCos(P: Prompts, status: Status, gaps: Set<Co>, current: Draft['cos'] = {}): Promise<Draft['cos']> {
  const picked = await P.checkbox({
    message: "Which of the Four Co's does it practise, or could it? (space to pick, enter when done)",
    choices: COS.map((co) => ({ value: co, name: `${CO_LABELS[co]}${gaps.has(co) ? '  (a gap here)' : ''}`, checked: Boolean(current[co]) })),
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

interface Session {
  io: Io;
  P: Prompts;
  root: string;
  p: Portfolio;
  written: string[];
}

/** Saves a draft in a session; a refusal is shown and the session goes on. */
function sessionSave(s: Session, save: () => string): boolean {
  try {
    s.written.push(save());
    s.p = loadValidPortfolio(s.root);
    return true;
  } catch (e) {
    if (!(e instanceof CostarError) || e.code === 'portfolio-invalid') throw e;
    s.io.err(`${s.io.ce.red('error')}  ${e.message}\n${e.hint ? `${s.io.ce.dim('hint:')} ${e.hint}\n` : ''}`);
    s.p = loadValidPortfolio(s.root);
    return false;
  }
}

async function addFlow(s: Session, area: string): Promise<void> {
  const { P, io } = s;
  const gaps = new Set(gapsOf(starCoverage(s.p.config, s.p.initiatives, area).coverage, area).map((c) => c.co));
  const title = (await P.input({ message: 'Title', validate: notEmpty('the initiative a title') })).trim();
  const status = await askStatus(P, 'idea');
  const cos = await askCos(P, status, gaps);
  const summary = (await P.input({ message: 'Summary in a sentence or two (optional)' })).trim();
  const wards = await askWards(P, s.p);
  const id = uniqueId(slugify(title), takenIds(s.p, 'initiative'));
  const d: Draft = { id, title, serviceArea: area, status, cos, wards, summary: summary || undefined };
  await confirmAndSave(s, d, 'New initiative');
  void io;
}

async function confirmAndSave(s: Session, d: Draft, heading: string): Promise<void> {
  s.io.err(draftCard(s.io, s.p, d, heading));
  const ok = await s.P.confirm({ message: 'Save it?', default: true });
  if (!ok) {
    s.io.err('  Not saved.\n');
    return;
  }
  sessionSave(s, () => saveNew(s.io, s.p, d, 2));
}

/** The edit operations that turn `from` into `to`, field by field. */
export function diffOps(from: Initiative, to: Draft): EditOp[] {
  const ops: EditOp[] = [];
  if (to.title !== from.title) ops.push({ op: 'set', path: ['title'], value: to.title });
  if (to.serviceArea !== from.serviceArea) ops.push({ op: 'set', path: ['serviceArea'], value: to.serviceArea });
  if (to.status !== from.status) ops.push({ op: 'set', path: ['status'], value: to.status });
  if ((to.summary ?? '') !== (from.summary ?? '')) ops.push(to.summary ? { op: 'set', path: ['summary'], value: to.summary } : { op: 'delete', path: ['summary'] });
  const fw = from.wards ?? [];
  if (fw.join(',') !== to.wards.join(',')) ops.push(to.wards.length ? { op: 'set', path: ['wards'], value: to.wards } : { op: 'delete', path: ['wards'] });
  const fc = from.cos ?? {};
  const remaining = COS.filter((co) => to.cos[co]);
  if (!remaining.length && Object.keys(fc).length) {
    ops.push({ op: 'delete', path: ['cos'] });
    return ops;
  }
  for (const co of COS) {
    const a = fc[co];
    const b = to.cos[co];
    if (a && !b) ops.push({ op: 'delete', path: ['cos', co] });
    else if (!a && b) ops.push({ op: 'set', path: ['cos', co], value: b.how ? { level: b.level, how: b.how } : { level: b.level } });
    else if (a && b) {
      if (a.level !== b.level) ops.push({ op: 'set', path: ['cos', co, 'level'], value: b.level });
      if ((a.how ?? '') !== (b.how ?? '')) ops.push(b.how ? { op: 'set', path: ['cos', co, 'how'], value: b.how } : { op: 'delete', path: ['cos', co, 'how'] });
    }
  }
  return ops;
}

/** The changes from `from` to `to` in words, one per line. */
export function describeChanges(from: Initiative, to: Draft): string[] {
  const out: string[] = [];
  if (to.title !== from.title) out.push(`title: ${to.title}`);
  if (to.serviceArea !== from.serviceArea) out.push(`service area: ${from.serviceArea} → ${to.serviceArea}`);
  if (to.status !== from.status) out.push(`status: ${from.status} → ${to.status}`);
  if ((to.summary ?? '') !== (from.summary ?? '')) out.push(to.summary ? 'summary rewritten' : 'summary removed');
  if ((from.wards ?? []).join(',') !== to.wards.join(',')) out.push(`wards: ${to.wards.length ? to.wards.join(', ') : 'none'}`);
  for (const co of COS) {
    const a = from.cos?.[co];
    const b = to.cos[co];
    if (a && !b) out.push(`${co}: removed`);
    else if (!a && b) out.push(`${co}: added (${b.level})`);
    else if (a && b) {
      if (a.level !== b.level) out.push(`${co}: ${a.level} → ${b.level}`);
      if ((a.how ?? '') !== (b.how ?? '')) out.push(`${co}: how ${b.how ? 'rewritten' : 'removed'}`);
    }
  }
  return out;
}

async function updateFlow(s: Session, area: string): Promise<void> {
  const { P, io } = s;
  const { ce } = io;
  const list = [...s.p.initiatives].sort((a, b) => Number(b.serviceArea === area) - Number(a.serviceArea === area));
  const choices = list.map((i) => ({
    value: i.id,
    name: `${i.title}  ${i.id !== slugify(i.title) ? `(${i.id}) ` : ''}· ${i.status}${i.serviceArea === area ? '' : ` · ${labelOf(s.p.config, i.serviceArea).toLowerCase()}`}`,
  }));
  const id = await P.search({
    message: 'Which initiative? (type to search)',
    source: (term) => {
      const t = (term ?? '').toLowerCase().trim();
      return choices.filter((c) => !t || c.name.toLowerCase().includes(t) || c.value.includes(t));
    },
  });
  const orig = s.p.initiatives.find((i) => i.id === id)!;
  const d: Draft = {
    id: orig.id,
    title: orig.title,
    serviceArea: orig.serviceArea,
    status: orig.status,
    wards: [...(orig.wards ?? [])],
    summary: orig.summary,
    cos: Object.fromEntries(COS.filter((co) => orig.cos?.[co]).map((co) => [co, { ...orig.cos![co]! }])),
  };
  const gapsIn = (a: string) => new Set(gapsOf(starCoverage(s.p.config, s.p.initiatives, a).coverage, a).map((c) => c.co));
  for (;;) {
    io.err(draftCard(io, s.p, d, 'Initiative'));
    const pending = diffOps(orig, d).length;
    const what = await P.select({
      message: 'What would you like to change?',
      choices: [
        { value: 'cos', name: "Its Co's and how far they go" },
        { value: 'status', name: `Status (${d.status})` },
        { value: 'title', name: 'Title' },
        { value: 'area', name: `Service area (${labelOf(s.p.config, d.serviceArea).toLowerCase()})` },
        { value: 'summary', name: 'Summary' },
        ...(s.p.config.wards.length ? [{ value: 'wards', name: 'Wards' }] : []),
        { value: 'save', name: pending ? `Save ${pending} change${pending === 1 ? '' : 's'}` : 'Nothing changed: go back', },
        ...(pending ? [{ value: 'discard', name: 'Discard the changes' }] : []),
      ],
    });
    if (what === 'cos') d.cos = await askCos(P, d.status, gapsIn(d.serviceArea), d.cos);
    else if (what === 'area') d.serviceArea = await chooseArea(P, s.p, d.serviceArea);
    else if (what === 'status') d.status = await askStatus(P, d.status);
    else if (what === 'title') d.title = (await P.input({ message: 'Title', default: d.title, validate: notEmpty('a title') })).trim();
    else if (what === 'summary') d.summary = (await P.input({ message: 'Summary (empty to remove it)', default: d.summary })).trim() || undefined;
    else if (what === 'wards') d.wards = await askWards(P, s.p, d.wards);
    else if (what === 'discard') {
      io.err('  Changes discarded.\n');
      return;
    } else break;
  }
  const ops = diffOps(orig, d);
  if (!ops.length) return;
  io.err(`\n  ${ce.bold('Changes to')} ${ce.cyan(d.id)}\n${describeChanges(orig, d).map((l) => `    ${l}\n`).join('')}`);
  const ok = await P.confirm({ message: `Save ${ops.length} change${ops.length === 1 ? '' : 's'} to ${d.id}?`, default: true });
  if (!ok) {
    io.err('  Not saved.\n');
    return;
  }
  sessionSave(s, () => {
    const before = starCoverage(s.p.config, s.p.initiatives).coverage;
    const res = commit(s.p, [{ kind: 'initiative', id: d.id, edit: ops }]);
    const rel = res.written[0] ?? `initiatives/${d.id}.yaml`;
    io.err(`${ce.green('✔')} Updated ${rel}\n`);
    const after = starCoverage(s.p.config, s.p.initiatives.map((i) => (i.id === d.id ? ({ ...i, ...toRecord(d) } as Initiative) : i))).coverage;
    const areas = [...new Set([orig.serviceArea, d.serviceArea])];
    for (const a of areas) for (const line of coverageNews(s.p.config, before, after, a)) io.err(`  ${line}\n`);
    return rel;
  });
}

async function ideasFlow(s: Session, area: string): Promise<void> {
  const { P, io } = s;
  const { ce } = io;
  const sa = s.p.config.serviceAreas.find((a) => a.id === area)!;
  const gaps = gapsOf(starCoverage(s.p.config, s.p.initiatives, area).coverage, area);
  const co: Co =
    gaps.length === 1
      ? gaps[0]!.co
      : await P.select({
          message: 'Ideas for which gap?',
          choices: gaps.map((g) => ({ value: g.co, name: `${CO_LABELS[g.co]}${g.potential ? `  (${g.potential} potential)` : '  (nothing yet)'}` })),
        });
  const lib = libraryWith(s.p);
  const { cases, elsewhere } = suggestCases(lib.cases, co, sa.tags);
  if (!cases.length) {
    io.err(`  No case studies show ${CO_LABELS[co]} yet. Add your own in cases/ (see costar explore).\n`);
    return;
  }
  let from = 0;
  for (;;) {
    const shown = cases.slice(from, from + 3);
    const lines: string[] = [''];
    lines.push(
      ce.bold(`${CO_LABELS[co]} elsewhere`) +
        ce.dim(elsewhere ? `: no case fits ${sa.label.toLowerCase()}'s tags, so these come from other services` : ` — ideas for ${sa.label.toLowerCase()}`),
    );
    shown.forEach((c, k) => lines.push('', ...shortCard(c, ce, textWidth(), k + 1)));
    io.err(lines.join('\n') + '\n\n');
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
    if (pick === 'more') {
      from += 3;
      continue;
    }
    await startFromCase(s, sa, co, cases[Number(pick.slice(5))]!);
    return;
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
  const id = uniqueId(slugify(title), takenIds(s.p, 'initiative'));
  const d: Draft = { id, title, serviceArea: sa.id, status: 'idea', wards, summary: summary || undefined, cos: { [co]: how ? { level: 'potential', how } : { level: 'potential' } } };
  await confirmAndSave(s, d, 'New potential initiative');
}

async function session(s: Session): Promise<void> {
  const { io, P } = s;
  const { ce } = io;
  const cfg = s.p.config;
  io.err(`${ce.bold(cfg.name)} · ${s.p.initiatives.length} initiative${s.p.initiatives.length === 1 ? '' : 's'} · ${cfg.serviceAreas.length} service area${cfg.serviceAreas.length === 1 ? '' : 's'}\n`);
  io.err(ce.dim('Type to search a list, arrows to move, enter to choose, ctrl-c to leave without saving the current step.\n\n'));
  let area = await chooseArea(P, s.p);
  for (;;) {
    io.err(panel(io, s.p, area));
    const gaps = gapsOf(starCoverage(s.p.config, s.p.initiatives, area).coverage, area);
    const what = await P.select<string>({
      message: 'What now?',
      choices: [
        { value: 'add', name: 'Add an initiative' },
        { value: 'update', name: 'Update an initiative', disabled: s.p.initiatives.length ? false : '(none yet)' },
        {
          value: 'ideas',
          name: gaps.length ? `Get ideas for a gap (${gaps.map((g) => CO_LABELS[g.co]).join(', ')})` : 'Get ideas for a gap',
          disabled: gaps.length ? false : '(no gaps here)',
        },
        { value: 'switch', name: 'Switch service area' },
        { value: 'done', name: 'Done' },
      ],
    });
    if (what === 'add') await addFlow(s, area);
    else if (what === 'update') await updateFlow(s, area);
    else if (what === 'ideas') await ideasFlow(s, area);
    else if (what === 'switch') area = await chooseArea(P, s.p, area);
    else break;
  }
  const n = s.written.length;
  io.err(`\n${n ? `Saved ${n} change${n === 1 ? '' : 's'} this session: ${[...new Set(s.written)].join(', ')}` : 'Nothing was changed.'}\n`);
  io.err(`Next: costar star — the whole star, its coverage and gaps (then costar status)\n`);
}

export async function run({ io, global }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadValidPortfolio(root);
  if (!io.canPrompt) {
    throw usageError(
      'not-interactive',
      'costar map is an interactive session, and nobody can be prompted here',
      'Unattended, add initiatives with: costar map add --title … --area … --co <co>=<level>; list them with costar map list',
    );
  }
  const P = await loadPrompts();
  const s: Session = { io, P, root, p, written: [] };
  try {
    await session(s);
  } catch (e) {
    if (isPromptExit(e) && s.written.length) {
      io.err(`\n${io.ce.yellow('Cancelled')}: the current step was not saved. Kept what you saved earlier: ${[...new Set(s.written)].join(', ')}\n`);
      return EXIT.cancelled;
    }
    throw e;
  }
  return 0;
}

/**
 * `costar grow`: Grow it. Indicators, readings and 360-degree reviews, unattended or in an
 * interactive session, and `grow check`, the readiness of every running and scaled initiative.
 */
import type { Config } from '../../core/config.js';
import { didYouMean } from '../../core/diagnostics.js';
import { usageError } from '../../core/errors.js';
import { growCheck, indicatorProgress, initiativeFindings, nextReviewDue, shellArg, type Finding, type GrowCheck, type IndicatorProgress } from '../../core/grow.js';
import type { Indicator, Initiative } from '../../core/schema.js';
import { isRealDate } from '../../core/validate.js';
import { INDICATOR_KINDS, REVIEWERS } from '../../core/vocab.js';
import type { EditOp } from '../../store/edit.js';
import { findPortfolio, loadPortfolio, loadValidPortfolio, type Portfolio } from '../../store/portfolio.js';
import { commit } from '../../store/write.js';
import { loadPrompts, requireFlag, type Prompts } from '../ask.js';
import { findInitiative, validRecord } from '../records.js';
import type { Io } from '../io.js';
import type { CommandContext } from '../program.js';

type Reviewer = (typeof REVIEWERS)[number];
type Grow = NonNullable<Initiative['grow']>;

// ---------------------------------------------------------------- values, checked the same way from flags and prompts

/** A number from a flag or a prompt; a usage error naming the flag otherwise. */
export function parseNumber(raw: unknown, flag: string): number {
  const s = String(raw).trim();
  const n = s === '' ? NaN : Number(s);
  if (!Number.isFinite(n)) throw usageError('bad-value', `${flag} ${JSON.stringify(String(raw))} is not a number`, `For example: ${flag} 42 or ${flag} 12.5`);
  return n;
}

/** A real calendar date YYYY-MM-DD; a usage error naming the flag otherwise. */
export function parseDate(raw: unknown, flag: string): string {
  const s = String(raw).trim();
  if (!isRealDate(s)) {
    const shape = /^\d{4}-\d{2}-\d{2}$/.test(s) ? 'is not a real date' : 'is not a date in the form YYYY-MM-DD';
    throw usageError('bad-date', `${flag} ${JSON.stringify(String(raw))} ${shape}`, `For example: ${flag} 2027-03-31`);
  }
  return s;
}

/** `users,staff` -> the reviewers, in the vocabulary's order, each once. */
export function parseReviewers(raw: unknown, flag = '--by'): Reviewer[] {
  const parts = String(raw)
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (!parts.length) throw usageError('bad-value', `${flag} is empty: say who took part`, `Give a comma-separated list of ${REVIEWERS.join(', ')}, e.g. ${flag} users,staff`);
  for (const p of parts) {
    if (!(REVIEWERS as readonly string[]).includes(p)) {
      const near = didYouMean(p, REVIEWERS);
      throw usageError('bad-value', `${flag} ${JSON.stringify(String(raw))}: "${p}" is not one of ${REVIEWERS.join(', ')}${near ? `; did you mean "${near}"?` : ''}`, `For example: ${flag} users,staff`);
    }
  }
  return REVIEWERS.filter((r) => parts.includes(r));
}

function parseName(raw: unknown, flag: string): string {
  const s = String(raw).trim();
  if (!s) throw usageError('bad-value', `${flag} is empty: give the indicator a name`);
  if (/[\r\n]/.test(s)) throw usageError('bad-value', `${flag} must be a single line`);
  return s;
}

/** Wraps a flag check so a prompt can show its message instead of throwing. */
function asValidator(check: (s: string) => unknown, optional = false): (s: string) => true | string {
  return (s: string) => {
    if (optional && s.trim() === '') return true;
    try {
      check(s);
      return true;
    } catch (e) {
      return (e as Error).message;
    }
  };
}

/** Today's date on this computer's calendar, YYYY-MM-DD: the only place grow reads the clock. */
export function today(now = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- finding records


/** The indicator a name refers to: exact, else the one that differs only in letter case. */
function findIndicator(initiative: Initiative, raw: string, flag = '--indicator'): Indicator {
  const list = initiative.grow?.indicators ?? [];
  const name = raw.trim();
  const exact = list.find((i) => i.name === name) ?? list.find((i) => i.name.toLowerCase() === name.toLowerCase());
  if (exact) return exact;
  if (!list.length) {
    throw usageError('unknown-indicator', `${initiative.id} has no indicators yet, so ${flag} ${JSON.stringify(raw)} names none of them`, `Add one first: costar grow add-indicator ${initiative.id} --name … --kind outcome`);
  }
  const near = didYouMean(name, list.map((i) => i.name));
  throw usageError(
    'unknown-indicator',
    `${flag} ${JSON.stringify(raw)} is not an indicator of ${initiative.id}${near ? `; did you mean "${near}"?` : ''}`,
    `Its indicators: ${list.map((i) => JSON.stringify(i.name)).join(', ')}`,
  );
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

// ---------------------------------------------------------------- changes as edits

interface IndicatorInput {
  name: string;
  kind: Indicator['kind'];
  unit?: string;
  baseline?: number;
  target?: number;
  coDesigned?: boolean;
}

function indicatorValue(v: IndicatorInput): Indicator {
  const out: Record<string, unknown> = { name: v.name, kind: v.kind };
  if (v.unit !== undefined && v.unit !== '') out.unit = v.unit;
  if (v.baseline !== undefined) out.baseline = v.baseline;
  if (v.target !== undefined) out.target = v.target;
  if (v.coDesigned) out.coDesigned = true;
  return out as Indicator;
}

/** Applies a change to the in-memory copy, so later steps of a session see it. */
function applyLocal(initiative: Initiative, op: EditOp): void {
  const grow = (initiative.grow ??= {}) as Grow & Record<string, any>;
  const key = op.path[1] as keyof Grow;
  if (op.op === 'append') ((grow as any)[key] ??= []).push(clone(op.value));
  else if (op.op === 'set') (grow as any)[key] = clone(op.value);
}

function addIndicatorOp(v: IndicatorInput): EditOp {
  return { op: 'append', path: ['grow', 'indicators'], value: indicatorValue(v) };
}
function readingOp(indicator: string, date: string, value: number): EditOp {
  return { op: 'append', path: ['grow', 'readings'], value: { indicator, date, value } };
}
function reviewOp(date: string, by: Reviewer[]): EditOp {
  return { op: 'set', path: ['grow', 'review'], value: { date, by } };
}

function checkUniqueName(initiative: Initiative, name: string, flag: string): void {
  const clash = (initiative.grow?.indicators ?? []).find((i) => i.name.toLowerCase() === name.toLowerCase());
  if (clash) {
    throw usageError('duplicate-indicator', `${initiative.id} already has an indicator named ${JSON.stringify(clash.name)}; ${flag} must be unique in the initiative`, `Record a value for it with: costar grow reading ${initiative.id} --indicator "${clash.name}" --date … --value …`);
  }
}

function save(io: Io, p: Portfolio, id: string, ops: EditOp[], what: string): void {
  const res = commit(p, [{ kind: 'initiative', id, edit: ops }]);
  for (const f of res.written) io.err(`${io.ce.green('✔')} Updated ${f}: ${what}\n`);
}

function unit(n: number, u: string | null | undefined): string {
  const v = String(n);
  return !u ? v : u === '%' ? `${v}%` : `${v} ${u}`;
}

// ---------------------------------------------------------------- costar grow add-indicator

export async function runAddIndicator({ io, global, args, opts }: CommandContext): Promise<number> {
  const id = String(args[0]);
  let name = opts.name !== undefined ? parseName(opts.name, '--name') : undefined;
  let kind = opts.kind as Indicator['kind'] | undefined;
  let unitText = opts.unit !== undefined ? String(opts.unit).trim() : undefined;
  let baseline = opts.baseline !== undefined ? parseNumber(opts.baseline, '--baseline') : undefined;
  let target = opts.target !== undefined ? parseNumber(opts.target, '--target') : undefined;
  let coDesigned: boolean | undefined = opts.coDesigned ? true : undefined;

  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root, { forChange: true });
  const initiative = findInitiative(p, id);
  if (name !== undefined) checkUniqueName(initiative, name, '--name');

  if (name === undefined) requireFlag(io, '--name', 'the indicator name');
  if (kind === undefined) requireFlag(io, '--kind', `the indicator kind (${INDICATOR_KINDS.join(' or ')})`);
  if (name === undefined || kind === undefined) {
    const pr = await loadPrompts();
    const v = await askIndicator(pr, initiative, { name, kind, unit: unitText, baseline, target, coDesigned });
    ({ name, kind, unit: unitText, baseline, target, coDesigned } = v);
  }
  const value: IndicatorInput = { name: name!, kind: kind!, unit: unitText, baseline, target, coDesigned };
  save(io, p, id, [addIndicatorOp(value)], `added ${kind} indicator ${JSON.stringify(name)}`);
  const position = (initiative.grow?.indicators ?? []).length;
  if (kind === 'outcome' && target === undefined) io.err(`${io.ce.dim('note:')} an outcome indicator needs a target to count for readiness: costar set initiatives/${id} grow.indicators.${position}.target=…\n`);
  io.err(`Next: costar grow reading ${id} --indicator ${shellArg(name!)} --date … --value …\n`);
  return 0;
}

/** Prompts for what the flags left out of an indicator. */
async function askIndicator(pr: Prompts, initiative: Initiative, given: Partial<IndicatorInput>): Promise<IndicatorInput> {
  const name =
    given.name ??
    (
      await pr.input({
        message: 'Indicator name',
        validate: asValidator((s) => {
          const n = parseName(s, 'The name');
          checkUniqueName(initiative, n, 'the name');
        }),
      })
    ).trim();
  const kind =
    given.kind ??
    (await pr.select<Indicator['kind']>({
      message: 'Kind',
      choices: [
        { name: 'outcome — a change in people\'s lives (needed to be ready to grow)', value: 'outcome', short: 'outcome' },
        { name: 'process — activity, e.g. sessions held', value: 'process', short: 'process' },
      ],
    }));
  const unitText = given.unit ?? (await pr.input({ message: 'Unit (e.g. %, walks, people; Enter for none)' })).trim();
  const num = async (message: string, flag: string) => {
    const s = await pr.input({ message, validate: asValidator((x) => parseNumber(x, flag), true) });
    return s.trim() === '' ? undefined : parseNumber(s, flag);
  };
  const baseline = given.baseline ?? (await num('Baseline (the value before the initiative; Enter to skip)', 'The baseline'));
  const target = given.target ?? (await num(kind === 'outcome' ? 'Target (needed to be ready to grow)' : 'Target (Enter to skip)', 'The target'));
  const coDesigned =
    given.coDesigned ?? ((await pr.confirm({ message: 'Was it designed with the people who use the service?', default: false })) || undefined);
  return { name, kind, unit: unitText || undefined, baseline, target, coDesigned };
}

// ---------------------------------------------------------------- costar grow reading

export async function runReading({ io, global, args, opts }: CommandContext): Promise<number> {
  const id = String(args[0]);
  let date = opts.date !== undefined ? parseDate(opts.date, '--date') : undefined;
  let value = opts.value !== undefined ? parseNumber(opts.value, '--value') : undefined;
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root, { forChange: true });
  const initiative = findInitiative(p, id);
  let indicator = opts.indicator !== undefined ? findIndicator(initiative, String(opts.indicator)) : undefined;

  if (indicator === undefined) requireFlag(io, '--indicator', 'the indicator name');
  if (date === undefined) requireFlag(io, '--date', 'the date of the reading');
  if (value === undefined) requireFlag(io, '--value', 'the value');
  if (indicator === undefined || date === undefined || value === undefined) {
    const pr = await loadPrompts();
    const r = await askReading(pr, initiative, { indicator, date, value });
    ({ indicator, date, value } = r);
  }
  const same = (initiative.grow?.readings ?? []).findIndex((r) => r.indicator === indicator!.name && r.date === date);
  if (same >= 0) {
    throw usageError(
      'duplicate-reading',
      `${id} already has a reading of ${JSON.stringify(indicator!.name)} on ${date} (${initiative.grow!.readings![same]!.value}); nothing was changed`,
      `To correct it: costar set initiatives/${id} grow.readings.${same}.value=${value}`,
    );
  }
  save(io, p, id, [readingOp(indicator!.name, date!, value!)], `reading ${unit(value!, indicator!.unit)} for ${JSON.stringify(indicator!.name)} on ${date}`);
  const after = clone(initiative);
  applyLocal(after, readingOp(indicator!.name, date!, value!));
  const prog = indicatorProgress(after, indicator!);
  io.err(`  Trend: ${trendWords(prog)}\n`);
  io.err(`Next: costar grow check   (readiness of every running and scaled initiative)\n`);
  return 0;
}

async function askReading(
  pr: Prompts,
  initiative: Initiative,
  given: { indicator?: Indicator; date?: string; value?: number },
): Promise<{ indicator: Indicator; date: string; value: number }> {
  const list = initiative.grow?.indicators ?? [];
  if (!given.indicator && !list.length) findIndicator(initiative, '');
  const indicator =
    given.indicator ??
    (await pr.select<Indicator>({
      message: 'Indicator',
      choices: list.map((i) => {
        const prog = indicatorProgress(initiative, i);
        return { name: `${i.name}  (${i.kind}; latest ${prog.latest ? `${unit(prog.latest.value, i.unit)} on ${prog.latest.date}` : 'none'})`, value: i, short: i.name };
      }),
    }));
  const date = given.date ?? (await pr.input({ message: 'Date of the reading (YYYY-MM-DD)', default: today(), validate: asValidator((s) => parseDate(s, 'The date')) })).trim();
  const value =
    given.value ??
    parseNumber(await pr.input({ message: `Value${indicator.unit ? ` (${indicator.unit})` : ''}`, validate: asValidator((s) => parseNumber(s, 'The value')) }), '--value');
  return { indicator, date, value };
}

// ---------------------------------------------------------------- costar grow review

export async function runReview({ io, global, args, opts }: CommandContext): Promise<number> {
  const id = String(args[0]);
  let date = opts.date !== undefined ? parseDate(opts.date, '--date') : undefined;
  let by = opts.by !== undefined ? parseReviewers(opts.by, '--by') : undefined;
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root, { forChange: true });
  const initiative = findInitiative(p, id);
  if (date === undefined) requireFlag(io, '--date', 'the date of the review');
  if (by === undefined) requireFlag(io, '--by', `who took part (${REVIEWERS.join(', ')})`);
  if (date === undefined || by === undefined) {
    const pr = await loadPrompts();
    ({ date, by } = await askReview(pr, { date, by }));
  }
  const previous = initiative.grow?.review;
  save(io, p, id, [reviewOp(date!, by!)], `360-degree review on ${date} by ${by!.join(', ')}`);
  if (previous && previous.date > date!) io.err(`${io.ce.dim('note:')} this replaces a later review (${previous.date}); costar keeps only the last review\n`);
  io.err(`  Next review due by ${nextReviewDue(date!)}\n`);
  if (!by!.includes('users') || !by!.includes('staff')) io.err(`${io.ce.yellow('!')} A 360-degree review hears both users and staff; this one did not, so grow check will still report it.\n`);
  return 0;
}

async function askReview(pr: Prompts, given: { date?: string; by?: Reviewer[] }): Promise<{ date: string; by: Reviewer[] }> {
  const date = given.date ?? (await pr.input({ message: 'Date of the review (YYYY-MM-DD)', default: today(), validate: asValidator((s) => parseDate(s, 'The date')) })).trim();
  const by =
    given.by ??
    (await pr.checkbox<Reviewer>({
      message: 'Who took part? (space to pick; users and staff make it 360-degree)',
      choices: REVIEWERS.map((r) => ({ name: r, value: r, checked: r === 'users' || r === 'staff' })),
      validate: (list) => (list.length ? true : 'Pick at least one'),
    }));
  return { date, by: REVIEWERS.filter((r) => by.includes(r)) };
}

// ---------------------------------------------------------------- costar grow check

export async function runCheck({ io, global, opts }: CommandContext): Promise<number> {
  const asOf = opts.asOf !== undefined ? parseDate(opts.asOf, '--as-of') : today();
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadValidPortfolio(root);
  const res = growCheck(p.config, p.initiatives, asOf);
  if (opts.json) {
    io.out(JSON.stringify(res, null, 2) + '\n');
    return 0;
  }
  io.out(await renderCheck(io, p.config, res));
  return 0;
}

/** The readiness report as text: a summary table, then each initiative's gaps with their fixes. */
export async function renderCheck(io: Io, config: Config, res: GrowCheck): Promise<string> {
  const { c } = io;
  const out: string[] = [];
  const n = res.initiatives.length;
  const ready = res.initiatives.filter((i) => i.ready).length;
  out.push(`${c.bold(`${config.name} — readiness to grow`)} ${c.dim(`as of ${res.asOf}`)}`);
  if (!n) {
    out.push('No initiative is running or scaled yet, so none is checked.');
    out.push(`Next: costar status   (what to do for each initiative)`);
    return out.join('\n') + '\n';
  }
  const { default: Table } = await import('cli-table3');
  const t = new Table({
    head: ['Initiative', 'Status', 'Ready', 'Gaps'].map((h) => c.bold(h)),
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colAligns: ['left', 'left', 'left', 'right'],
  });
  for (const i of res.initiatives) t.push([i.id, i.status, i.ready ? c.green('✔ ready') : c.yellow('✖ not yet'), String(i.findings.length)]);
  const lines = t.toString().split('\n').map((l) => l.trimEnd());
  // eslint-disable-next-line no-control-regex
  const width = Math.max(...lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').length));
  lines.splice(1, 0, c.dim('─'.repeat(width)));
  out.push(lines.join('\n'));
  out.push(`${ready} of ${n} running or scaled initiative${n === 1 ? ' is' : 's are'} ready to grow.`);
  for (const i of res.initiatives) {
    if (i.ready) continue;
    out.push('');
    out.push(`${c.bold(i.id)} ${c.dim(`(${i.status})`)} — ${i.findings.length} gap${i.findings.length === 1 ? '' : 's'}`);
    for (const f of i.findings) out.push(...findingLines(io, f));
  }
  out.push('');
  const first = res.initiatives.find((i) => !i.ready);
  out.push(first ? `Next: ${first.findings[0]!.fix}` : 'Next: costar generate grow-plan --all   (a grow plan for each initiative)');
  return out.join('\n') + '\n';
}

function findingLines(io: Io, f: Finding): string[] {
  const { c } = io;
  return [`  ${c.yellow('✖')} ${f.message}  ${c.dim(`[${f.code}]`)}`, `    ${c.dim('fix:')} ${f.fix}`];
}

function trendWords(p: IndicatorProgress): string {
  switch (p.trend) {
    case 'no readings':
      return 'no readings yet';
    case 'one reading':
      return 'one reading so far, nothing to compare with';
    default:
      return p.trend + (p.progress !== null ? ` (${Math.round(p.progress * 100)}% of the way from ${p.baseline !== null ? 'baseline' : 'first reading'} to target)` : '');
  }
}

// ---------------------------------------------------------------- costar grow (interactive)

export async function run({ io, global }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  if (!io.canPrompt) {
    throw usageError(
      'not-interactive',
      'costar grow is an interactive session and needs a terminal',
      'Unattended, use: costar grow add-indicator | reading | review <id> …, and costar grow check',
    );
  }
  const p = loadPortfolio(root);
  const pr = await loadPrompts();
  const { c } = io;
  const asOf = today();
  const candidates = p.initiatives.filter((i) => i.status !== 'stopped');
  if (!candidates.length) throw usageError('no-initiatives', 'there are no initiatives to grow yet', 'Start with: costar map');
  const growing = (i: Initiative) => i.status === 'running' || i.status === 'scaled';
  const check = growCheck(p.config, p.initiatives, asOf);
  io.out(`${c.bold(p.config.name)} · ${check.initiatives.length} running or scaled · ${check.initiatives.filter((i) => i.ready).length} ready to grow\n\n`);

  const ordered = [...candidates.filter(growing), ...candidates.filter((i) => !growing(i))];
  const id = await pr.select<string>({
    message: 'Initiative',
    pageSize: 12,
    choices: ordered.map((i) => {
      const gaps = growing(i) ? initiativeFindings(p.config, i, asOf).length : null;
      const tag = gaps === null ? i.status : gaps === 0 ? `${i.status} · ready to grow` : `${i.status} · ${gaps} gap${gaps === 1 ? '' : 's'}`;
      return { name: `${i.id}  ${c.dim(`(${tag})`)}`, value: i.id, short: i.id, description: i.title };
    }),
  });
  const original = p.initiatives.find((i) => i.id === id)!;
  const work = clone(original);
  const ops: EditOp[] = [];
  const summary: string[] = [];

  io.out(describe(io, p.config, work, asOf));

  for (;;) {
    const hasIndicators = (work.grow?.indicators ?? []).length > 0;
    const uncovered = (work.wards ?? []).filter((w) => !(work.grow?.councillors ?? []).some((x) => x.ward === w));
    const action = await pr.select<string>({
      message: 'What now?',
      choices: [
        { name: 'Add an indicator', value: 'indicator' },
        { name: 'Record a reading', value: 'reading', disabled: hasIndicators ? false : '(add an indicator first)' },
        { name: 'Record a 360-degree review', value: 'review' },
        { name: 'Name staff competencies', value: 'competencies' },
        { name: 'Name a councillor connector', value: 'councillor', disabled: uncovered.length ? false : (work.wards ?? []).length ? '(every ward has one)' : '(it names no wards)' },
        { name: ops.length ? `Done — review and save ${ops.length} change${ops.length === 1 ? '' : 's'}` : 'Done', value: 'done' },
      ],
    });
    if (action === 'done') break;
    let op: EditOp;
    if (action === 'indicator') {
      const v = await askIndicator(pr, work, {});
      op = addIndicatorOp(v);
      summary.push(`add ${v.kind} indicator ${JSON.stringify(v.name)}${v.target !== undefined ? `, target ${unit(v.target, v.unit)}` : ''}${v.coDesigned ? ', co-designed' : ''}`);
    } else if (action === 'reading') {
      const r = await askReading(pr, work, {});
      op = readingOp(r.indicator.name, r.date, r.value);
      summary.push(`reading ${unit(r.value, r.indicator.unit)} for ${JSON.stringify(r.indicator.name)} on ${r.date}`);
    } else if (action === 'review') {
      const r = await askReview(pr, {});
      op = reviewOp(r.date, r.by);
      summary.push(`360-degree review on ${r.date} by ${r.by.join(', ')}`);
    } else if (action === 'competencies') {
      const raw = await pr.input({
        message: 'Competencies (comma-separated tags, e.g. community-catalyst, asset-based-conversations)',
        default: (work.grow?.competencies ?? []).join(', ') || undefined,
        validate: (s) => (s.split(',').some((x) => x.trim()) ? true : 'Give at least one'),
      });
      const list = [...new Set(raw.split(',').map((x) => x.trim()).filter(Boolean))];
      op = { op: 'set', path: ['grow', 'competencies'], value: list };
      summary.push(`competencies: ${list.join(', ')}`);
    } else {
      const ward = await pr.select<string>({
        message: 'Ward',
        choices: uncovered.map((w) => ({ name: p.config.wards.find((x) => x.id === w)?.label ?? w, value: w })),
      });
      const role = (await pr.input({ message: 'Role', default: 'community connector' })).trim() || 'community connector';
      op = { op: 'append', path: ['grow', 'councillors'], value: { ward, role } };
      summary.push(`councillor ${role} for ${ward}`);
    }
    ops.push(op);
    applyLocal(work, op);
    io.out(`  ${c.green('+')} ${summary[summary.length - 1]}\n`);
  }

  if (!ops.length) {
    io.err('Nothing to save; nothing was changed.\n');
    return 0;
  }
  io.out(`\n${c.bold(`Changes to initiatives/${id}`)}\n${summary.map((s) => `  • ${s}`).join('\n')}\n`);
  const ok = await pr.confirm({ message: 'Save them?', default: true });
  if (!ok) {
    io.err('Not saved; nothing was changed.\n');
    return 0;
  }
  save(io, p, id, ops, `${ops.length} change${ops.length === 1 ? '' : 's'}`);
  const findings = growing(work) ? initiativeFindings(p.config, work, asOf) : [];
  if (!growing(work)) io.err(`${id} is ${work.status}; readiness to grow is checked once it is running or scaled.\n`);
  else if (!findings.length) io.err(`${c.green('✔')} ${id} is ready to grow.\nNext: costar generate grow-plan ${id}\n`);
  else io.err(`${findings.length} gap${findings.length === 1 ? '' : 's'} left. Next: ${findings[0]!.fix}\n`);
  return 0;
}

/** The initiative's grow section at a glance: indicators with trend, review, and its gaps. */
function describe(io: Io, config: Config, i: Initiative, asOf: string): string {
  const { c } = io;
  const out: string[] = ['', `${c.bold(i.title)} ${c.dim(`(${i.id}, ${i.status})`)}`];
  const inds = i.grow?.indicators ?? [];
  if (!inds.length) out.push(c.dim('  No indicators yet.'));
  for (const ind of inds) {
    const pgr = indicatorProgress(i, ind);
    const latest = pgr.latest ? `latest ${unit(pgr.latest.value, ind.unit)} (${pgr.latest.date})` : 'no readings';
    const tgt = ind.target !== undefined ? `target ${unit(ind.target, ind.unit)}` : 'no target';
    out.push(`  ${ind.kind === 'outcome' ? '◆' : '◇'} ${ind.name}  ${c.dim(`${ind.kind} · ${tgt} · ${latest} · ${pgr.trend}${ind.coDesigned ? ' · co-designed' : ''}`)}`);
  }
  const r = i.grow?.review;
  out.push(r ? `  Last review ${r.date} by ${(r.by ?? []).join(', ') || 'nobody named'}; next due by ${nextReviewDue(r.date)}` : c.dim('  No 360-degree review recorded.'));
  if (i.status === 'running' || i.status === 'scaled') {
    const f = initiativeFindings(config, i, asOf);
    out.push(f.length ? `  ${c.yellow(`${f.length} gap${f.length === 1 ? '' : 's'} before it is ready to grow:`)}` : `  ${c.green('✔ ready to grow')}`);
    for (const x of f) out.push(`    ${c.yellow('✖')} ${x.message}`);
  }
  return out.join('\n') + '\n\n';
}

/**
 * `costar focus`: Focus it. Scoring on the impact matrix, the ranking and its sensitivity, the
 * critical friends' challenges, and the business case (entry and figures). Parse options ->
 * store -> core -> render; every rule lives in core/matrix.ts and core/business-case.ts.
 */
import { businessCase, businessCaseDetail, GRADE_NOTES, GRADE_SCALE, hasBusinessCase, paybackWording, priceBaseText, yearLabel, type BusinessCase } from '../../core/business-case.js';
import { plural } from '../render.js';
import { formatMoney, formatPercent, formatRatio } from '../../core/format.js';
import { payerLabel, type Config } from '../../core/config.js';
import { didYouMean, editDistance } from '../../core/diagnostics.js';
import { usageError } from '../../core/errors.js';
import { describeSensitivity, impactMatrix, midpoint, missingCriteria, QUADRANT_LABELS, sensitivity, type MatrixRow, type Quadrant } from '../../core/matrix.js';
import type { BenefitLine, CostLine, Initiative } from '../../core/schema.js';
import { BENEFIT_KINDS, COST_KINDS } from '../../core/vocab.js';
import { applyToValue, type EditOp } from '../../store/edit.js';
import { findPortfolio, loadPortfolio, loadValidPortfolio, type Portfolio } from '../../store/portfolio.js';
import { commit } from '../../store/write.js';
import { loadPrompts, requireFlag, type Prompts } from '../ask.js';
import { findInitiative, validRecord } from '../records.js';
import { orderAt } from '../../core/key-order.js';
import type { Io } from '../io.js';
import type { CommandContext } from '../program.js';

// ------------------------------------------------------------------------------ shared helpers

const fix2 = (n: number) => n.toFixed(2);
const trimNum = (n: number) => String(Math.round(n * 1e6) / 1e6);


/** A message, or the parsed value: the same checks serve flags (usage errors) and prompts (retry). */
type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function checkNumber(raw: string, what: string, o: { min?: number; max?: number; integer?: boolean; example?: string } = {}): Checked<number> {
  const s = String(raw).trim();
  const n = Number(s);
  if (!NUMBER.test(s) || !Number.isFinite(n)) return { ok: false, message: `"${raw}" is not a number; give ${what}${o.example ? `, e.g. ${o.example}` : ''}` };
  if (o.integer && !Number.isInteger(n)) return { ok: false, message: `${s} is not a whole number; give ${what}` };
  if ((o.min !== undefined && n < o.min) || (o.max !== undefined && n > o.max)) {
    const range = o.max === undefined ? `${o.min} or more` : `from ${o.min} to ${o.max}`;
    return { ok: false, message: `${s} is out of range; give ${what} ${range}` };
  }
  return { ok: true, value: n };
}

const checkAmount = (raw: string, what = 'an amount') => checkNumber(raw, what, { min: 0, example: '12000' });
const checkShare = (raw: string, what: string) => checkNumber(raw, `${what} as a share`, { min: 0, max: 1, example: '0.2 for 20 %' });
const checkGrade = (raw: string) => checkNumber(raw, 'a confidence grade', { min: 1, max: 6, integer: true });
const checkPriceYear = (raw: string) => checkNumber(raw, 'a price year', { min: 1900, max: 2100, integer: true, example: '2026' });

/** "0,1,2" -> [0, 1, 2]; whole numbers, unique, inside the appraisal period. */
function checkYears(raw: string, config: Config): Checked<number[]> {
  const Y = config.years;
  const parts = String(raw).split(',').map((s) => s.trim());
  const out: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return { ok: false, message: `"${raw}" is not a list of years; give whole numbers from 0 to ${Y - 1} separated by commas, e.g. 0,1,2` };
    const t = Number(part);
    if (t > Y - 1) return { ok: false, message: `year ${t} is outside the appraisal period of ${plural(Y, 'year')} (0 to ${Y - 1})` };
    if (out.includes(t)) return { ok: false, message: `year ${t} is given twice` };
    out.push(t);
  }
  return { ok: true, value: out.sort((a, b) => a - b) };
}

/** The value of a flag, or a usage error naming it. */
function flagValue<T>(flag: string, c: Checked<T>): T {
  if (!c.ok) throw usageError('bad-value', `${flag}: ${c.message}`);
  return c.value;
}

/** A validate function for a prompt from a checker. */
const promptCheck = <T>(f: (raw: string) => Checked<T>) => (raw: string) => {
  const c = f(raw);
  return c.ok ? true : c.message.charAt(0).toUpperCase() + c.message.slice(1);
};

const nonBlank = (what: string) => (s: string) => (s.trim() ? true : `Give ${what}`);

function nextLine(io: Io, text: string): void {
  io.err(`${io.ce.dim('Next:')} ${text}\n`);
}

/** Writes the edits to one initiative; usage error (exit 2) when they would not validate. */
function write(io: Io, p: Portfolio, id: string, ops: EditOp[], what: string): void {
  const res = commit(p, [{ kind: 'initiative', id, edit: ops }]);
  for (const f of res.written) io.err(`${io.ce.green('✔')} Updated ${f}: ${what}\n`);
}

async function makeTable(io: Io, head: string[], colAligns?: Array<'left' | 'center' | 'right'>) {
  const { default: Table } = await import('cli-table3');
  return new Table({
    head: head.map((h) => io.c.bold(h)),
    colAligns,
    // Compact: no rule between rows.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    style: io.color ? { head: [], border: ['grey'] } : { head: [], border: [] },
  });
}

function criterionLabel(config: Config, id: string): string {
  const c = config.criteria.find((x) => x.id === id);
  return c && c.label.toLowerCase() !== id.replace(/-/g, ' ') ? `${id} (${c.label})` : id;
}

/** One sentence on where an initiative stands on the matrix now. */
function standing(config: Config, rows: MatrixRow[], ini: Initiative): string {
  const row = rows.find((r) => r.id === ini.id);
  if (ini.status === 'stopped') return `${ini.id} is stopped, so it is left out of the ranking.`;
  if (!row || row.rank === null) {
    const missing = missingCriteria(config, ini);
    return `${ini.id} is not on the matrix yet: ${missing.length} of ${config.criteria.length} criteria to score (${missing.join(', ')}).`;
  }
  const ranked = rows.filter((r) => r.rank !== null).length;
  return `${ini.id} is a ${QUADRANT_LABELS[row.quadrant!].toLowerCase()}, ranked ${row.rank} of ${ranked} (impact ${fix2(row.impact!)}, ease ${fix2(row.ease!)}).`;
}

// ------------------------------------------------------------------------------ focus score

/** Parses the --set values against the configured criteria and scale. */
function parseScores(config: Config, raw: string[]): Array<[string, number]> {
  const ids = config.criteria.map((c) => c.id);
  const [min, max] = config.scale;
  const out: Array<[string, number]> = [];
  for (const r of raw) {
    const i = r.indexOf('=');
    if (i <= 0) throw usageError('bad-value', `--set ${JSON.stringify(r)} is not of the form <criterion>=<n>`, `For example: --set ${ids[0]}=4. Criteria: ${ids.join(', ')}`);
    const crit = r.slice(0, i).trim();
    const val = r.slice(i + 1).trim();
    if (!ids.includes(crit)) {
      const guess = didYouMean(crit, ids);
      throw usageError('unknown-criterion', `--set ${r}: "${crit}" is not a criterion of this portfolio${guess ? `; did you mean "${guess}"?` : ''}`, `Criteria: ${ids.join(', ')}`);
    }
    const n = checkNumber(val, `a whole number from ${min} to ${max}`, { integer: true });
    if (!n.ok) throw usageError('bad-value', `--set ${r}: ${n.message}`, `Criteria are scored on the scale ${min}–${max}.`);
    if (n.value < min || n.value > max) {
      throw usageError('score-out-of-scale', `--set ${r}: score ${JSON.stringify(val)} for "${crit}" is outside the scale ${min}–${max}`, `Give a whole number from ${min} to ${max}.`);
    }
    if (out.some(([c]) => c === crit)) throw usageError('bad-value', `--set gives "${crit}" twice`);
    out.push([crit, n.value]);
  }
  return out;
}

/** Prompts for scores one criterion at a time, showing its label and the scale. */
async function promptScores(io: Io, P: Prompts, config: Config, ini: Initiative, which: string[]): Promise<Array<[string, number]>> {
  const [min, max] = config.scale;
  const current = (ini.focus?.scores ?? {}) as Record<string, number>;
  io.out(io.c.dim(`Score from ${min} (low) to ${max} (high); on the ease criteria ${max} means easiest.\n`));
  const out: Array<[string, number]> = [];
  for (const id of which) {
    const c = config.criteria.find((x) => x.id === id)!;
    const raw = await P.input({
      message: `${c.label} ${io.c.dim(`[${c.id}, ${c.axis}, weight ${trimNum(c.weight)}]`)} ${min}–${max}`,
      default: current[id] !== undefined ? String(current[id]) : undefined,
      validate: (s) => {
        const n = checkNumber(s, `a whole number from ${min} to ${max}`, { integer: true });
        return n.ok && n.value >= min && n.value <= max ? true : `Give a whole number from ${min} to ${max}`;
      },
    });
    out.push([id, Number(raw.trim())]);
  }
  return out;
}

export async function runScore({ io, global, args, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root, { forChange: true });
  const ini = findInitiative(p, args[0]);
  const raw: string[] = opts.set ?? [];
  let scores: Array<[string, number]>;
  if (raw.length) scores = parseScores(p.config, raw);
  else {
    requireFlag(io, '--set <criterion>=<n>', 'a score');
    const P = await loadPrompts();
    const missing = missingCriteria(p.config, ini);
    scores = await promptScores(io, P, p.config, ini, missing.length ? missing : p.config.criteria.map((c) => c.id));
    if (!(await P.confirm({ message: `Save ${plural(scores.length, 'score')} for ${ini.id}?`, default: true }))) {
      io.err('Nothing was changed.\n');
      return 0;
    }
  }
  const before = (ini.focus?.scores ?? {}) as Record<string, number>;
  const ops: EditOp[] = scores.map(([c, n]) => ({ op: 'set', path: ['focus', 'scores', c], value: n }));
  write(io, p, ini.id, ops, scores.map(([c, n]) => `${c} ${n}${before[c] !== undefined && before[c] !== n ? ` (was ${before[c]})` : ''}`).join(', '));
  const after = loadPortfolio(root);
  const now = after.initiatives.find((i) => i.id === ini.id)!;
  if (after.errors === 0) io.err(`${standing(after.config, impactMatrix(after.config, after.initiatives), now)}\n`);
  const missing = missingCriteria(after.config, now);
  if (missing.length) nextLine(io, `costar focus score ${ini.id} ${missing.map((c) => `--set ${c}=…`).join(' ')}`);
  else nextLine(io, 'costar focus rank — see it against the others');
  return 0;
}

// ------------------------------------------------------------------------------ focus rank

const PLOT_W = 49; // columns 0..48, the midpoint line at 24
const PLOT_H = 17; // rows 0..16, the midpoint line at 8

/** A terminal plot of impact (up) against ease (across), quadrant names, midpoint lines, rank markers. */
export function renderPlot(io: Io, config: Config, rows: MatrixRow[]): string[] {
  const { c } = io;
  const [min, max] = config.scale;
  const midC = (PLOT_W - 1) / 2;
  const midR = (PLOT_H - 1) / 2;
  const grid: string[][] = Array.from({ length: PLOT_H }, (_, r) =>
    Array.from({ length: PLOT_W }, (_, col) => (r === midR && col === midC ? '┼' : r === midR ? '─' : col === midC ? '│' : ' ')),
  );
  const style: Array<Array<'line' | 'name' | 'mark' | null>> = grid.map((row, r) => row.map((_, col) => (r === midR || col === midC ? 'line' : null)));
  const put = (r: number, col: number, text: string, kind: 'name' | 'mark') => {
    for (let i = 0; i < text.length; i++) {
      grid[r]![col + i] = text[i]!;
      style[r]![col + i] = kind;
    }
  };
  const names: Record<Quadrant, [number, number, 'left' | 'right']> = {
    'major-project': [0, 1, 'left'],
    'quick-win': [0, PLOT_W - 2, 'right'],
    reconsider: [PLOT_H - 1, 1, 'left'],
    'fill-in': [PLOT_H - 1, PLOT_W - 2, 'right'],
  };
  for (const [q, [r, col, align]] of Object.entries(names) as Array<[Quadrant, [number, number, 'left' | 'right']]>) {
    const text = QUADRANT_LABELS[q];
    put(r, align === 'left' ? col : col - text.length + 1, text, 'name');
  }
  // Markers: the ranks; options on the same spot share one marker ("2,3").
  const spots = new Map<string, { r: number; col: number; ranks: number[] }>();
  for (const row of rows) {
    if (row.rank === null) continue;
    let col = Math.round(((row.ease! - min) / (max - min)) * (PLOT_W - 1));
    let r = Math.round(((max - row.impact!) / (max - min)) * (PLOT_H - 1));
    // Only a point exactly on a midpoint sits on its line; others stay on their side of it.
    const m = midpoint(config);
    if (r === midR && row.impact !== m) r += row.impact! > m ? -1 : 1;
    if (col === midC && row.ease !== m) col += row.ease! > m ? 1 : -1;
    const key = `${r}:${col}`;
    const s = spots.get(key) ?? { r, col, ranks: [] };
    s.ranks.push(row.rank);
    spots.set(key, s);
  }
  const placed = [...spots.values()].sort((a, b) => a.ranks[0]! - b.ranks[0]!);
  for (const s of placed) {
    const text = s.ranks.join(',');
    // The first free place at or near the point: right, then left.
    // A marker keeps a blank cell either side, so "5" and "4" never read as "54".
    const free = (col: number) =>
      col >= 0 && col + text.length <= PLOT_W && Array.from({ length: text.length + 2 }, (_, i) => style[s.r]![col - 1 + i]).every((k) => k !== 'mark');
    let col = Math.min(s.col, PLOT_W - text.length);
    for (let d = 0; d < PLOT_W; d++) {
      if (free(col + d)) {
        col += d;
        break;
      }
      if (free(col - d)) {
        col -= d;
        break;
      }
    }
    put(s.r, col, text, 'mark');
  }
  const paint = (r: number) =>
    grid[r]!.map((ch, col) => {
      const k = style[r]![col];
      return k === 'mark' ? c.bold.cyan(ch) : k === 'name' ? c.dim(ch) : k === 'line' ? c.dim(ch) : ch;
    }).join('');
  const lab = (n: number) => trimNum(n).padStart(4);
  const out: string[] = [`${'Impact'.padStart(6)}`];
  for (let r = 0; r < PLOT_H; r++) {
    const edge = r === 0 ? `${lab(max)} ┤` : r === midR ? `${lab(midpoint(config))} ┼` : r === PLOT_H - 1 ? `${lab(min)} ┤` : `${' '.repeat(4)} │`;
    out.push(`${edge}${paint(r)}`.trimEnd());
  }
  out.push(`${' '.repeat(5)}└${'─'.repeat(midC)}┴${'─'.repeat(PLOT_W - midC - 1)}`);
  const mid = trimNum(midpoint(config));
  const maxS = trimNum(max);
  const axis = `${' '.repeat(6)}${trimNum(min)}`.padEnd(6 + midC) + mid;
  out.push(`${axis.padEnd(6 + PLOT_W - maxS.length)}${maxS}  Ease`);
  return out;
}

/** Wraps "1 a · 2 b · …" to lines of at most `width` characters. */
function wrapKey(items: string[], width = 96, indent = '  '): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const it of items) {
    if (cur && cur.length + 3 + it.length > width) {
      lines.push(indent + cur);
      cur = it;
    } else cur = cur ? `${cur} · ${it}` : it;
  }
  if (cur) lines.push(indent + cur);
  return lines;
}

export async function runRank({ io, global, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadValidPortfolio(root);
  const rows = impactMatrix(p.config, p.initiatives);
  const sens = sensitivity(p.config, p.initiatives);
  if (opts.json) {
    // The SPEC's shape is one array; the sensitivity comes in a wrapper only when asked for.
    io.out(JSON.stringify(opts.withSensitivity ? { ranking: rows, sensitivity: sens } : rows, null, 2) + '\n');
    return 0;
  }
  const { c } = io;
  const ranked = rows.filter((r) => r.rank !== null);
  const unscored = rows.filter((r) => r.rank === null);
  const stopped = p.initiatives.filter((i) => i.status === 'stopped').length;
  const out: string[] = [];
  out.push(
    c.bold(`${p.config.name} — impact matrix`) +
      c.dim(`  (${ranked.length} ranked, ${unscored.length} not scored yet${stopped ? `, ${stopped} stopped left out` : ''}; midpoint ${trimNum(midpoint(p.config))})`),
  );
  if (!ranked.length) {
    out.push('No initiative is fully scored yet.');
  } else {
    const t = await makeTable(io, ['Rank', 'Initiative', 'Impact', 'Ease', 'Quadrant'], ['right', 'left', 'right', 'right', 'left']);
    for (const r of ranked) t.push([String(r.rank), r.id, fix2(r.impact!), fix2(r.ease!), QUADRANT_LABELS[r.quadrant!]]);
    out.push(t.toString(), '');
    out.push(...renderPlot(io, p.config, rows));
    out.push(c.dim('Markers are ranks:'));
    out.push(...wrapKey(ranked.map((r) => `${r.rank} ${r.id}`)));
  }
  if (unscored.length) {
    out.push('', c.bold('Not scored yet') + c.dim(' (not on the matrix until every criterion is scored)'));
    const w = Math.max(...unscored.map((r) => r.id.length));
    for (const r of unscored) {
      const ini = p.initiatives.find((i) => i.id === r.id)!;
      const missing = missingCriteria(p.config, ini);
      out.push(`  ${r.id.padEnd(w)}  ${c.dim(missing.length === p.config.criteria.length ? 'no scores' : `missing ${missing.join(', ')}`)}`);
    }
  }
  if (sens) {
    out.push('', `${c.bold('Sensitivity:')} ${describeSensitivity(sens, (id) => criterionLabel(p.config, id))}`);
  }
  io.out(out.join('\n') + '\n');
  if (unscored.length) nextLine(io, `costar focus score ${unscored[0]!.id} --set <criterion>=<n>   (or interactively: costar focus)`);
  else if (ranked.length) nextLine(io, `costar focus case ${ranked[0]!.id} — the business case of the top option`);
  else nextLine(io, 'costar focus — score your initiatives');
  return 0;
}

// ------------------------------------------------------------------------------ focus case

function switchingText(sv: number | null): string {
  if (sv === null) return 'not defined';
  if (sv >= 0) return `${formatPercent(sv, 1)}: benefits can fall by this much before the BCR drops below 1`;
  return `${formatPercent(sv, 1)}: benefits must rise by ${formatPercent(-sv, 1)} to reach a BCR of 1`;
}

/** The readable business case: summary, flows, grades and the year-by-year table. */
export async function renderCase(io: Io, config: Config, ini: Initiative): Promise<string> {
  const { c } = io;
  const d = businessCaseDetail(config, ini);
  const bc: BusinessCase = d.case;
  const money = (n: number) => formatMoney(n, config.currency);
  const Y = config.years;
  const out: string[] = [];
  out.push(c.bold(`${ini.id} — ${ini.title}`));
  out.push(
    c.dim(
      `Business case over ${plural(Y, 'year')} (${yearLabel(config, 0)} to ${yearLabel(config, Y - 1)}), discounted at ${formatPercent(config.discountRate, 1)} a year` +
        `${Y > 31 ? ` to year 30 and ${formatPercent(config.discountRateLong, 1)} from year 31` : ''}; money at present value in ${config.currency}`,
    ),
  );
  out.push(c.dim(`Price base: ${priceBaseText(config, d)}`));
  const noCosts = bc.pvCosts === 0;
  const rows: Array<[string, string]> = [
    ['Present value of costs', money(bc.pvCosts)],
    ['Present value of benefits', money(bc.pvBenefits)],
    ['  fiscal', `${money(bc.pvFiscal)}  (cashable ${money(bc.pvCashable)}, non-cashable ${money(bc.pvNonCashable)})`],
    ['  economic', money(bc.pvEconomic)],
    ['  social', money(bc.pvSocial)],
    ['Net present value', money(bc.npv)],
    ['Benefit-cost ratio', formatRatio(bc.bcr) + (noCosts ? c.dim('  (no costs yet)') : '')],
    ['Fiscal benefit-cost ratio', formatRatio(bc.bcrFiscal)],
    ['Return on investment', bc.roi === null ? 'not defined' : formatPercent(bc.roi, 1)],
    ['Payback', bc.paybackYear === null ? paybackWording(bc) : `year ${bc.paybackYear} (${yearLabel(config, bc.paybackYear)})`],
    ['Switching value', switchingText(bc.switchingValue)],
  ];
  const w = Math.max(...rows.map(([k]) => k.length)) + 3;
  for (const [k, v] of rows) out.push(`  ${k.padEnd(w)}${v}`);

  const flows = (title: string, rec: Record<string, number>) => {
    const keys = Object.keys(rec);
    if (!keys.length) return [`  ${title}: none`];
    const names = keys.map((k) => (payerLabel(config, k) === k ? k : `${payerLabel(config, k)} (${k})`));
    const kw = Math.max(...names.map((k) => k.length)) + 3;
    return [`  ${title}`, ...keys.map((k, i) => `    ${names[i]!.padEnd(kw)}${money(rec[k]!)}`)];
  };
  out.push('', c.bold('Who pays and who benefits') + c.dim(' (present values)'));
  out.push(...flows('Who pays', bc.flows.payers), ...flows('Who benefits', bc.flows.beneficiaries));

  if (d.grades.length) {
    out.push('', c.bold('Optimism bias by confidence grade') + c.dim(` (${GRADE_SCALE})`));
    for (const g of d.grades) {
      const lines = [g.costLines ? plural(g.costLines, 'cost line') : '', g.benefitLines ? plural(g.benefitLines, 'benefit line') : ''].filter(Boolean).join(', ');
      out.push(`  grade ${g.grade} (${GRADE_NOTES[g.grade]}): costs +${formatPercent(g.costUplift)}, benefits −${formatPercent(g.benefitReduction)}  ${c.dim(`(${lines})`)}`);
    }
  }

  out.push('', c.bold('Year by year') + c.dim(' (costs and benefits after optimism bias; PV = present value)'));
  const t = await makeTable(io, ['Year', 'Costs', 'Benefits', 'of which fiscal', 'Net', 'Discount factor', 'PV net', 'Cumulative PV net'], ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']);
  for (const y of bc.years) {
    t.push([y.label, money(y.costs), money(y.benefits), money(y.fiscal), money(y.net), y.discountFactor.toFixed(4), money(y.pvNet), money(y.cumulativePvBenefits - y.cumulativePvCosts)]);
  }
  t.push([c.bold('Total PV'), c.bold(money(bc.pvCosts)), c.bold(money(bc.pvBenefits)), c.bold(money(bc.pvFiscal)), '', '', c.bold(money(bc.npv)), '']);
  out.push(t.toString());
  return out.join('\n') + '\n';
}

export async function runCase({ io, global, args, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadValidPortfolio(root);
  const ini = findInitiative(p, args[0]);
  if (opts.json) {
    io.out(JSON.stringify(businessCase(p.config, ini), null, 2) + '\n');
    return 0;
  }
  if (!hasBusinessCase(ini)) {
    io.out(`${ini.id} has no business case yet: no cost or benefit lines.\n`);
    nextLine(io, `costar focus add-cost ${ini.id} --item … --kind revenue --amount …   (or interactively: costar focus)`);
    return 0;
  }
  io.out(await renderCase(io, p.config, ini));
  const bc = businessCase(p.config, ini);
  const open = (ini.focus?.challenges ?? []).map((ch, i) => ({ n: i + 1, open: (ch.status ?? 'open') === 'open' })).filter((x) => x.open);
  if (open.length) io.out(`\n${plural(open.length, 'challenge')} from critical friends still open (${open.length === 1 ? 'number' : 'numbers'} ${open.map((x) => x.n).join(', ')}).\n`);
  if (bc.pvCosts === 0) nextLine(io, `costar focus add-cost ${ini.id} --item … --kind revenue --amount …   (the ratios need costs)`);
  else if (open.length) nextLine(io, `costar focus respond ${ini.id} ${open[0]!.n} --text … --status answered`);
  else nextLine(io, `costar generate business-case ${ini.id}`);
  return 0;
}

// ------------------------------------------------------------------------------ critical friends

export async function runChallenge({ io, global, args, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root, { forChange: true });
  const ini = findInitiative(p, args[0]);
  let by: string | undefined = opts.by;
  let text: string | undefined = opts.text;
  if (by !== undefined && !by.trim()) throw usageError('bad-value', '--by is empty; say who raises the challenge, e.g. --by "Finance partner"');
  if (text !== undefined && !text.trim()) throw usageError('bad-value', '--text is empty; give the challenge');
  if (by === undefined) requireFlag(io, '--by', 'who raises the challenge');
  if (text === undefined) requireFlag(io, '--text', 'the challenge');
  if (by === undefined || text === undefined) {
    const P = await loadPrompts();
    by ??= await P.input({ message: 'Who raises it? (e.g. Finance partner)', validate: nonBlank('who raises it') });
    text ??= await P.input({ message: 'The challenge', validate: nonBlank('the challenge') });
  }
  const n = (ini.focus?.challenges ?? []).length + 1;
  write(io, p, ini.id, [{ op: 'append', path: ['focus', 'challenges'], value: { by: by.trim(), challenge: text.trim(), status: 'open' } }], `challenge ${n} from ${by.trim()} (open)`);
  nextLine(io, `costar focus respond ${ini.id} ${n} --text … --status answered`);
  return 0;
}

export async function runRespond({ io, global, args, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root, { forChange: true });
  const ini = findInitiative(p, args[0]);
  const list = ini.focus?.challenges ?? [];
  if (!list.length) throw usageError('no-challenges', `${ini.id} has no challenges to respond to`, `Record one with: costar focus challenge ${ini.id} --by … --text …`);
  const n = checkNumber(String(args[1]), 'a challenge number', { integer: true, min: 1, max: list.length });
  if (!n.ok) throw usageError('bad-value', `<n>: ${n.message} (${ini.id} has ${plural(list.length, 'challenge')}, numbered from 1 in file order)`);
  let text: string | undefined = opts.text;
  if (text !== undefined && !text.trim()) throw usageError('bad-value', '--text is empty; give the response');
  const status: string = opts.status ?? 'answered';
  if (text === undefined) {
    requireFlag(io, '--text', 'the response');
    const P = await loadPrompts();
    io.out(`${list[n.value - 1]!.by}: ${list[n.value - 1]!.challenge}\n`);
    text = await P.input({ message: 'Your response', default: list[n.value - 1]!.response, validate: nonBlank('the response') });
  }
  const i = n.value - 1;
  const ch = list[i]!;
  const ops: EditOp[] = [];
  // Keep the SPEC's order (by, challenge, response, status) when the response is new.
  if (ch.response === undefined && ch.status !== undefined) ops.push({ op: 'delete', path: ['focus', 'challenges', i, 'status'] });
  ops.push({ op: 'set', path: ['focus', 'challenges', i, 'response'], value: text.trim() }, { op: 'set', path: ['focus', 'challenges', i, 'status'], value: status });
  write(
    io,
    p,
    ini.id,
    ops,
    `challenge ${n.value} ${status}`,
  );
  const open = list.filter((ch, k) => k !== i && (ch.status ?? 'open') === 'open').length + (status === 'open' ? 1 : 0);
  if (open) nextLine(io, `${plural(open, 'challenge')} still open on ${ini.id}: costar focus case ${ini.id}`);
  else nextLine(io, `costar generate business-case ${ini.id} — every challenge has a response`);
  return 0;
}

// ------------------------------------------------------------------------------ cost and benefit lines

function runningBcr(config: Config, ini: Initiative): string {
  const bc = businessCase(config, ini);
  const money = (n: number) => formatMoney(n, config.currency);
  return `BCR ${formatRatio(bc.bcr)}  (PV costs ${money(bc.pvCosts)}, PV benefits ${money(bc.pvBenefits)}, NPV ${money(bc.npv)})`;
}

function describeCost(config: Config, l: CostLine): string {
  return `${l.item}: ${formatMoney(l.amount, config.currency, { exact: !Number.isInteger(l.amount) })} a year, ${l.kind}${l.years ? `, years ${l.years.join(', ')}` : ', every year'}${l.payer ? `, paid by ${l.payer}` : ''}`;
}

function describeBenefit(config: Config, l: BenefitLine): string {
  const value = l.amount !== undefined ? `${formatMoney(l.amount, config.currency, { exact: !Number.isInteger(l.amount) })} a year` : `${trimNum(l.cohort ?? 0)} × ${formatMoney(l.unitValue ?? 0, config.currency, { exact: !Number.isInteger(l.unitValue ?? 0) })}`;
  return `${l.item}: ${value}, ${l.kind}${l.cashable ? ' (cashable)' : ''}${l.years ? `, years ${l.years.join(', ')}` : ', every year'}${l.beneficiary ? `, to ${l.beneficiary}` : ''}`;
}

/** Builds a cost line from flags (usage errors name the flag). */
function costFromFlags(config: Config, opts: Record<string, any>): Partial<CostLine> {
  const line: Partial<CostLine> = {};
  if (opts.item !== undefined) {
    if (!String(opts.item).trim()) throw usageError('bad-value', '--item is empty; say what the cost is');
    line.item = String(opts.item).trim();
  }
  if (opts.kind !== undefined) line.kind = opts.kind;
  if (opts.amount !== undefined) line.amount = flagValue('--amount', checkAmount(opts.amount, 'an amount per year'));
  if (opts.years !== undefined) line.years = flagValue('--years', checkYears(opts.years, config));
  if (opts.payer !== undefined && String(opts.payer).trim()) line.payer = String(opts.payer).trim();
  if (opts.confidence !== undefined) line.confidence = flagValue('--confidence', checkGrade(opts.confidence));
  if (opts.priceYear !== undefined) line.priceYear = flagValue('--price-year', checkPriceYear(opts.priceYear));
  return line;
}

export async function runAddCost({ io, global, args, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root, { forChange: true });
  const ini = findInitiative(p, args[0]);
  const line = costFromFlags(p.config, opts);
  if (line.item === undefined) requireFlag(io, '--item', 'what the cost is');
  if (line.kind === undefined) requireFlag(io, '--kind', `the kind of cost (${COST_KINDS.join(', ')})`);
  if (line.amount === undefined) requireFlag(io, '--amount', 'the amount per year');
  if (line.item === undefined || line.kind === undefined || line.amount === undefined) {
    const P = await loadPrompts();
    line.item ??= (await P.input({ message: 'Cost item', validate: nonBlank('the item') })).trim();
    line.kind ??= await P.select({ message: 'Kind', choices: COST_KINDS.map((k) => ({ name: k, value: k })) });
    line.amount ??= Number((await P.input({ message: `Amount per year (${p.config.currency})`, validate: promptCheck((s) => checkAmount(s)) })).trim());
  }
  const value = orderCost(line as CostLine);
  write(io, p, ini.id, [{ op: 'append', path: ['focus', 'businessCase', 'costs'], value }], `cost line "${value.item}"`);
  const after = applyToValue(ini, { op: 'append', path: ['focus', 'businessCase', 'costs'], value }) as Initiative;
  io.err(`Running business case: ${runningBcr(p.config, after)}\n`);
  nextLine(io, `costar focus case ${ini.id}`);
  return 0;
}

/** A cost line in the SPEC's key order. */
const orderCost = (l: CostLine): CostLine => orderAt('initiative', ['focus', 'businessCase', 'costs', 0], l);

/** A benefit line in the SPEC's key order. */
const orderBenefit = (l: BenefitLine): BenefitLine => orderAt('initiative', ['focus', 'businessCase', 'benefits', 0], l);

function benefitFromFlags(config: Config, opts: Record<string, any>): Partial<BenefitLine> {
  const line: Partial<BenefitLine> = {};
  if (opts.item !== undefined) {
    if (!String(opts.item).trim()) throw usageError('bad-value', '--item is empty; say what the benefit is');
    line.item = String(opts.item).trim();
  }
  if (opts.kind !== undefined) line.kind = opts.kind;
  if (opts.amount !== undefined) line.amount = flagValue('--amount', checkAmount(opts.amount, 'a value per year'));
  if (opts.cohort !== undefined) line.cohort = flagValue('--cohort', checkAmount(opts.cohort, 'the number of people reached'));
  if (opts.unitValue !== undefined) line.unitValue = flagValue('--unit-value', checkAmount(opts.unitValue, 'a value per person'));
  const shares: Array<[keyof BenefitLine, string, string]> = [
    ['engagement', '--engagement', 'the share who engage'],
    ['success', '--success', 'the share who succeed'],
    ['deadweight', '--deadweight', 'deadweight'],
    ['displacement', '--displacement', 'displacement'],
    ['attribution', '--attribution', 'attribution'],
    ['dropOff', '--drop-off', 'the yearly drop-off'],
  ];
  for (const [key, flag, what] of shares) if (opts[key] !== undefined) (line as any)[key] = flagValue(flag, checkShare(opts[key], what));
  if (opts.years !== undefined) line.years = flagValue('--years', checkYears(opts.years, config));
  if (opts.beneficiary !== undefined && String(opts.beneficiary).trim()) line.beneficiary = String(opts.beneficiary).trim();
  if (opts.confidence !== undefined) line.confidence = flagValue('--confidence', checkGrade(opts.confidence));
  if (opts.cashable) line.cashable = true;
  if (opts.source !== undefined && String(opts.source).trim()) line.source = String(opts.source).trim();
  if (opts.priceYear !== undefined) line.priceYear = flagValue('--price-year', checkPriceYear(opts.priceYear));
  // amount XOR cohort + unit value; engagement and success belong to the cohort.
  if (line.amount !== undefined && (line.cohort !== undefined || line.unitValue !== undefined)) {
    throw usageError('amount-and-cohort', 'give --amount, or --cohort with --unit-value, not both', 'A benefit is a yearly amount, or a cohort of people times a value per person.');
  }
  if ((line.cohort === undefined) !== (line.unitValue === undefined)) {
    throw usageError('missing-value', line.cohort === undefined ? '--unit-value needs --cohort: how many people it reaches a year' : '--cohort needs --unit-value: the value per person');
  }
  if (line.amount !== undefined && (line.engagement !== undefined || line.success !== undefined)) {
    throw usageError('bad-value', '--engagement and --success apply to --cohort and --unit-value, not to --amount');
  }
  if (line.cashable && line.kind !== undefined && line.kind !== 'fiscal') {
    throw usageError('bad-value', `--cashable applies to fiscal benefits only, not to a ${line.kind} benefit`);
  }
  return line;
}

export async function runAddBenefit({ io, global, args, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root, { forChange: true });
  const ini = findInitiative(p, args[0]);
  const line = benefitFromFlags(p.config, opts);
  const hasValue = line.amount !== undefined || line.cohort !== undefined;
  if (line.item === undefined) requireFlag(io, '--item', 'what the benefit is');
  if (line.kind === undefined) requireFlag(io, '--kind', `the kind of benefit (${BENEFIT_KINDS.join(', ')})`);
  if (!hasValue) requireFlag(io, '--amount (or --cohort and --unit-value)', 'the value of the benefit');
  if (line.item === undefined || line.kind === undefined || !hasValue) {
    const P = await loadPrompts();
    line.item ??= (await P.input({ message: 'Benefit item', validate: nonBlank('the item') })).trim();
    line.kind ??= await P.select({ message: 'Kind', choices: BENEFIT_KINDS.map((k) => ({ name: k, value: k })) });
    if (line.cashable && line.kind !== 'fiscal') throw usageError('bad-value', `--cashable applies to fiscal benefits only, not to a ${line.kind} benefit`);
    if (!hasValue) line.amount = Number((await P.input({ message: `Value per year (${p.config.currency})`, validate: promptCheck((s) => checkAmount(s)) })).trim());
  }
  const value = orderBenefit(line as BenefitLine);
  write(io, p, ini.id, [{ op: 'append', path: ['focus', 'businessCase', 'benefits'], value }], `benefit line "${value.item}"`);
  const after = applyToValue(ini, { op: 'append', path: ['focus', 'businessCase', 'benefits'], value }) as Initiative;
  io.err(`Running business case: ${runningBcr(p.config, after)}\n`);
  nextLine(io, `costar focus case ${ini.id}`);
  return 0;
}

// ------------------------------------------------------------------------------ interactive

/** Asks for an optional value: blank keeps the default (undefined). */
async function askOptional<T>(P: Prompts, message: string, check: (raw: string) => Checked<T>, def?: string): Promise<T | undefined> {
  const raw = await P.input({ message, default: def, validate: (s) => (s.trim() === '' ? true : promptCheck(check)(s)) });
  if (raw.trim() === '') return undefined;
  const c = check(raw);
  return c.ok ? c.value : undefined;
}

async function askGrade(P: Prompts, ini: Initiative): Promise<number | undefined> {
  const caseGrade = ini.focus?.businessCase?.confidence;
  const notes = [1, 2, 3, 4, 5, 6].map((g) => GRADE_NOTES[g]!);
  const choice = await P.select<number | 0>({
    message: 'Confidence grade (sets the optimism bias)',
    choices: [
      { name: `as the business case (${caseGrade ?? '3, the default'})`, value: 0 },
      ...notes.map((n, i) => ({ name: `${i + 1}: ${n}`, value: i + 1 })),
    ],
  });
  return choice === 0 ? undefined : choice;
}

async function askCost(io: Io, P: Prompts, config: Config, ini: Initiative): Promise<CostLine> {
  const item = (await P.input({ message: 'Cost item', validate: nonBlank('the item') })).trim();
  const kind = await P.select({ message: 'Kind', choices: COST_KINDS.map((k) => ({ name: k, value: k })) });
  const amount = Number((await P.input({ message: `Amount per year (${config.currency})`, validate: promptCheck((s) => checkAmount(s)) })).trim());
  const years = await askOptional(P, `Years it applies (e.g. 0,1,2; blank for every year 0–${config.years - 1})`, (s) => checkYears(s, config));
  const payer = (await P.input({ message: 'Who pays? (e.g. council; blank to leave out)' })).trim();
  const confidence = await askGrade(P, ini);
  const priceYear = await askOptional(P, 'Price year of the amount (blank: the appraisal\'s price base)', checkPriceYear);
  void io;
  return orderCost({ item, kind, amount, years, payer: payer || undefined, confidence, priceYear } as CostLine);
}

async function askBenefit(io: Io, P: Prompts, config: Config, ini: Initiative): Promise<BenefitLine> {
  const item = (await P.input({ message: 'Benefit item', validate: nonBlank('the item') })).trim();
  const kind = await P.select({
    message: 'Kind',
    choices: [
      { name: 'fiscal: savings to public budgets', value: 'fiscal' as const },
      { name: 'economic: gains to the local economy', value: 'economic' as const },
      { name: 'social: wellbeing and other social value', value: 'social' as const },
    ],
  });
  const line: Partial<BenefitLine> = { item, kind };
  if (kind === 'fiscal') line.cashable = (await P.confirm({ message: 'Cashable (a saving that can be taken from a budget)?', default: false })) || undefined;
  const how = await P.select({
    message: 'How is it valued?',
    choices: [
      { name: 'a yearly amount', value: 'amount' },
      { name: 'people reached × a value per person', value: 'cohort' },
    ],
  });
  if (how === 'amount') line.amount = Number((await P.input({ message: `Value per year (${config.currency})`, validate: promptCheck((s) => checkAmount(s)) })).trim());
  else {
    line.cohort = Number((await P.input({ message: 'People reached a year (cohort)', validate: promptCheck((s) => checkAmount(s, 'a number of people')) })).trim());
    line.unitValue = Number((await P.input({ message: `Value per person (${config.currency})`, validate: promptCheck((s) => checkAmount(s, 'a value')) })).trim());
    const e = await askOptional(P, 'Share who engage (0–1, blank for 1)', (s) => checkShare(s, 'the share who engage'));
    if (e !== undefined && e !== 1) line.engagement = e;
    const su = await askOptional(P, 'Share of those who succeed (0–1, blank for 1)', (s) => checkShare(s, 'the share who succeed'));
    if (su !== undefined && su !== 1) line.success = su;
  }
  const adj: Array<[keyof BenefitLine, string]> = [
    ['deadweight', 'Deadweight: share that would have happened anyway'],
    ['displacement', 'Displacement: share moved from elsewhere'],
    ['attribution', 'Attribution: share owed to others'],
    ['dropOff', 'Drop-off: yearly decay after the first year'],
  ];
  for (const [key, msg] of adj) {
    const v = await askOptional(P, `${msg} (0–1, blank for 0)`, (s) => checkShare(s, String(key)));
    if (v !== undefined && v !== 0) (line as any)[key] = v;
  }
  line.years = await askOptional(P, `Years it applies (e.g. 1,2,3; blank for every year 0–${config.years - 1})`, (s) => checkYears(s, config));
  const beneficiary = (await P.input({ message: 'Who benefits? (e.g. council, nhs, residents; blank to leave out)' })).trim();
  if (beneficiary) line.beneficiary = beneficiary;
  line.confidence = await askGrade(P, ini);
  const source = (await P.input({ message: 'Source of the value (blank to leave out)' })).trim();
  if (source) line.source = source;
  line.priceYear = await askOptional(P, 'Price year (blank to leave out)', checkPriceYear);
  void io;
  return orderBenefit(line as BenefitLine);
}

const TOC_LISTS = [
  ['inputs', 'Inputs: what goes in'],
  ['activities', 'Activities: what is done'],
  ['outputs', 'Outputs: what is produced'],
  ['outcomes', 'Outcomes: the changes for people'],
] as const;

async function askTheoryOfChange(io: Io, P: Prompts, ini: Initiative): Promise<Array<{ op: EditOp; note: string }>> {
  const toc = ini.focus?.theoryOfChange ?? {};
  const edits: Array<{ op: EditOp; note: string }> = [];
  io.out(io.c.dim('Theory of change: inputs → activities → outputs → outcomes → impact, and the assumptions it rests on.\nAdd items one at a time; a blank answer moves on.\n'));
  const addList = async (key: 'inputs' | 'activities' | 'outputs' | 'outcomes' | 'assumptions', label: string) => {
    const have = (toc as any)[key] as string[] | undefined;
    if (have?.length) io.out(`${io.c.bold(label)}\n${have.map((h) => `  · ${h}`).join('\n')}\n`);
    for (;;) {
      const s = (await P.input({ message: `${label} — add one` })).trim();
      if (!s) break;
      edits.push({ op: { op: 'append', path: ['focus', 'theoryOfChange', key], value: s }, note: `${key}: ${s}` });
    }
  };
  for (const [key, label] of TOC_LISTS) await addList(key, label);
  const impact = (await P.input({ message: 'Impact: the long-term change it contributes to', default: toc.impact })).trim();
  if (impact && impact !== toc.impact) edits.push({ op: { op: 'set', path: ['focus', 'theoryOfChange', 'impact'], value: impact }, note: `impact: ${impact}` });
  await addList('assumptions', 'Assumptions: what must hold true');
  return edits;
}

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
  const { c } = io;
  const config = p.config;
  const changes: Array<{ id: string; scores: Array<[string, number]> }> = [];
  let working = p.initiatives;
  for (const [k, ini] of list.entries()) {
    io.out(`\n${c.bold(`${ini.id} — ${ini.title}`)} ${c.dim(`(${k + 1} of ${list.length})`)}\n`);
    if (ini.summary) io.out(c.dim(`${ini.summary.trim()}\n`));
    const scores = await promptScores(io, P, config, ini, missingCriteria(config, ini));
    changes.push({ id: ini.id, scores });
    let next = ini;
    for (const [crit, n] of scores) next = applyToValue(next, { op: 'set', path: ['focus', 'scores', crit], value: n }) as Initiative;
    working = working.map((i) => (i.id === ini.id ? next : i));
    io.out(`${standing(config, impactMatrix(config, working), next)}\n`);
  }
  io.out(`\n${c.bold('Scores to save')}\n${changes.map((ch) => `  · ${ch.id}: ${ch.scores.map(([k, n]) => `${k} ${n}`).join(', ')}`).join('\n')}\n`);
  if (!(await P.confirm({ message: 'Save these scores?', default: true }))) {
    io.out('Nothing was changed.\n');
    return 0;
  }
  const res = commit(
    p,
    changes.map((ch) => ({ kind: 'initiative' as const, id: ch.id, edit: ch.scores.map(([k, n]) => ({ op: 'set' as const, path: ['focus', 'scores', k], value: n })) })),
  );
  for (const f of res.written) io.out(`${c.green('✔')} Wrote ${f}\n`);
  nextLine(io, 'costar focus rank — the new ranking');
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
  const { c } = io;
  const config = p.config;
  const rows = impactMatrix(config, p.initiatives);
  const ranked = rows.filter((r) => r.rank !== null).length;
  io.out(`${c.bold(config.name)} · ${plural(p.initiatives.length, 'initiative')} · ${ranked} on the impact matrix\n`);
  if (p.errors) io.out(c.yellow(`The portfolio has ${plural(p.errors, 'error')}; figures may be off until they are fixed (costar validate).\n`));
  if (!p.initiatives.length) {
    io.out('No initiatives yet.\n');
    nextLine(io, 'costar map — add the co-production you already have');
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
  };

  for (;;) {
    const missing = missingCriteria(config, working);
    const bcLine = hasBusinessCase(working) ? runningBcr(config, working) : 'no business case lines yet';
    io.out(`\n${c.bold(working.id)} · ${missing.length ? `${missing.length} of ${config.criteria.length} criteria to score` : 'fully scored'} · ${bcLine}\n`);
    const action = await P.select<string>({
      message: 'What now?',
      choices: [
        ...(missing.length ? [{ name: `Score it (${plural(missing.length, 'criterion', 'criteria')} to go)`, value: 'score' }] : []),
        { name: 'Change a score', value: 'rescore' },
        { name: 'Add a cost line', value: 'cost' },
        { name: 'Add a benefit line', value: 'benefit' },
        { name: 'Theory of change', value: 'toc' },
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
        io.out(`${standing(config, impactMatrix(config, others), working)}\n`);
      }
    } else if (action === 'cost') {
      const line = await askCost(io, P, config, working);
      apply({ op: 'append', path: ['focus', 'businessCase', 'costs'], value: line }, `cost line: ${describeCost(config, line)}`);
      io.out(`Running business case: ${runningBcr(config, working)}\n`);
    } else if (action === 'benefit') {
      const line = await askBenefit(io, P, config, working);
      apply({ op: 'append', path: ['focus', 'businessCase', 'benefits'], value: line }, `benefit line: ${describeBenefit(config, line)}`);
      io.out(`Running business case: ${runningBcr(config, working)}\n`);
    } else if (action === 'toc') {
      for (const e of await askTheoryOfChange(io, P, working)) apply(e.op, e.note);
    }
  }

  if (!pending.length) {
    io.out('Nothing to save.\n');
    nextLine(io, 'costar focus rank');
    return 0;
  }
  io.out(`\n${c.bold(`Changes to ${working.id}`)}\n${pending.map((x) => `  · ${x.note}`).join('\n')}\n`);
  if (!(await P.confirm({ message: 'Save these changes?', default: true }))) {
    io.out('Nothing was changed.\n');
    return 0;
  }
  const res = commit(p, [{ kind: 'initiative', id: working.id, edit: pending.map((x) => x.op) }]);
  for (const f of res.written) io.out(`${c.green('✔')} Wrote ${f} (${plural(pending.length, 'change')})\n`);
  const after = loadPortfolio(root);
  const now = after.initiatives.find((i) => i.id === working.id);
  if (now && after.errors === 0) io.out(`${standing(after.config, impactMatrix(after.config, after.initiatives), now)}\n`);
  nextLine(io, hasBusinessCase(working) ? `costar focus case ${working.id}` : 'costar focus rank');
  return 0;
}

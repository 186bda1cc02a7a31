/** `costar status`: where each initiative stands on the journey, and the next command to run. */
import { portfolioStatus, type Gap, type InitiativeStatus } from '../../core/status.js';
import { plural } from '../../core/format.js';
import { CELL_WORDS } from '../../core/star.js';
import { COS, CO_LABELS, STEPS, type Co } from '../../core/vocab.js';
import { findPortfolio, readValidPortfolio } from '../../store/portfolio.js';
import type { Io } from '../io.js';
import { fit, fitErr } from '../render.js';
import type { CommandContext } from '../program.js';

function journey(io: Io, s: InitiativeStatus): string {
  const { c } = io;
  if (s.stage === 'stopped') return c.dim('stopped · left out of the star');
  const marks = STEPS.map((step) => (s.steps[step] ? c.green(`${step} ✔`) : step === s.stage ? c.bold.yellow(`${step} next`) : c.dim(step)));
  return marks.join(c.dim(' · '));
}

/** "a, b and c" */
function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function gapLines(io: Io, gaps: Gap[], labelOf: Map<string, string>): string[] {
  const { c } = io;
  const byCo = new Map<Co, Gap[]>();
  for (const g of gaps) {
    if (!byCo.has(g.co)) byCo.set(g.co, []);
    byCo.get(g.co)!.push(g);
  }
  // Co's in the order of their first (largest) gap.
  const order = [...byCo.keys()];
  const lines: string[] = [];
  for (const co of order.slice(0, 3)) {
    const list = byCo.get(co)!;
    const empty = list.filter((g) => g.potential === 0).map((g) => labelOf.get(g.serviceArea) ?? g.serviceArea);
    const potential = list.filter((g) => g.potential > 0).map((g) => labelOf.get(g.serviceArea) ?? g.serviceArea);
    const parts: string[] = [];
    if (empty.length) parts.push(`${empty.length === 1 ? 'a gap' : 'gaps'} in ${empty.join(', ')}`);
    if (potential.length) parts.push(`${CELL_WORDS['potential-only']} in ${potential.join(', ')}`);
    lines.push(`  ${c.bold(CO_LABELS[co])}: ${parts.join('; ')}`);
    lines.push(`    ${c.cyan(`costar explore --co ${co}${list[0] ? ` --area ${list[0].serviceArea}` : ''}`)}`);
  }
  if (order.length > 3) lines.push(c.dim(`  … and more in ${listWords(order.slice(3).map((co) => CO_LABELS[co]))}: costar star`));
  return lines;
}

export async function run({ io, global, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readValidPortfolio(root);
  const st = portfolioStatus(p.config, p.initiatives);
  if (opts.json) {
    io.out(JSON.stringify(st, null, 2) + '\n');
    return 0;
  }
  const { c } = io;
  const out: string[] = [];
  out.push(c.bold(`${p.config.name} — where each initiative stands`));
  out.push('');
  if (!st.initiatives.length) {
    out.push('No initiatives yet. Map the co-production that already exists:');
    out.push(`  ${c.cyan('costar map')}   (or unattended: costar map add --title … --area ${p.config.serviceAreas[0]?.id ?? '…'})`);
  }
  // The journeys line up after the ids, up to 28 columns in; a longer id has its journey on the next line.
  const width = Math.min(Math.max(...st.initiatives.map((s) => s.id.length), 10) + 3, 28);
  for (const s of st.initiatives) {
    out.push(s.id.length < width - 1 ? `${c.bold(s.id.padEnd(width))}${journey(io, s)}` : `${c.bold(s.id)}\n${' '.repeat(width)}${journey(io, s)}`);
    if (s.next) {
      out.push(`  ${s.next.message}:`);
      out.push(`    ${c.cyan(s.next.command)}`);
    }
    for (const n of s.notes) {
      out.push(`  ${n.message}:`);
      out.push(`    ${c.cyan(n.command)}`);
    }
  }
  const stages = new Map<string, number>();
  for (const s of st.initiatives) stages.set(s.stage, (stages.get(s.stage) ?? 0) + 1);
  if (st.initiatives.length) {
    out.push('');
    const parts = [...STEPS.map((step) => [step, stages.get(step) ?? 0] as const).filter(([, n]) => n > 0).map(([step, n]) => `${n} at ${step}`)];
    if (stages.get('done')) parts.push(`${stages.get('done')} with every step done`);
    if (stages.get('stopped')) parts.push(`${stages.get('stopped')} stopped`);
    out.push(`${st.initiatives.length} initiative${st.initiatives.length === 1 ? '' : 's'}: ${parts.join(', ')}.`);
  }
  out.push('');
  const labelOf = new Map(p.config.serviceAreas.map((a) => [a.id, a.label]));
  if (st.gaps.length) {
    const { gaps, potentialOnly, cells } = st.coverage;
    const counts = [gaps ? plural(gaps, 'gap') : '', potentialOnly ? `${potentialOnly} ${CELL_WORDS['potential-only']}` : ''].filter(Boolean).join(', ');
    out.push(c.bold(gaps ? 'Biggest gaps in the star' : `Cells of the star that are ${CELL_WORDS['potential-only']}`) + c.dim(` (${counts}, of ${cells} cells)`));
    out.push(...gapLines(io, st.gaps, labelOf));
  } else {
    out.push(c.bold('No gaps in the star:') + ` every service area practises all Four Co's (${COS.length * p.config.serviceAreas.length} cells).`);
  }
  io.out(fit(io, out.join('\n') + '\n'));
  const first = st.initiatives.find((s) => s.next && s.stage !== 'done') ?? st.initiatives.find((s) => s.next);
  io.err(fitErr(io, first ? `Next: ${first.next!.command}\n` : `Next: costar map — find more co-production for the gaps\n`));
  return 0;
}

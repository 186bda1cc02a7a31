/** `costar star`: the star's coverage tables, as text, JSON or an SVG picture. */
import { resolve } from 'node:path';
import type { Config } from '../../core/config.js';
import { portfolioStarSvg } from '../../core/star-svg.js';
import { CELL_WORDS, cellKind, coShares, GAP_DEFINITION, ringSteps, starCoverage, stepShares, summariseCoverage, type CoverageCell, type StarCoverage } from '../../core/star.js';
import { COS, CO_LABELS, STEPS, type Status } from '../../core/vocab.js';
import { findPortfolio, readValidPortfolio } from '../../store/portfolio.js';
import { assertNotPortfolioFile, writeTextAtomic } from '../../store/write.js';
import { checkChoice } from '../check-values.js';
import type { Io } from '../io.js';
import type { CommandContext } from '../program.js';
import { columns, fit, fitErr, makeTable, tableText, wrap } from '../render.js';


/** One cell of table 1: existing · potential, or a gap. */
export function cellText(io: Io, cell: CoverageCell): string {
  const { c } = io;
  if (cellKind(cell) === 'gap') return c.yellow(`· ${CELL_WORDS.gap}`);
  if (cell.potential === 0) return String(cell.existing);
  return `${cell.existing === 0 ? c.yellow('0') : cell.existing} · ${c.dim(String(cell.potential))}`;
}

export const pct = (share: number): string => `${Math.round(share * 100)}%`;

/** Renders both tables as text lines. */
export async function renderStar(io: Io, config: Config, data: StarCoverage, statusOf: Map<string, Status>, area?: string): Promise<string> {
  const { c } = io;
  const out: string[] = [];
  const areas = config.serviceAreas.filter((a) => area === undefined || a.id === area);
  out.push(c.bold(`${config.name} — star coverage`) + c.dim('  (each cell: existing · potential initiatives; stopped ones left out)'));
  const t1 = await makeTable(io, ['Service area', ...COS.map((co) => CO_LABELS[co]), 'Covered'], ['left', 'center', 'center', 'center', 'center', 'center']);
  for (const a of areas) {
    const cells = data.coverage.filter((x) => x.serviceArea === a.id);
    const covered = cells.filter((x) => x.existing > 0).length;
    t1.push([a.label, ...cells.map((x) => cellText(io, x)), `${covered} of ${cells.length}`]);
  }
  if (areas.length > 1) {
    const shares = coShares(data.coverage);
    t1.push([c.dim('Areas with it'), ...shares.map((s) => c.dim(`${s.areas} of ${s.of}`)), '']);
  }
  out.push(tableText(io, t1));
  const sum = summariseCoverage(data.coverage);
  out.push(
    `Coverage: ${sum.existing} of ${sum.cells} cells have existing co-production (${pct(sum.share)})` +
      (sum.potentialOnly ? `; ${sum.potentialOnly} ${sum.potentialOnly === 1 ? 'is' : 'are'} ${CELL_WORDS['potential-only']}` : '') +
      (sum.gaps ? `; ${sum.gaps} ${sum.gaps === 1 ? 'is a gap' : 'are gaps'}` : '; no gaps'),
  );
  out.push(c.dim(wrap(GAP_DEFINITION, Math.min(80, columns(io)))));
  out.push('');

  out.push(c.bold('The journey') + c.dim('  (each step done or not, judged from the evidence in the files)'));
  if (!data.steps.length) {
    out.push(c.dim('No initiatives yet.'));
  } else {
    const t2 = await makeTable(io, ['Initiative', 'Status', ...STEPS], ['left', 'left', 'center', 'center', 'center', 'center', 'center']);
    for (const row of data.steps) {
      const st = statusOf.get(row.initiative) ?? '';
      const stopped = st === 'stopped';
      const mark = (done: boolean) => (done ? (stopped ? c.dim('✔') : c.green('✔')) : c.dim('·'));
      t2.push([stopped ? c.dim(row.initiative) : row.initiative, stopped ? c.dim(st) : st, ...STEPS.map((s) => mark(row[s]))]);
    }
    // Stopped initiatives keep their row but are left out of the totals, as they are of the ring.
    const ring = ringSteps(data.steps, [...statusOf].map(([id, status]) => ({ id, status })));
    const shares = stepShares(ring);
    t2.push([c.bold('Done'), c.dim(`of ${ring.length}`), ...shares.map((s) => c.bold(String(s.done)))]);
    out.push(tableText(io, t2));
  }
  return fit(io, out.join('\n') + '\n');
}

export async function run({ io, global, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readValidPortfolio(root);
  const area = opts.area !== undefined ? checkChoice(String(opts.area), p.config.serviceAreas.map((a) => a.id), '--area', 'a service area of this portfolio') : undefined;
  const data = starCoverage(p.config, p.initiatives, area);

  let svgPath: string | undefined;
  if (opts.svg !== undefined) {
    const abs = resolve(io.cwd, String(opts.svg));
    assertNotPortfolioFile(root, abs, String(opts.svg));
    const svg = portfolioStarSvg(p.config, data, p.initiatives, area);
    writeTextAtomic(abs, svg, { shown: String(opts.svg) });
    svgPath = String(opts.svg);
  }

  if (opts.json) {
    io.out(JSON.stringify(data, null, 2) + '\n');
    return 0;
  }
  const statusOf = new Map(p.initiatives.map((i) => [i.id, i.status]));
  io.out(await renderStar(io, p.config, data, statusOf, area));
  const { ce } = io;
  if (svgPath) io.err(`${ce.green('✔')} Drew the star in ${svgPath}\n`);
  io.err(fitErr(io, `Next: costar status — what to do for each initiative${svgPath ? '' : ' (or draw this as a picture: costar star --svg star.svg)'}\n`));
  return 0;
}

/** costar history: the star over time, from the portfolio's git history. */
import { resolve } from 'node:path';
import { historySvg, type Period } from '../../core/history.js';
import { openRepo } from '../../store/git.js';
import { portfolioHistory } from '../../store/history.js';
import { findPortfolio } from '../../store/portfolio.js';
import { assertNotPortfolioFile, writeTextAtomic } from '../../store/write.js';
import type { CommandContext } from '../program.js';
import { fitErr, makeTable, tableText } from '../render.js';

export async function run({ io, global, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const repo = openRepo(root);
  const { points, name } = portfolioHistory(repo, opts.every as Period);
  if (opts.svg) {
    const abs = resolve(io.cwd, opts.svg);
    assertNotPortfolioFile(root, abs, opts.svg);
    writeTextAtomic(abs, historySvg(points, name || 'the portfolio'), { shown: opts.svg });
    if (!opts.json) io.err(`Wrote ${opts.svg}\n`);
  }
  if (opts.json) {
    io.out(JSON.stringify(points, null, 2) + '\n');
    return 0;
  }
  if (!points.length) {
    io.err(fitErr(io, 'The portfolio has no commits yet: commit it to start its history.\n'));
    return 0;
  }
  const table = await makeTable(io, ['Date', 'Commit', 'Existing', 'Potential', 'Gaps', 'Map', 'Focus', 'People', 'Market', 'Grow', 'Initiatives'], ['left', 'left', ...Array(9).fill('right')]);
  for (const p of points) {
    table.push([p.date, p.commit.slice(0, 7), p.coverage.existing, p.coverage.potential, p.coverage.gaps, p.steps.map, p.steps.focus, p.steps.people, p.steps.market, p.steps.grow, p.initiatives].map(String));
  }
  io.out(tableText(io, table) + '\n');
  return 0;
}

import { join, relative, resolve } from 'node:path';
import { assertInside } from '../../store/fsafe.js';
import { lock } from '../../store/lock.js';
import { findPortfolio, noteToStderr } from '../../store/portfolio.js';
import { schemaFiles } from '../../store/schemas.js';
import { assertNotPortfolioFile, writeTextAtomic } from '../../store/write.js';
import type { CommandContext } from '../program.js';

export async function run({ io, global, opts }: CommandContext): Promise<number> {
  let dir: string;
  if (opts.out) {
    dir = resolve(io.cwd, opts.out);
  } else {
    // The portfolio's own copies: inside it, under its lock.
    const root = findPortfolio(io.cwd, global.portfolio);
    dir = join(root, '.costar', 'schema');
    assertInside(root, dir, '.costar/schema');
    lock(root, noteToStderr);
  }
  for (const [name, content] of Object.entries(schemaFiles())) {
    const abs = join(dir, name);
    if (opts.out) guardOut(io.cwd, global.portfolio, abs);
    writeTextAtomic(abs, content);
    io.out(relative(io.cwd, abs).split('\\').join('/') + '\n');
  }
  return 0;
}

/** With --out, never onto the files of the portfolio in use (when there is one). */
export function guardOut(cwd: string, explicit: string | undefined, abs: string): void {
  let root: string | undefined;
  try {
    root = findPortfolio(cwd, explicit);
  } catch {
    return;
  }
  assertNotPortfolioFile(root, abs, relative(cwd, abs) || abs);
}

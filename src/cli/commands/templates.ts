import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { builtinTemplate, templateNames } from '../../generate/templates.js';
import { findPortfolio } from '../../store/portfolio.js';
import { writeTextAtomic } from '../../store/write.js';
import type { CommandContext } from '../program.js';

export async function run({ io, global, opts }: CommandContext): Promise<number> {
  const dir = opts.out ? resolve(io.cwd, opts.out) : join(findPortfolio(io.cwd, global.portfolio), 'templates');
  let kept = 0;
  for (const name of templateNames()) {
    const abs = join(dir, name);
    const rel = relative(io.cwd, abs).split(sep).join('/');
    if (existsSync(abs) && !opts.force) {
      kept++;
      io.err(`${io.ce.dim('kept')} ${rel} (already there; --force replaces it)\n`);
      continue;
    }
    writeTextAtomic(abs, builtinTemplate(name)!);
    io.out(`${rel}\n`);
  }
  const where = relative(io.cwd, dir) || '.';
  io.err(
    opts.out
      ? `Edit the copies, then put them in a portfolio's templates folder: costar generate uses a template there instead of the built-in one of the same name.\n`
      : `Edit the copies: costar generate uses a template in ${where} instead of the built-in one of the same name.\n`,
  );
  return 0;
}

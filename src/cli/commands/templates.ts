import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { builtinTemplate, templateNames } from '../../generate/templates.js';
import { assertInside } from '../../store/fsafe.js';
import { findPortfolio } from '../../store/portfolio.js';
import { writeTextAtomic } from '../../store/write.js';
import { guardOut } from './schema.js';
import type { CommandContext } from '../program.js';
import { fitErr } from '../render.js';

export async function run({ io, global, opts }: CommandContext): Promise<number> {
  let dir: string;
  if (opts.out) dir = resolve(io.cwd, opts.out);
  else {
    const root = findPortfolio(io.cwd, global.portfolio);
    dir = join(root, 'templates');
    assertInside(root, dir, 'templates/');
  }
  let kept = 0;
  for (const name of templateNames()) {
    const abs = join(dir, name);
    const rel = relative(io.cwd, abs).split(sep).join('/');
    if (existsSync(abs) && !opts.force) {
      kept++;
      io.err(fitErr(io, `${io.ce.dim('kept')} ${rel} (already there; --force replaces it)\n`));
      continue;
    }
    if (opts.out) guardOut(io.cwd, global.portfolio, abs);
    writeTextAtomic(abs, builtinTemplate(name)!, { shown: rel });
    io.out(`${rel}\n`);
  }
  const where = relative(io.cwd, dir) || '.';
  io.err(fitErr(io, 
    opts.out
      ? `Edit the copies, then put them in a portfolio's templates folder: costar generate uses a template there instead of the built-in one of the same name.\n`
      : `Edit the copies: costar generate uses a template in ${where} instead of the built-in one of the same name.\n`,
  ));
  return 0;
}

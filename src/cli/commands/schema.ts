import { join, relative, resolve } from 'node:path';
import { findPortfolio } from '../../store/portfolio.js';
import { schemaFiles } from '../../store/schemas.js';
import { writeTextAtomic } from '../../store/write.js';
import type { CommandContext } from '../program.js';

export async function run({ io, global, opts }: CommandContext): Promise<number> {
  const dir = opts.out ? resolve(io.cwd, opts.out) : join(findPortfolio(io.cwd, global.portfolio), '.costar', 'schema');
  for (const [name, content] of Object.entries(schemaFiles())) {
    const abs = join(dir, name);
    writeTextAtomic(abs, content);
    io.out(relative(io.cwd, abs).split('\\').join('/') + '\n');
  }
  return 0;
}

import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { fit } from '../render.js';
import { EXIT } from '../../core/errors.js';
import { findPortfolio, readPortfolio } from '../../store/portfolio.js';
import { assertNotPortfolioFile, writeTextAtomic } from '../../store/write.js';
import { FORMATTERS } from '../formats.js';
import type { CommandContext } from '../program.js';
import { asOfOption } from './grow/options.js';

export async function run({ io, global, args, opts }: CommandContext): Promise<number> {
  const dir: string | undefined = args[0] ?? global.portfolio;
  const root = findPortfolio(io.cwd, dir);
  // Readings and reviews dated after this day are warned about (future-dated).
  const p = await readPortfolio(root, { asOf: asOfOption(opts, io.env) });
  const format = FORMATTERS[opts.format as string]!;
  const toFile = typeof opts.output === 'string';
  const text = format({
    diagnostics: p.diagnostics,
    files: p.files.map((f) => f.rel),
    root,
    cwd: io.cwd,
    env: io.env,
    failOn: opts.failOn,
    c: opts.format === 'stylish' && !toFile ? io.c : new Chalk({ level: 0 }),
  });
  if (toFile) {
    const abs = resolve(io.cwd, opts.output);
    assertNotPortfolioFile(root, abs, opts.output);
    writeTextAtomic(abs, text, { shown: opts.output });
    if (opts.format !== 'json') io.err(`Wrote ${opts.output}: ${p.errors} errors, ${p.warnings} warnings in ${p.files.length} files\n`);
  } else io.out(opts.format === 'stylish' ? fit(io, text) : text);
  const failing = opts.failOn === 'warning' ? p.diagnostics.length : p.errors;
  return failing > 0 ? EXIT.failed : EXIT.ok;
}

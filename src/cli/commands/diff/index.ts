/** costar diff: what the working tree (or --head) changes against a git ref. */
import { Chalk } from 'chalk';
import type { DiffSide } from '../../../core/diff.js';
import { diffPortfolios } from '../../../core/diff.js';
import { EXIT, usageError } from '../../../core/errors.js';
import { changedFiles, defaultBase, openRepo, portfolioAt, resolveRef, type Repo } from '../../../store/git.js';
import { findPortfolio, MANIFEST, type Portfolio, readPortfolio } from '../../../store/portfolio.js';
import type { CommandContext } from '../../program.js';
import { fit } from '../../render.js';
import { DIFF_FORMATS } from './render.js';

/** One side of the comparison from a portfolio as read. */
export function sideOf(p: Portfolio): DiffSide {
  const raw = new Map<string, unknown>();
  for (const f of p.files) if (f.kind === 'initiative' && f.stem !== undefined) raw.set(f.stem, f.value ?? null);
  return {
    config: p.config,
    raw,
    initiatives: p.initiatives,
    people: p.people,
    problems: p.diagnostics.length,
    errors: p.errors,
    exists: p.files.some((f) => f.rel === MANIFEST),
  };
}

export async function run({ io, global, args, opts }: CommandContext): Promise<number> {
  const format: string = opts.format;
  if (!(format in DIFF_FORMATS)) throw usageError('bad-value', `--format "${format}" is not a format; use text, markdown, json or github`);
  const root = findPortfolio(io.cwd, global.portfolio);
  const repo: Repo = openRepo(root);
  const baseRef: string = args[0] ?? defaultBase(repo);
  const baseCommit = resolveRef(repo, baseRef);
  let head: Portfolio;
  let changed: Set<string>;
  if (opts.head !== undefined) {
    const headCommit = resolveRef(repo, opts.head);
    head = portfolioAt(repo, headCommit);
    changed = changedFiles(repo, baseCommit, headCommit);
  } else {
    head = await readPortfolio(root);
    changed = changedFiles(repo, baseCommit);
  }
  // Files the change left alone are taken from the head as read, not parsed again.
  const base = portfolioAt(repo, baseCommit, { portfolio: head, changed });
  const detail = diffPortfolios(sideOf(base), sideOf(head), { base: baseRef, head: opts.head ?? null });
  const c = format === 'text' ? io.c : new Chalk({ level: 0 });
  const text = await DIFF_FORMATS[format]!({ detail, io: { ...io, c }, root, repo });
  io.out(format === 'text' ? fit(io, text) : text);
  return head.errors > 0 ? EXIT.failed : EXIT.ok;
}

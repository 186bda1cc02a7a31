/**
 * Reading a portfolio as it was in a git commit, from git itself (no network): `git ls-tree` for
 * the files, `git cat-file --batch` for their contents, `git diff --name-only` for what changed.
 */
import { execFileSync } from 'node:child_process';
import { relative, sep } from 'node:path';
import { CostarError, usageError } from '../core/errors.js';
import { SCHEMAS, type Initiative, type RecordKind } from '../core/schema.js';
import { checkFiles, MANIFEST, readPortfolioFile, type Portfolio, type PortfolioFile } from './portfolio.js';

const MAX_BUFFER = 1 << 30;

function git(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'] });
}

function gitText(cwd: string, args: string[]): string {
  return git(cwd, args).toString('utf8');
}

export interface Repo {
  /** The repository's top folder. */
  top: string;
  /** The portfolio's folder inside it, POSIX, '' at the top, else ending in '/'. */
  prefix: string;
  root: string;
}

/** The git repository holding the portfolio at `root`; exit 2 when there is none. */
export function openRepo(root: string): Repo {
  let top: string;
  try {
    top = gitText(root, ['rev-parse', '--show-toplevel']).trim();
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing) throw new CostarError('git-not-found', 'git is not installed or not on the PATH, and costar reads history from git', { hint: 'Install git, then run the command again.' });
    throw usageError('not-a-git-repository', 'the portfolio is not in a git repository, so there is no history to read', 'Keep the portfolio in git (git init; git add .; git commit), or run the command inside the clone.');
  }
  const rel = relative(top, root).split(sep).join('/');
  return { top, prefix: rel ? `${rel}/` : '', root };
}

/** The full commit id of a ref; exit 2 naming `fetch-depth: 0` when git does not have it. */
export function resolveRef(repo: Repo, ref: string): string {
  if (ref.startsWith('-')) throw unknownRef(ref);
  try {
    return gitText(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
  } catch {
    throw unknownRef(ref);
  }
}

function unknownRef(ref: string): CostarError {
  return usageError('unknown-ref', `git has no commit "${ref}" in this clone`, 'Check the name; in CI a shallow clone lacks the base: fetch the whole history (actions/checkout with fetch-depth: 0, or git fetch --unshallow).');
}

/** The default base: the merge base with origin/main when there is one, else HEAD. */
export function defaultBase(repo: Repo): string {
  try {
    return gitText(repo.top, ['merge-base', 'origin/main', 'HEAD']).trim();
  } catch {
    return 'HEAD';
  }
}

const FOLDER_KIND: Record<string, RecordKind> = { initiatives: 'initiative', people: 'person', cases: 'case' };

/** A path inside the portfolio (relative to it) as a record file, or undefined. */
export function recordOf(rel: string): { kind: RecordKind; stem?: string } | undefined {
  if (rel === MANIFEST) return { kind: 'manifest' };
  const m = /^(initiatives|people|cases)\/([^/.][^/]*)\.ya?ml$/s.exec(rel);
  if (!m || /[\u0000-\u001f\u007f-\u009f]/.test(rel)) return undefined;
  return { kind: FOLDER_KIND[m[1]!]!, stem: m[2] };
}

/** The portfolio's record files in a commit (paths relative to the portfolio), sorted as listFiles does. */
export function filesAt(repo: Repo, commit: string): string[] {
  const out = git(repo.top, ['ls-tree', '-r', '-z', '--name-only', commit, '--', repo.prefix || '.']).toString('utf8');
  const rels = out
    .split('\0')
    .filter(Boolean)
    .map((p) => p.slice(repo.prefix.length))
    .filter((rel) => recordOf(rel) !== undefined);
  const order = (rel: string) => (rel === MANIFEST ? 0 : rel.startsWith('initiatives/') ? 1 : rel.startsWith('people/') ? 2 : 3);
  return rels.sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The contents of files in a commit, read through one `git cat-file --batch`. */
export function readBlobs(repo: Repo, commit: string, rels: string[]): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  if (!rels.length) return found;
  const out = git(repo.top, ['cat-file', '--batch'], rels.map((r) => `${commit}:${repo.prefix}${r}\n`).join(''));
  let at = 0;
  for (const rel of rels) {
    const nl = out.indexOf(10, at);
    const header = out.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const m = /^\S+ blob (\d+)$/.exec(header);
    if (!m) continue; // "missing", or not a blob
    const size = Number(m[1]);
    found.set(rel, out.subarray(at, at + size));
    at += size + 1;
  }
  return found;
}

/**
 * The files (relative to the portfolio) that differ between `commit` and `other` (a commit, or
 * the working tree when undefined, untracked files included).
 */
export function changedFiles(repo: Repo, commit: string, other?: string): Set<string> {
  const scope = ['--', repo.prefix || '.'];
  const names = git(repo.top, ['diff', '--name-only', '-z', '--no-renames', commit, ...(other ? [other] : []), ...scope]).toString('utf8').split('\0');
  if (!other) names.push(...git(repo.top, ['ls-files', '-z', '--others', '--exclude-standard', ...scope]).toString('utf8').split('\0'));
  return new Set(names.filter(Boolean).map((p) => p.slice(repo.prefix.length)));
}

/**
 * The portfolio as it was in `commit`. Files that are the same as in `reuse` (a portfolio already
 * read, with `same` naming the files that differ) are taken from it rather than read again.
 */
export function portfolioAt(repo: Repo, commit: string, reuse?: { portfolio: Portfolio; changed: Set<string> }): Portfolio {
  const rels = filesAt(repo, commit);
  const have = new Map<string, PortfolioFile>();
  if (reuse) for (const f of reuse.portfolio.files) if (!reuse.changed.has(f.rel)) have.set(f.rel, f);
  const blobs = readBlobs(repo, commit, rels.filter((r) => !have.has(r)));
  const files: PortfolioFile[] = [];
  for (const rel of rels) {
    const kept = have.get(rel);
    if (kept) {
      files.push(kept);
      continue;
    }
    const bytes = blobs.get(rel);
    const rec = recordOf(rel)!;
    if (bytes) files.push(readPortfolioFile(repo.root, rel, rec.kind, rec.stem, bytes));
  }
  return checkFiles(repo.root, files);
}

/** Commits that touched the portfolio, oldest first: full id and committer date (YYYY-MM-DD). */
export function commitsOf(repo: Repo, ref = 'HEAD'): Array<{ commit: string; date: string }> {
  let out: string;
  try {
    out = gitText(repo.top, ['log', '--first-parent', '--reverse', '--format=%H %cs', ref, '--', repo.prefix || '.']);
  } catch {
    return [];
  }
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [commit, date] = l.split(' ');
      return { commit: commit!, date: date! };
    });
}

export interface Snapshot {
  commit: string;
  date: string;
  manifest: unknown;
  /** The initiatives whose own schema check passes. */
  initiatives: Initiative[];
}

/**
 * The portfolio at each of `commits` (oldest first), reading only what changed: the first in
 * full, then at each next commit only the files `git diff --name-only` names.
 */
export function snapshots(repo: Repo, commits: ReadonlyArray<{ commit: string; date: string }>): Snapshot[] {
  const values = new Map<string, unknown>();
  const out: Snapshot[] = [];
  let prev: string | undefined;
  for (const { commit, date } of commits) {
    let rels: string[];
    if (prev === undefined) rels = filesAt(repo, commit);
    else {
      rels = [...changedFiles(repo, prev, commit)].filter((r) => recordOf(r) !== undefined);
      for (const r of rels) values.delete(r);
    }
    const blobs = readBlobs(repo, commit, rels);
    for (const [rel, bytes] of blobs) {
      const rec = recordOf(rel)!;
      if (rec.kind !== 'manifest' && rec.kind !== 'initiative') continue;
      const value = readPortfolioFile(repo.root, rel, rec.kind, rec.stem, bytes).value;
      const ok = SCHEMAS[rec.kind].safeParse(value).success;
      if (ok && (rec.kind === 'manifest' || (value as Initiative).id === rec.stem)) values.set(rel, value);
    }
    const initiatives: Initiative[] = [];
    for (const [rel, v] of values) if (rel.startsWith('initiatives/')) initiatives.push(v as Initiative);
    initiatives.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.push({ commit, date, manifest: values.get(MANIFEST), initiatives });
    prev = commit;
  }
  return out;
}

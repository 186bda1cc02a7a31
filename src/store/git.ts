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

const sortRels = (rels: string[]) => {
  const order = (rel: string) => (rel === MANIFEST ? 0 : rel.startsWith('initiatives/') ? 1 : rel.startsWith('people/') ? 2 : 3);
  return rels.sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
};

/**
 * The portfolio's record files in a commit (paths relative to the portfolio, sorted as listFiles
 * does), each with its blob id.
 */
export function treeAt(repo: Repo, commit: string): Map<string, string> {
  const out = git(repo.top, ['ls-tree', '-r', '-z', commit, '--', repo.prefix || '.']).toString('utf8');
  const found = new Map<string, string>();
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab === -1) continue;
    const [, type, oid] = entry.slice(0, tab).split(' ');
    const rel = entry.slice(tab + 1).slice(repo.prefix.length);
    if (type === 'blob' && recordOf(rel) !== undefined) found.set(rel, oid!);
  }
  return new Map(sortRels([...found.keys()]).map((r) => [r, found.get(r)!]));
}

/** The portfolio's record files in a commit. */
export function filesAt(repo: Repo, commit: string): string[] {
  return [...treeAt(repo, commit).keys()];
}

/**
 * The contents of blobs through one `git cat-file --batch`, by blob id (by id, not by
 * <commit>:<path>: git would walk the tree for each path, which is slow in a folder of thousands).
 */
export function readBlobs(repo: Repo, oids: Map<string, string>): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  if (!oids.size) return found;
  const rels = [...oids.keys()];
  const out = git(repo.top, ['cat-file', '--batch'], rels.map((r) => `${oids.get(r)}\n`).join(''));
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

/** Record files that differ between two commits, with their blob ids in `to` (undefined: deleted). */
export function changedBetween(repo: Repo, from: string, to: string): Map<string, string | undefined> {
  const out = git(repo.top, ['diff', '--raw', '-z', '--no-abbrev', '--no-renames', from, to, '--', repo.prefix || '.']).toString('utf8').split('\0');
  const found = new Map<string, string | undefined>();
  for (let k = 0; k + 1 < out.length; k += 2) {
    const meta = out[k]!.split(' ');
    const rel = out[k + 1]!.slice(repo.prefix.length);
    if (recordOf(rel) === undefined) continue;
    const oid = meta[3]!;
    found.set(rel, /^0+$/.test(oid) ? undefined : oid);
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
  const tree = treeAt(repo, commit);
  const rels = [...tree.keys()];
  const have = new Map<string, PortfolioFile>();
  if (reuse) for (const f of reuse.portfolio.files) if (!reuse.changed.has(f.rel)) have.set(f.rel, f);
  const blobs = readBlobs(repo, new Map(rels.filter((r) => !have.has(r)).map((r) => [r, tree.get(r)!])));
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
    const oids = new Map<string, string>();
    if (prev === undefined) for (const [r, oid] of treeAt(repo, commit)) oids.set(r, oid);
    else {
      for (const [r, oid] of changedBetween(repo, prev, commit)) {
        values.delete(r);
        if (oid) oids.set(r, oid);
      }
    }
    const blobs = readBlobs(repo, oids);
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

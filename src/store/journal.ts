/**
 * Changes across files as one commit. Every new content is first written whole to a temporary
 * file beside its target and flushed; then `.costar/journal.json` names every rename and
 * deletion (written atomically and flushed); then the renames and deletions happen; then the
 * journal goes. A command killed at any moment leaves either no journal (nothing changed: the
 * temporary files are strays, removed by the next write) or a whole journal whose temporary
 * files all existed when it was written, which the next command finishes before anything else.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CostarError } from '../core/errors.js';
import { assertInside, atomicWrite, fsyncDir, isInside, refuseReadOnly, statIfExists, TMP_PATTERN, writeFailed, writeTemp, type TempFile } from './fsafe.js';
import { holds, lock } from './lock.js';

export const JOURNAL = 'journal.json';

/** One file of a commit: new content for `rel`, or its deletion. */
export interface FileOp {
  rel: string;
  content?: Uint8Array;
  remove?: boolean;
  /** Mode for a new file (existing files keep theirs). */
  mode?: number;
}

interface JournalEntry {
  /** Target, relative to the portfolio (POSIX separators). */
  rel: string;
  /** Temporary file holding the new content, relative; absent for a deletion. */
  tmp?: string;
  /** sha256 of the new content, to recognise a rename already done. */
  sha256?: string;
}

interface Journal {
  costar: 'journal/v1';
  started: string;
  entries: JournalEntry[];
}

/**
 * Fault injection for the crash tests: COSTAR_TEST_KILL=<stage>:<n> sends this process SIGKILL
 * (a real kill -9) when the n-th temporary file is written (`temps`) or rename done (`renames`).
 */
const KILL = /^(temps|renames):(\d+)$/.exec(process.env.COSTAR_TEST_KILL ?? '');
function crashPoint(stage: 'temps' | 'renames', n: number): void {
  if (KILL && KILL[1] === stage && Number(KILL[2]) === n) process.kill(process.pid, 'SIGKILL');
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

/**
 * Applies `ops` to the portfolio at `root` (a real path) as one commit. The caller holds the
 * lock (or it is taken here for the commit). Returns nothing; throws a CostarError that names
 * the file and the cause when the disk refuses, with the portfolio as it was.
 */
export function commitFiles(root: string, ops: FileOp[], opts: { note?: (m: string) => void } = {}): void {
  const release = holds(root) ? undefined : lock(root, opts.note);
  try {
    removeStrays(root);
    // Check everything before writing anything.
    for (const op of ops) {
      const abs = join(root, op.rel);
      assertInside(root, dirname(abs), op.rel);
      const st = statIfExists(abs);
      if (st) refuseReadOnly(st, op.rel);
      if (st && !st.isFile()) throw new CostarError('not-a-file', `${op.rel} is not a regular file; nothing was changed`);
    }
    if (ops.length === 1 && !ops[0]!.remove) {
      const op = ops[0]!;
      const abs = join(root, op.rel);
      fs.mkdirSync(dirname(abs), { recursive: true });
      atomicWrite(abs, op.content!, { durable: true, mode: op.mode, shown: op.rel });
      return;
    }
    const temps: Array<TempFile & { rel: string; sha256: string }> = [];
    try {
      for (const op of ops) {
        if (op.remove) continue;
        const abs = join(root, op.rel);
        fs.mkdirSync(dirname(abs), { recursive: true });
        try {
          temps.push({ ...writeTemp(abs, op.content!, { durable: true, mode: op.mode, like: statIfExists(abs) }), rel: op.rel, sha256: sha(op.content!) });
          crashPoint('temps', temps.length);
        } catch (e) {
          throw writeFailed(op.rel, e);
        }
      }
      for (const d of new Set(temps.map((t) => dirname(t.tmp)))) fsyncDir(d);
      // (By file, not searched for: a commit of 20,000 new records spent 100 s finding them.)
      const tempOf = new Map(temps.map((t) => [t.rel, t]));
      const journal: Journal = {
        costar: 'journal/v1',
        started: new Date().toISOString(),
        entries: ops.map((op) => {
          const t = tempOf.get(op.rel);
          return t ? { rel: op.rel, tmp: toPosix(relative(root, t.tmp)), sha256: t.sha256 } : { rel: op.rel };
        }),
      };
      atomicWrite(journalPath(root), JSON.stringify(journal, null, 1) + '\n', { durable: true, shown: `.costar/${JOURNAL}` });
    } catch (e) {
      for (const t of temps) fs.rmSync(t.tmp, { force: true });
      throw e;
    }
    // From here the change is decided: finishing it is the same whatever happens next.
    finish(root, readJournal(root)!);
  } finally {
    release?.();
  }
}

function journalPath(root: string): string {
  return join(root, '.costar', JOURNAL);
}

function readJournal(root: string): Journal | undefined {
  let text: string;
  try {
    text = fs.readFileSync(journalPath(root), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const j = JSON.parse(text) as Journal;
    if (j.costar === 'journal/v1' && Array.isArray(j.entries)) return j;
  } catch {
    // Handled below.
  }
  return { costar: 'journal/v1', started: '', entries: [] };
}

/** Performs a journal's renames and deletions (each is done at most once), then removes it. */
function finish(root: string, j: Journal): { done: number; skipped: string[] } {
  const dirs = new Set<string>();
  const skipped: string[] = [];
  let done = 0;
  for (const e of j.entries) {
    const target = safeJoin(root, e.rel);
    const tmp = e.tmp ? safeJoin(root, e.tmp) : undefined;
    if (!target || (e.tmp && (!tmp || !TMP_PATTERN.test(tmp.slice(tmp.lastIndexOf(sep) + 1))))) {
      skipped.push(e.rel);
      continue;
    }
    if (tmp) {
      if (fs.existsSync(tmp)) {
        fs.renameSync(tmp, target);
        done++;
        crashPoint('renames', done);
      } else {
        const now = statIfExists(target) ? sha(fs.readFileSync(target)) : undefined;
        if (now !== e.sha256) skipped.push(e.rel);
      }
    } else if (fs.existsSync(target)) {
      fs.rmSync(target, { force: true });
      done++;
    }
    dirs.add(dirname(target));
  }
  for (const d of dirs) fsyncDir(d);
  fs.rmSync(journalPath(root), { force: true });
  fsyncDir(join(root, '.costar'));
  return { done, skipped };
}

/** `rel` joined to root when it is a plain relative path that stays inside; else undefined. */
function safeJoin(root: string, rel: unknown): string | undefined {
  if (typeof rel !== 'string' || !rel || rel.includes('\0') || rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) return undefined;
  const abs = join(root, rel);
  return isInside(root, abs) && abs !== root ? abs : undefined;
}

/**
 * Finishes a commit that a killed command left half done, before anything else reads the
 * portfolio. Says what it did through `note`. Cheap when there is nothing to do (one stat).
 */
export function recover(root: string, note: (m: string) => void): void {
  if (!fs.existsSync(journalPath(root))) return;
  const release = lock(root, note);
  try {
    const j = readJournal(root);
    if (!j) return;
    if (!j.entries.length) {
      fs.rmSync(journalPath(root), { force: true });
      note(`removed an unreadable change journal in .costar/ (nothing was applied from it)`);
      return;
    }
    const { done, skipped } = finish(root, j);
    note(`finished a change that an interrupted costar command left half done${j.started ? ` (started ${j.started})` : ''}: ${done} file${done === 1 ? '' : 's'} completed`);
    if (skipped.length) note(`could not confirm ${skipped.length} file${skipped.length === 1 ? '' : 's'} of that change (${skipped.slice(0, 5).join(', ')}): check them with costar validate`);
    removeStrays(root);
  } finally {
    release();
  }
}

/** Folders where costar writes temporary files. */
const TMP_DIRS = ['', 'initiatives', 'people', 'cases', '.costar', join('.costar', 'schema')];

/** Temporary files a crash left behind, relative to the portfolio. */
export function strayTemps(root: string): string[] {
  const out: string[] = [];
  for (const d of TMP_DIRS) {
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(join(root, d), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of names) if (e.isFile() && TMP_PATTERN.test(e.name)) out.push(toPosix(join(d, e.name)));
  }
  return out.sort();
}

/** Removes temporary files left by a crash (only while holding the lock: none is in use). */
export function removeStrays(root: string): string[] {
  const strays = strayTemps(root);
  for (const s of strays) fs.rmSync(join(root, s), { force: true });
  return strays;
}

/**
 * The portfolio lock: `.costar/lock`, created exclusively and holding the owner's pid and host.
 * A command that changes the portfolio holds it from reading the files its change depends on to
 * the end of its commit, so two commands never both succeed with one change lost: the second
 * waits a few seconds, then fails clearly. A lock whose process is gone is taken over.
 */
import * as fs from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CostarError } from '../core/errors.js';
import { assertInside, fsyncDir, writeFailed } from './fsafe.js';

export const LOCK_FILE = 'lock';

const HELD = Symbol.for('costar.locks');

interface Held {
  path: string;
  depth: number;
}

// One table per process, shared by every bundle that carries a copy of this module (main.cjs and
// each command's bundle), so that the program can release what a command took.
const shared = globalThis as typeof globalThis & { [HELD]?: Map<string, Held> };
const held: Map<string, Held> = (shared[HELD] ??= new Map());
let exitHook = false;

/** How long a command waits for another to finish (COSTAR_LOCK_WAIT_MS overrides, for tests). */
function waitMs(): number {
  const v = Number(process.env.COSTAR_LOCK_WAIT_MS);
  return Number.isFinite(v) && v >= 0 ? v : 10_000;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** A synchronous pause: the store's API is synchronous and nothing else runs meanwhile. */
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

interface Owner {
  pid: number;
  host: string;
  since: string;
}

function readOwner(path: string): Owner | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(path, 'utf8')) as Owner;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of the portfolio at `root` (a real path), waiting for another command to finish.
 * Re-entrant within a process; released by `unlock` or when the process exits. `note` receives a
 * message when a stale lock is taken over.
 */
export function lock(root: string, note: (msg: string) => void = () => {}): () => void {
  const mine = held.get(root);
  if (mine) {
    mine.depth++;
    return () => unlock(root);
  }
  const dir = join(root, '.costar');
  assertInside(root, dir, '.costar/');
  fs.mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const deadline = Date.now() + waitMs();
  for (let attempt = 0; ; attempt++) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(path, 'wx', 0o644);
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      fsyncDir(dir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        if (fd !== undefined) {
          fs.closeSync(fd);
          fs.rmSync(path, { force: true });
        }
        throw writeFailed(`.costar/${LOCK_FILE}`, e);
      }
    }
    const owner = readOwner(path);
    if (owner && owner.host === me.host && !alive(owner.pid)) {
      // The owner was killed: its journal (if any) is finished by the caller.
      try {
        fs.rmSync(path);
        note(`took over the lock of a costar command that stopped without releasing it (process ${owner.pid})`);
      } catch {
        // Another command took it over first.
      }
      continue;
    }
    if (!owner && attempt > 2) {
      // Unreadable after a while: a lock file from elsewhere, written half or by hand.
      const age = Date.now() - (fs.statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > waitMs()) {
        fs.rmSync(path, { force: true });
        note('removed an unreadable lock file in .costar/');
        continue;
      }
    }
    if (Date.now() >= deadline) {
      const who = owner ? `process ${owner.pid}${owner.host === me.host ? '' : ` on ${owner.host}`}, since ${owner.since}` : 'another command';
      throw new CostarError('portfolio-locked', `another costar command is changing this portfolio (${who}); nothing was changed`, {
        hint: `Wait for it to finish and run the command again. If no costar command is running, delete ${join('.costar', LOCK_FILE)}.`,
      });
    }
    pause(Math.min(50 + attempt * 10, 200));
  }
  held.set(root, { path, depth: 1 });
  if (!exitHook && !process.listeners('exit').includes(releaseAll)) {
    exitHook = true;
    process.on('exit', releaseAll);
  }
  return () => unlock(root);
}

function unlock(root: string): void {
  const h = held.get(root);
  if (!h) return;
  if (--h.depth > 0) return;
  held.delete(root);
  fs.rmSync(h.path, { force: true });
}

/** True when this process holds the lock of `root`. */
export function holds(root: string): boolean {
  return held.has(root);
}

/** Releases every lock this process holds: when a command ends, however it ends. */
export function releaseAll(): void {
  for (const h of held.values()) fs.rmSync(h.path, { force: true });
  held.clear();
}

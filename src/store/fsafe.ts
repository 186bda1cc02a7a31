/**
 * The file system, carefully: whole writes, reads of regular files only, and paths that stay
 * inside the portfolio. Every other module of the store reaches the disk through these.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { CostarError } from '../core/errors.js';

/** The largest file costar reads (records, templates, CSV surveys are far smaller). */
export const READ_LIMIT = 16 * 1024 * 1024;

/** Names of temporary files: `.<name>.<random>.tmp` beside the target. */
export const TMP_PATTERN = /^\.(.+)\.[a-z0-9]{6,}\.tmp$/;

let tmpCounter = 0;
const tmpPrefix = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;

/** A temporary name beside `abs`, unique per process and call; 'wx' refuses one that exists. */
export function tmpNameFor(abs: string): string {
  return join(dirname(abs), `.${basename(abs)}.${tmpPrefix}${(tmpCounter++).toString(36)}.tmp`);
}

const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  EIO: 'the disk reported an input/output error',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'something is already there',
  ENOENT: 'it does not exist',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'it is a chain of links that never ends',
};

/** A system error's cause in plain words: "the disk is full". */
export function causeOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && CAUSES[code]) return CAUSES[code]!;
  return e instanceof Error ? e.message : String(e);
}

/** True for an error from the operating system (ENOSPC, EACCES, …). */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!);
}

/** Wraps a system error as a CostarError that names the file and the cause (exit 1). */
export function writeFailed(shown: string, e: unknown): CostarError {
  return new CostarError('write-failed', `could not write ${shown}: ${causeOf(e)}; nothing was changed`, {
    hint: (e as NodeJS.ErrnoException)?.code === 'ENOSPC' ? 'Free some space on the disk and run the command again.' : 'Check the folder and its permissions, then run the command again.',
  });
}

/** Writes every byte of `buf` to `fd` (writeSync may write fewer than asked). */
function writeAll(fd: number, buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) {
    const n = fs.writeSync(fd, buf, off, buf.length - off);
    if (n <= 0) throw Object.assign(new Error('no bytes could be written'), { code: 'EIO' });
    off += n;
  }
}

export interface TempFile {
  tmp: string;
  target: string;
}

/**
 * Writes `content` whole to a new temporary file beside `target`: every byte written and
 * checked against the file's size, the mode (and owner, where allowed) of what it replaces,
 * flushed to disk when `durable`. On any failure the temporary file is removed and the error
 * thrown; the target is never touched here.
 */
export function writeTemp(target: string, content: string | Uint8Array, opts: { durable: boolean; mode?: number; like?: fs.Stats }): TempFile {
  const tmp = tmpNameFor(target);
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const fd = fs.openSync(tmp, 'wx', opts.mode ?? 0o666);
  try {
    writeAll(fd, buf);
    if (opts.like) {
      fs.fchmodSync(fd, opts.like.mode & 0o7777);
      try {
        fs.fchownSync(fd, opts.like.uid, opts.like.gid);
      } catch {
        // Only the owner's own files can be given away; the mode is what protects them.
      }
    }
    if (fs.fstatSync(fd).size !== buf.length) throw Object.assign(new Error('the file was not written whole'), { code: 'EIO' });
    if (opts.durable) fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      // Already closed.
    }
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { tmp, target };
}

/** Flushes a folder's entries (renames, deletions) to disk; not every system allows it. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems cannot flush a folder; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The one atomic write of a single file: whole to a temporary file, then renamed over the
 * target (and the folder flushed when `durable`). The target keeps its mode and owner; a
 * target without write permission is refused.
 */
export function atomicWrite(target: string, content: string | Uint8Array, opts: { durable: boolean; mode?: number; shown?: string; derived?: boolean }): void {
  const shown = opts.shown ?? target;
  // A derived file (a generated document, made again at will) takes the default mode; looking
  // up what it replaces costs a stat per document in batches of thousands.
  const like = opts.derived ? undefined : statIfExists(target);
  if (like) refuseReadOnly(like, shown);
  let t: TempFile;
  try {
    t = writeTemp(target, content, { durable: opts.durable, mode: opts.mode, like });
  } catch (e) {
    throw writeFailed(shown, e);
  }
  try {
    fs.renameSync(t.tmp, target);
  } catch (e) {
    fs.rmSync(t.tmp, { force: true });
    throw writeFailed(shown, e);
  }
  if (opts.durable) fsyncDir(dirname(target));
}

export function statIfExists(abs: string): fs.Stats | undefined {
  try {
    return fs.statSync(abs);
  } catch {
    return undefined;
  }
}

/** A file that its owner made read-only is left alone, not replaced. */
export function refuseReadOnly(st: fs.Stats, shown: string): void {
  if (st.isFile() && (st.mode & 0o222) === 0) {
    throw new CostarError('read-only-file', `${shown} is read-only, so costar will not replace it; nothing was changed`, {
      hint: `Make it writable first (e.g. chmod u+w ${shown}) if the change is wanted.`,
    });
  }
}

/** True when `abs` is `root` or below it (both absolute, real paths). */
export function isInside(root: string, abs: string): boolean {
  const rel = relative(root, abs);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/** The real path of `abs`, or undefined when it does not exist (or is a broken link). */
export function realIfExists(abs: string): string | undefined {
  try {
    return fs.realpathSync(abs);
  } catch {
    return undefined;
  }
}

/**
 * Checks that `abs` (under the portfolio `root`, a real path) does not lead outside the
 * portfolio through a link: the deepest part of the path that exists must resolve inside.
 */
export function assertInside(root: string, abs: string, shown: string): void {
  let probe = abs;
  for (;;) {
    const real = realIfExists(probe);
    if (real !== undefined) {
      if (!isInside(root, real)) {
        throw new CostarError('outside-portfolio', `${shown} leads outside the portfolio through a link, so costar will not use it`, {
          hint: 'Replace the link with a real folder or file inside the portfolio.',
        });
      }
      return;
    }
    const up = dirname(probe);
    if (up === probe) return;
    probe = up;
  }
}

export type ReadOutcome = { bytes: Buffer } | { problem: 'not-a-file' | 'too-large' | 'unreadable'; detail: string };

/** Opening without blocking: a FIFO with no writer would otherwise hang the read. */
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Why a file cannot be read as a record, from its stat: not a regular file, or too large. */
function refusal(st: fs.Stats, limit: number): ReadOutcome | undefined {
  if (!st.isFile()) return { problem: 'not-a-file', detail: st.isDirectory() ? 'a folder' : 'not a regular file (a device, pipe or socket)' };
  if (st.size > limit) return { problem: 'too-large', detail: `${(st.size / 1048576).toFixed(1)} MiB` };
  return undefined;
}

/**
 * Reads a regular file of at most `limit` bytes. A FIFO, a device or a folder is refused at
 * once (opened without blocking, checked before reading), and so is a larger file, without
 * reading it.
 */
export function readRegular(abs: string, limit = READ_LIMIT): ReadOutcome {
  let fd: number;
  try {
    fd = fs.openSync(abs, READ_FLAGS);
  } catch (e) {
    return { problem: 'unreadable', detail: causeOf(e) };
  }
  try {
    const st = fs.fstatSync(fd);
    const refused = refusal(st, limit);
    if (refused) return refused;
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = fs.readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return { bytes: off === st.size ? buf : buf.subarray(0, off) };
  } catch (e) {
    return { problem: 'unreadable', detail: causeOf(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/** readRegular with fs.promises, for reading many files at once when each read waits on the disk. */
export async function readRegularAsync(abs: string, limit = READ_LIMIT): Promise<ReadOutcome> {
  let h: fs.promises.FileHandle;
  try {
    h = await fs.promises.open(abs, READ_FLAGS);
  } catch (e) {
    return { problem: 'unreadable', detail: causeOf(e) };
  }
  try {
    const st = await h.stat();
    const refused = refusal(st, limit);
    if (refused) return refused;
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const { bytesRead } = await h.read(buf, off, st.size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return { bytes: off === st.size ? buf : buf.subarray(0, off) };
  } catch (e) {
    return { problem: 'unreadable', detail: causeOf(e) };
  } finally {
    // (Closing a file only read cannot lose anything; a failure to close is not the file's problem.)
    await h.close().catch(() => undefined);
  }
}

/**
 * The text of a file of the portfolio (a template, a CSV survey inside it): undefined when it
 * does not exist; refused when it leads outside the portfolio, is not a regular file or is too
 * large.
 */
export function readPortfolioText(root: string, rel: string, limit = 1024 * 1024): string | undefined {
  const abs = join(root, rel);
  if (!statIfExistsNoFollow(abs)) return undefined;
  assertInside(root, abs, rel);
  const r = readRegular(abs, limit);
  if ('bytes' in r) return r.bytes.toString('utf8');
  throw new CostarError(r.problem === 'not-a-file' ? 'not-a-file' : r.problem === 'too-large' ? 'file-too-large' : 'unreadable-file', `${rel} cannot be used: it is ${r.problem === 'unreadable' ? `unreadable (${r.detail})` : r.detail}`, {
    hint: r.problem === 'too-large' ? `costar reads files up to ${limit / 1048576} MiB.` : 'Replace it with a regular file inside the portfolio.',
  });
}

function statIfExistsNoFollow(abs: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(abs);
  } catch {
    return undefined;
  }
}

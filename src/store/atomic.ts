/** Atomic writes: a temporary file beside the target, then a rename. */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

let tmpCounter = 0;
const tmpPrefix = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;

/** A temporary name beside `abs`, unique per process and call; 'wx' refuses one that exists. */
export function tmpNameFor(abs: string): string {
  return join(dirname(abs), `.${basename(abs)}.${tmpPrefix}${(tmpCounter++).toString(36)}.tmp`);
}

/**
 * The one atomic write: content to a temporary file (created exclusively), optionally flushed,
 * then renamed over the target; the temporary file is removed if anything fails.
 *
 * It takes `fs` as a parameter and uses nothing from outside its body, because the background
 * writer (batch-writer.ts) runs this same function's source on a worker thread.
 */
export function atomicWrite(fs: typeof import('node:fs'), abs: string, tmp: string, content: string | Uint8Array, durable: boolean): void {
  const fd = fs.openSync(tmp, 'wx', 0o644);
  try {
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    fs.writeSync(fd, buf, 0, buf.length);
    if (durable) fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

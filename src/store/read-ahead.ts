/**
 * Reading a large portfolio's files on a second thread, ahead of the main thread, which takes
 * them in order while it parses and checks the ones already read.
 *
 * The thread reads from the first file on, in batches handed over whole (one transfer each). A
 * thread takes tens of milliseconds to start, so until its first batch arrives the main thread
 * reads files itself from the last one backwards, and the thread stops where those begin (a
 * shared counter says where). A file read by both is simply taken from the main thread's copy.
 * If the thread fails or stalls, the main thread reads the rest itself, so the result never
 * depends on the thread.
 */
import { readFileSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** Below this many files a thread costs more than it saves. */
export const READ_AHEAD_MIN = 1000;

/** How long the main thread waits for a batch before reading the rest itself. */
const STALL_MS = 10_000;

// shared[0]: batches posted (for Atomics.wait); shared[1]: the first file the main thread reads itself.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { paths, port, signal } = workerData;
const shared = new Int32Array(signal);
const BATCH = 262144;
let files = [];
let bytes = 0;
let start = 0;
function flush() {
  const pack = new Uint8Array(bytes);
  const index = [];
  let at = 0;
  for (const f of files) {
    if (typeof f === 'string') {
      index.push(-1, f);
      continue;
    }
    pack.set(f, at);
    index.push(at, f.length);
    at += f.length;
  }
  port.postMessage({ start, pack: pack.buffer, index }, [pack.buffer]);
  Atomics.add(shared, 0, 1);
  Atomics.notify(shared, 0);
  start += files.length;
  files = [];
  bytes = 0;
}
for (let i = 0; i < paths.length && i < Atomics.load(shared, 1); i++) {
  try {
    const b = fs.readFileSync(paths[i]);
    files.push(b);
    bytes += b.length;
  } catch (e) {
    files.push(e && e.message ? e.message : String(e));
  }
  if (files.length >= 128 || bytes >= BATCH) flush();
}
if (files.length) flush();
port.close();
`;

export type ReadResult = Buffer | { error: string };

function readHere(path: string): ReadResult {
  try {
    return readFileSync(path);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * Starts reading `paths` on a second thread; each call of the returned function gives the next
 * file. `meanwhile: false` leaves every file to the thread (tests use it to exercise both sides).
 */
export function readAhead(paths: readonly string[], opts: { meanwhile?: boolean } = {}): () => ReadResult {
  const n = paths.length;
  const signal = new SharedArrayBuffer(8);
  const shared = new Int32Array(signal);
  shared[1] = n;
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | undefined;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { paths, port: port2, signal }, transferList: [port2] });
    worker.unref();
    worker.on('error', () => undefined);
  } catch {
    worker = undefined;
  }
  /** Files from `tail` on are read here. */
  let tail = n;
  const own: ReadResult[] = [];
  /** The batch in hand: files start, start + 1, … */
  let batch: { start: number; pack: ArrayBuffer; index: Array<number | string> } | undefined;
  let taken = 0;
  let alone = worker === undefined;

  function finish(): void {
    port1.close();
    void worker?.terminate();
  }

  // While the thread starts, read from the end.
  if (!alone && opts.meanwhile !== false) {
    let m = receiveMessageOnPort(port1);
    while (!m && tail > 0) {
      Atomics.store(shared, 1, tail - 1);
      tail--;
      own[tail] = readHere(paths[tail]!);
      m = receiveMessageOnPort(port1);
    }
    if (m) batch = m.message as typeof batch;
  }

  return () => {
    const i = taken++;
    if (taken === n) finish();
    if (i >= tail) return own[i]!;
    if (alone) return readHere(paths[i]!);
    for (;;) {
      if (batch && i < batch.start + batch.index.length / 2) {
        const k = (i - batch.start) * 2;
        const at = batch.index[k] as number;
        const len = batch.index[k + 1]!;
        return at === -1 ? { error: len as string } : Buffer.from(batch.pack, at, len as number);
      }
      const seen = Atomics.load(shared, 0);
      const m = receiveMessageOnPort(port1);
      if (m) {
        batch = m.message as typeof batch;
        continue;
      }
      if (Atomics.wait(shared, 0, seen, STALL_MS) === 'timed-out') {
        alone = true;
        finish();
        return readHere(paths[i]!);
      }
    }
  };
}

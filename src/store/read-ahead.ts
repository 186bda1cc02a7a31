/**
 * Reading a large portfolio's files on a second thread, ahead of the main thread, which takes
 * them in order while it parses and checks the ones already read. The bytes are handed over,
 * not copied. If the thread fails or stalls, the main thread reads the rest itself, so the
 * result never depends on the thread.
 */
import { readFileSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** Below this many files a thread costs more than it saves. */
export const READ_AHEAD_MIN = 1000;
/** How long the main thread waits for a batch before reading the rest itself. */
const STALL_MS = 10_000;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { paths, port, signal } = workerData;
const flag = new Int32Array(signal);
let items = [];
let transfer = [];
let bytes = 0;
function flush() {
  port.postMessage(items, transfer);
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
  items = [];
  transfer = [];
  bytes = 0;
}
for (let i = 0; i < paths.length; i++) {
  try {
    const b = fs.readFileSync(paths[i]);
    // Small reads share a pool; hand over a buffer of this file's own.
    const own = b.byteOffset === 0 && b.buffer.byteLength === b.length ? b.buffer : b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
    items.push(own);
    transfer.push(own);
    bytes += b.length;
  } catch (e) {
    items.push({ error: e && e.message ? e.message : String(e) });
  }
  if (items.length >= 64 || bytes >= 262144) flush();
}
if (items.length) flush();
port.close();
`;

export type ReadResult = Buffer | { error: string };

/** Starts reading `paths` on a second thread; each call of the returned function gives the next file. */
export function readAhead(paths: readonly string[]): () => ReadResult {
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | undefined;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { paths, port: port2, signal }, transferList: [port2] });
    worker.unref();
    worker.on('error', () => undefined);
  } catch {
    worker = undefined;
  }
  let queue: Array<ArrayBuffer | { error: string }> = [];
  let qi = 0;
  let taken = 0;
  let alone = worker === undefined;

  function readHere(path: string): ReadResult {
    try {
      return readFileSync(path);
    } catch (e) {
      return { error: (e as Error).message };
    }
  }

  return () => {
    const i = taken++;
    if (alone) return readHere(paths[i]!);
    while (qi >= queue.length) {
      const seen = Atomics.load(flag, 0);
      const m = receiveMessageOnPort(port1);
      if (m) {
        queue = m.message as typeof queue;
        qi = 0;
        continue;
      }
      if (Atomics.wait(flag, 0, seen, STALL_MS) === 'timed-out') {
        alone = true;
        port1.close();
        void worker?.terminate();
        return readHere(paths[i]!);
      }
    }
    const item = queue[qi++]!;
    if (taken === paths.length) port1.close();
    return item instanceof ArrayBuffer ? Buffer.from(item) : item;
  };
}

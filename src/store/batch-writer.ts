/**
 * Writing many generated documents: each one atomically (atomic.ts), on a second thread when
 * there are enough of them, so that the disk work overlaps with rendering the next document.
 * Results come back in the order the documents were given, so output stays deterministic.
 */
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { atomicWrite, tmpNameFor } from './atomic.js';
import { canRunBeside } from './threads.js';

export interface BatchWriter {
  /** Queues a document for writing (its directory must exist). */
  write(abs: string, text: string): void;
  /** Waits for every write; the error message of each one that failed, by its queue position. */
  close(): Promise<Map<number, string>>;
}

/** Below this many documents a thread costs more than it saves. */
export const THREAD_MIN = 200;
/** Documents posted to the thread per message. */
const BATCH = 32;

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const atomicWrite = ${atomicWrite.toString()};
const failures = [];
parentPort.on('message', (m) => {
  if (m === null) {
    parentPort.postMessage(failures);
    parentPort.close();
    return;
  }
  for (let i = 0; i < m.length; i += 4) {
    try {
      atomicWrite(fs, m[i + 1], m[i + 2], m[i + 3], false);
    } catch (e) {
      failures.push([m[i], e && e.message ? e.message : String(e)]);
    }
  }
});
`;

export function createBatchWriter(expected: number): BatchWriter {
  const failures = new Map<number, string>();
  let n = 0;
  if (expected < THREAD_MIN || !canRunBeside()) {
    return {
      write(abs, text) {
        const i = n++;
        try {
          atomicWrite(fs, abs, tmpNameFor(abs), text, false);
        } catch (e) {
          failures.set(i, (e as Error).message);
        }
      },
      close: async () => failures,
    };
  }
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  // It holds the process open only while someone waits for it (close), so a run that stops
  // early for another reason still ends.
  worker.unref();
  let pending: unknown[] = [];
  const done = new Promise<Map<number, string>>((resolve, reject) => {
    worker.once('message', (list: Array<[number, string]>) => {
      for (const [i, msg] of list) failures.set(i, msg);
      resolve(failures);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the writing thread stopped (exit ${code}) before it finished`)));
  });
  return {
    write(abs, text) {
      pending.push(n++, abs, tmpNameFor(abs), text);
      if (pending.length >= BATCH * 4) {
        worker.postMessage(pending);
        pending = [];
      }
    },
    async close() {
      worker.ref();
      if (pending.length) worker.postMessage(pending);
      pending = [];
      worker.postMessage(null);
      return done;
    },
  };
}
